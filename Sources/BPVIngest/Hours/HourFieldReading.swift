import BPVModel

/// How ``HourRecordMapper`` reads the value of one dossier field from a record: bytes to text, dates and times,
/// durations, codes, yes/no values, day assignments and actions. The per-record path works on plain per-field
/// plans (``FieldPlan``) and remembers code lookups per interned value, so that it neither hashes field names nor
/// copies specs.
extension HourRecordMapper {
    /// Builds the per-field tables, once per file.
    mutating func prepareTables() {
        if let spec = mapping.fields[.approved], case .constant(let value) = spec.source,
           case .boolean(let trues, let falses) = spec.kind {
            let word = value.trimmingWhitespace().lowercased()
            constantApproval = trues.contains(word) ? true : falses.contains(word) ? false : nil
        }
        if let spec = mapping.fields[.approved], case .boolean(let trues, let falses) = spec.kind {
            approvalOtherwise = trues.contains("*") ? true : (falses.contains("*") || falses.isEmpty) ? false : nil
            if approvalOtherwise != nil {
                approvalWordLimit = 3 * (trues.union(falses).map(\.utf8.count).max() ?? 0)
            }
        }
        let count = HourField.allCases.count
        specs = Array(repeating: nil, count: count)
        slotIndex = Array(repeating: -1, count: count)
        recentInterned = Array(repeating: -1, count: count)
        plans = Array(repeating: FieldPlan(), count: count)
        var patterns: [(Int, DateTimePattern)] = []
        for field in HourField.allCases {
            let i = field.ordinal
            specs[i] = mapping.fields[field]
            slotIndex[i] = slots[field] ?? -1
            guard let spec = mapping.fields[field] else { continue }
            var plan = FieldPlan()
            plan.mapped = true
            if case .constant = spec.source { plan.constant = true }
            plan.optional = spec.optional
            // Unique values (entry ids, descriptions) are decoded directly; repeating ones are interned.
            plan.intern = field != .externalID && field != .description
            switch spec.kind {
            case .date(let p): plan.kind = .date; patterns.append((i, p))
            case .time(let p): plan.kind = .time; patterns.append((i, p))
            case .datetime(let p): plan.kind = .datetime; patterns.append((i, p))
            case .duration(let format): plan.kind = .duration; plan.duration = format
            case .boolean: plan.kind = .boolean
            case .codes: plan.kind = .codes
            case .text: plan.kind = .text
            }
            plans[i] = plan
        }
        let storage = TokenStorage(patterns.map(\.1))
        for (k, (i, pattern)) in patterns.enumerated() {
            plans[i].tokens = storage.tokens(k)
            plans[i].hasDate = pattern.hasDate
            plans[i].hasTime = pattern.hasTime
            plans[i].isoPrefix = pattern.isoPrefix
        }
        tokenStorage = storage
        if let spec = mapping.fields[.category], case .codes(let name) = spec.kind { categoryTable = mapping.codes[name] }
        if let spec = mapping.fields[.action], case .codes(let name) = spec.kind { actionTable = mapping.codes[name] }
        prepareSkipping()
    }

    @inline(__always) func spec(_ field: HourField) -> FieldSpec? { specs[field.ordinal] }

    /// The constant of a `value:` field.
    @inline(__always) func constant(_ field: HourField) -> String? {
        if let spec = specs[field.ordinal], case .constant(let value) = spec.source { return value }
        return nil
    }

    /// Sets `cache[id] = value`, growing the cache as ids appear.
    @inline(__always) static func remember(_ value: UInt8, _ id: Int, in cache: inout [UInt8]) {
        guard id >= 0 else { return }
        if id >= cache.count { cache.append(contentsOf: repeatElement(0, count: id - cache.count + 1)) }
        cache[id] = value
    }

    // MARK: - Field values
    //
    // Called on the mapper (a struct of some 570 bytes) from its mutating methods, a non-mutating method that is
    // not inlined gets a copy of the whole struct first (a memcpy per field per record). So the small helpers are
    // inlined, and the larger ones (moment, seconds, assignedDay) are `mutating` although they change nothing:
    // a mutating method is passed the mapper's address.

    /// The raw bytes of a column-backed field, `nil` for constants and unmapped fields.
    @inline(__always) func raw<R: FieldRecord>(_ field: HourField, _ record: R) -> UnsafeRawBufferPointer? {
        let slot = slotIndex[field.ordinal]
        guard slot >= 0, slot < record.count else { return nil }
        return record[slot]
    }

    mutating func text<R: FieldRecord>(_ field: HourField, _ record: R) throws(Problem) -> String? {
        let plan = plans[field.ordinal]
        guard plan.mapped else { return nil }
        if plan.constant { return constant(field) }
        guard let bytes = raw(field, record)?.trimmingASCIISpaces(), !bytes.isEmpty else { return nil }
        if plan.intern { return try intern(field, bytes, record).0 }
        try checkBytes(field, bytes, record)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text and its interner id (-1 for constants and when the interner is full).
    mutating func internedText<R: FieldRecord>(_ field: HourField, _ record: R) throws(Problem) -> (String, Int)? {
        let plan = plans[field.ordinal]
        guard plan.mapped else { return nil }
        if plan.constant { return constant(field).map { ($0, -1) } }
        guard let bytes = raw(field, record)?.trimmingASCIISpaces(), !bytes.isEmpty else { return nil }
        return try intern(field, bytes, record)
    }

    /// The interned text of a field's bytes. A field's value mostly repeats the previous record's (the same
    /// employee on consecutive rows, the same hour type): that one is compared first, before any hashing.
    @inline(__always)
    private mutating func intern<R: FieldRecord>(_ field: HourField, _ bytes: UnsafeRawBufferPointer,
                                                 _ record: R) throws(Problem) -> (String, Int) {
        let recent = recentInterned[field.ordinal]
        if interner.holds(recent, bytes) { return (interner.value(recent), recent) }  // checked when it came first
        try checkBytes(field, bytes, record)
        let interned = interner.intern(bytes)
        recentInterned[field.ordinal] = interned.id
        return interned
    }

    /// Approved, from a yes/no field; a value is looked up once, then remembered.
    mutating func approval<R: FieldRecord>(_ record: R) throws(Problem) -> Bool? {
        guard plans[HourField.approved.ordinal].kind == .boolean else { return nil }
        if let constantApproval { return constantApproval }
        if let otherwise = approvalOtherwise, let bytes = raw(.approved, record)?.trimmingASCIISpaces(),
           bytes.count > approvalWordLimit {
            try checkBytes(.approved, bytes, record)
            return otherwise
        }
        guard let (raw, id) = try internedText(.approved, record) else { return nil }
        if id >= 0, id < approvedCache.count, approvedCache[id] != 0 {
            if approvedCache[id] <= 2 { return approvedCache[id] == 2 }
        }
        guard let spec = spec(.approved), case .boolean(let trues, let falses) = spec.kind else { return nil }
        let value = FieldSpec.booleanValue(raw.trimmingWhitespace().lowercased(), trueValues: trues, falseValues: falses)
        Self.remember(value.map { $0 ? 2 : 1 } ?? 3, id, in: &approvedCache)
        guard let value else {
            throw problem(.approved, record, reason: "not a known yes/no value",
                          expected: FieldSpec.booleanExpected(trueValues: trues, falseValues: falses))
        }
        return value
    }

    /// Throws when the bytes hold a NUL or are not valid in the file's encoding. The common case (plain ASCII) is
    /// decided inline; the rest, and the reject's text, out of line.
    @inline(__always)
    mutating func checkBytes<R: FieldRecord>(_ field: HourField, _ bytes: UnsafeRawBufferPointer, _ record: R) throws(Problem) {
        guard RecordFieldReader.mayHoldNulOrNonASCII(bytes) else { return }
        try checkNonASCIIBytes(field, bytes, record)
    }

    @inline(never)
    mutating func checkNonASCIIBytes<R: FieldRecord>(_ field: HourField, _ bytes: UnsafeRawBufferPointer,
                                                     _ record: R) throws(Problem) {
        if let (reason, expected) = RecordFieldReader.byteProblem(bytes, encodingName: encodingName) {
            throw problem(field, record, reason: reason, expected: expected)
        }
    }

    mutating func moment<R: FieldRecord>(_ field: HourField, _ record: R) throws(Problem) -> DateTimePattern.Value? {
        let plan = plans[field.ordinal]
        guard plan.mapped, plan.kind == .date || plan.kind == .time || plan.kind == .datetime else { return nil }
        if plan.constant {
            return constant(field)?.utf8CString.withUnsafeBytes {
                DateTimePattern.parse(UnsafeRawBufferPointer(rebasing: $0.dropLast()), tokens: plan.tokens,
                                      hasDate: plan.hasDate, hasTime: plan.hasTime,
                                      isoPrefix: plan.isoPrefix)
            }
        }
        guard let bytes = raw(field, record), !bytes.trimmingASCIISpaces().isEmpty else {
            if plan.optional { return nil }
            throw problem(field, record, reason: "empty", expected: "a value like \(patternText(field))")
        }
        guard let value = DateTimePattern.parse(bytes, tokens: plan.tokens, hasDate: plan.hasDate,
                                                hasTime: plan.hasTime, isoPrefix: plan.isoPrefix) else {
            try checkBytes(field, bytes, record)
            let what = plan.kind == .time ? "time" : plan.kind == .date ? "date" : "date and time"
            throw problem(field, record, reason: "not a valid \(what)", expected: patternText(field))
        }
        return value
    }

    func patternText(_ field: HourField) -> String {
        switch spec(field)?.kind {
        case .date(let p), .time(let p), .datetime(let p): return p.pattern
        default: return ""
        }
    }

    mutating func seconds<R: FieldRecord>(_ field: HourField, _ record: R) throws(Problem) -> Int? {
        let plan = plans[field.ordinal]
        guard plan.mapped, plan.kind == .duration else { return nil }
        let format = plan.duration
        let value: Int?
        if plan.constant, let text = constant(field) {
            value = text.utf8CString.withUnsafeBytes { format.seconds(UnsafeRawBufferPointer(rebasing: $0.dropLast())) }
        } else {
            guard let bytes = raw(field, record), !bytes.trimmingASCIISpaces().isEmpty else { return nil }
            value = format.seconds(bytes)
            if value == nil { try checkBytes(field, bytes, record) }
        }
        guard let value else {
            throw problem(field, record, reason: "not a valid duration", expected: format.example)
        }
        return value
    }

    mutating func categoryValue<R: FieldRecord>(_ record: R) throws(Problem) -> (HourCategory, String?) {
        if plans[HourField.category.ordinal].kind == .codes {
            let interned = try internedText(.category, record)
            if let (code, id) = interned, id >= 0, id < categoryCache.count, categoryCache[id] != 0 {
                return (Self.categories[Int(categoryCache[id]) - 1], code)
            }
        }
        let spec = spec(.category)!
        switch spec.kind {
        case .codes(let tableName):
            let table = categoryTable!
            let interned = try internedText(.category, record)
            let code = interned?.0
            guard let code else {
                if let fallback = table.defaultValue.flatMap(HourCategory.init(rawValue:)), spec.optional {
                    return (fallback, nil)
                }
                if spec.optional { return (.work, nil) }
                throw problem(.category, record, reason: "empty hour type",
                              expected: "one of \(table.listedCodes.joined(separator: ", "))")
            }
            // Values were checked against the categories when the mapping was loaded.
            guard let category = table.lookup(code).flatMap(HourCategory.init(rawValue:)) else {
                throw problem(.category, record, reason: "unknown hour type",
                              expected: "one of \(table.listedCodes.joined(separator: ", ")) (add it to code table '\(tableName)')")
            }
            if let id = interned?.1 { Self.remember(UInt8(Self.categories.firstIndex(of: category)! + 1), id, in: &categoryCache) }
            return (category, code)
        default:
            let name = try text(.category, record)
            guard let name, let category = HourCategory(rawValue: name.lowercased()) else {
                throw problem(.category, record, reason: "not a category", expected: HourCategory.allNames)
            }
            return (category, nil)
        }
    }

    /// The administrative day the source assigns (SETU `@dayAssignment`): a date in the field's pattern, or
    /// `previous`, `current` or `next` relative to the start date. `nil` when unmapped or empty.
    mutating func assignedDay<R: FieldRecord>(_ record: R, startDate: CalendarDate) throws(Problem) -> CalendarDate? {
        let plan = plans[HourField.assignedDay.ordinal]
        guard plan.mapped, plan.kind == .date else { return nil }
        if plan.constant, let value = constant(.assignedDay) {
            return Array(value.utf8).withUnsafeBytes { raw in Self.day(raw, plan, startDate) }
        }
        guard let raw = raw(.assignedDay, record) else { return nil }
        let bytes = raw.trimmingASCIISpaces()
        if bytes.isEmpty { return nil }
        guard let day = Self.day(bytes, plan, startDate) else {
            try checkBytes(.assignedDay, bytes, record)
            throw problem(.assignedDay, record, reason: "not a day assignment",
                          expected: "\(DayOffset.expected) or a date like \(patternText(.assignedDay))")
        }
        return day
    }

    /// A date in the field's pattern, else a word or whole-day offset (``DayOffset``) relative to `start`.
    static func day(_ bytes: UnsafeRawBufferPointer, _ plan: FieldPlan, _ start: CalendarDate) -> CalendarDate? {
        if plan.hasDate, let date = DateTimePattern.parse(bytes, tokens: plan.tokens, hasDate: plan.hasDate,
                                                          hasTime: plan.hasTime, isoPrefix: plan.isoPrefix)?.date {
            return date
        }
        return DayOffset.days(bytes).map { start.adding(days: $0) }
    }

    /// Add, change or void: from a code table or the words themselves; `add` when unmapped or empty.
    mutating func actionValue<R: FieldRecord>(_ record: R) throws(Problem) -> EntryAction {
        guard plans[HourField.action.ordinal].mapped else { return .add }
        guard let (raw, id) = try internedText(.action, record) else { return .add }
        if id >= 0, id < actionCache.count, actionCache[id] != 0 { return Self.actions[Int(actionCache[id]) - 1] }
        let spec = spec(.action)!
        let action: EntryAction
        switch spec.kind {
        case .codes(let tableName):
            guard let found = actionTable?.lookup(raw).flatMap(EntryAction.init(rawValue:)) else {
                let listed = actionTable?.listedCodes.joined(separator: ", ") ?? ""
                throw problem(.action, record, reason: "unknown action code",
                              expected: "one of \(listed) (add it to code table '\(tableName)')")
            }
            action = found
        default:
            guard let found = EntryAction(rawValue: raw.trimmingWhitespace().lowercased()) else {
                throw problem(.action, record, reason: "not an action",
                              expected: EntryAction.allCases.map(\.rawValue).joined(separator: ", ") + " (or map the source's codes with a code table)")
            }
            action = found
        }
        Self.remember(UInt8(Self.actions.firstIndex(of: action)! + 1), id, in: &actionCache)
        return action
    }
}

/// How the mapper reads one dossier field, in plain values (no references): the per-record path copies nothing
/// that needs reference counting. The field's ``FieldSpec`` is still consulted on rare paths (constants,
/// messages, first sight of a code).
struct FieldPlan {
    enum Kind: UInt8 { case text, date, time, datetime, duration, codes, boolean }
    var mapped = false
    var constant = false
    var optional = false
    /// Values repeat (ids, codes) and are worth interning; unique ones (entry ids, descriptions) are not.
    var intern = true
    var kind = Kind.text
    var duration = DurationFormat.minutes
    var tokens = UnsafeBufferPointer<DateTimePattern.Token>(start: nil, count: 0)
    var hasDate = false
    var hasTime = false
    /// The pattern's ISO prefix (see ``DateTimePattern/isoPrefix``).
    var isoPrefix = 0
}

/// The tokens of a mapper's date and time patterns in unmanaged memory, freed with the last copy of the mapper.
final class TokenStorage {
    private let buffers: [UnsafeMutableBufferPointer<DateTimePattern.Token>]

    init(_ patterns: [DateTimePattern]) {
        buffers = patterns.map { pattern in
            let buffer = UnsafeMutableBufferPointer<DateTimePattern.Token>.allocate(capacity: max(pattern.tokens.count, 1))
            _ = buffer.initialize(fromContentsOf: pattern.tokens)
            return UnsafeMutableBufferPointer(rebasing: buffer[0..<pattern.tokens.count])
        }
    }

    func tokens(_ k: Int) -> UnsafeBufferPointer<DateTimePattern.Token> { UnsafeBufferPointer(buffers[k]) }

    deinit { for buffer in buffers { buffer.baseAddress?.deallocate() } }
}
