import BPVModel

/// Applies an ``HourMapping`` to records: each becomes an ``HourEntry`` or a ``Reject`` that names the line, the
/// column, the value, what was wrong and what was expected. Never throws past a record.
///
/// Values are read from bytes; a `String` is made only for the fields an entry keeps, and repeated values
/// (employee ids, hour types) are decoded once (``ByteStringInterner``).
public struct HourRecordMapper {
    public enum Outcome {
        case entry(HourEntry)
        case reject(Reject)
    }

    public let mapping: HourMapping
    public let file: String
    /// The column names, when the file has a header.
    public let columnNames: [String]?
    /// The number of fields every record must have.
    public private(set) var expectedFieldCount: Int?

    private let employerID: String?
    private var slots: [HourField: Int] = [:]
    private var interner = ByteStringInterner()
    private let encodingName: String
    private let delimiter: UInt8
    /// XML records: slots are paths (no ragged rows, no column numbers, absent elements).
    private let isXML: Bool
    // The hot path's tables, by `HourField.ordinal`, so that no record pays for hashing field names or for
    // copying specs (with their strings and arrays) field by field.
    private var specs: [FieldSpec?] = []
    private var slotIndex: [Int] = []
    private var plans: [FieldPlan] = []
    private var tokenStorage: TokenStorage?
    private var categoryTable: CodeTable?
    private var actionTable: CodeTable?
    /// Per interned value (``ByteStringInterner`` id): what it read as, 0 = not looked up yet.
    private var categoryCache: [UInt8] = []
    private var actionCache: [UInt8] = []
    private var approvedCache: [UInt8] = []
    private static let categories = HourCategory.allCases
    private static let actions = EntryAction.allCases

    /// Prepares the mapping for one file. `header` is the file's header record (for `header: true`).
    /// Throws a ``FileLevelError`` when a mapped column is not in the header (listing the expected and found
    /// names) or when no employer is known.
    public init(mapping: HourMapping, file: String, header: [String]?, employerID: String?,
                encoding: TextEncoding) throws(FileLevelError) {
        self.mapping = mapping
        self.file = file
        self.columnNames = header
        self.employerID = employerID
        encodingName = encoding.rawValue
        delimiter = mapping.source.csv.delimiter
        isXML = false
        if let header { expectedFieldCount = header.count }
        guard employerID != nil || mapping.fields[.employer] != nil else {
            throw FileLevelError(file: file, message: "no employer: give --employer, configure the employer's folder "
                                 + "in bpv.yaml, or map an 'employer' field")
        }
        var missing: [String] = []
        let normalisedHeader = header?.map(Self.normaliseHeader)
        for (field, spec) in mapping.fields {
            switch spec.source {
            case .column(let name):
                guard let normalisedHeader else { missing.append(name); continue }
                if let index = normalisedHeader.firstIndex(of: Self.normaliseHeader(name)) {
                    slots[field] = index
                } else {
                    missing.append(name)
                }
            case .position(let n):
                slots[field] = n - 1
            case .constant, .path:
                break
            }
        }
        if !missing.isEmpty {
            let found = header ?? []
            var message = "the file lacks the mapped column(s) \(missing.sorted().map { "\"\($0)\"" }.joined(separator: ", "))"
                + " (mapping \(mapping.name)); expected columns: "
                + mapping.fields.values.compactMap { if case .column(let c) = $0.source { return "\"\(c)\"" }; return nil }
                    .sorted().joined(separator: ", ")
                + "; found in the header: " + found.map { "\"\($0)\"" }.joined(separator: ", ")
            if found.count == 1, let only = found.first {
                let seen = [";", ",", "\t", "|"].filter { only.contains($0) && $0.utf8.first != delimiter }
                if let other = seen.first {
                    message += ". The header is one field holding '\(other == "\t" ? "\\t" : other)': is the delimiter "
                        + "'\(other == "\t" ? "\\t" : other)' rather than '\(Character(UnicodeScalar(delimiter)))'?"
                }
            }
            throw FileLevelError(file: file, line: mapping.source.csv.skipLines + 1, message: message)
        }
        prepareTables()
    }

    /// Prepares an XML mapping for one file: `fieldSlots` says which of the layout's fields holds each dossier
    /// field, `fieldNames` names the layout's fields (their paths) for messages.
    init(mapping: HourMapping, file: String, fieldSlots: [HourField: Int], fieldNames: [String], employerID: String?,
         encodingName: String) throws(FileLevelError) {
        self.mapping = mapping
        self.file = file
        columnNames = fieldNames
        self.employerID = employerID
        self.encodingName = encodingName
        delimiter = UInt8(ascii: ";")
        isXML = true
        slots = fieldSlots
        guard employerID != nil || mapping.fields[.employer] != nil else {
            throw FileLevelError(file: file, message: "no employer: give --employer, configure the employer's folder "
                                 + "in bpv.yaml, or map an 'employer' field")
        }
        prepareTables()
    }

    private mutating func prepareTables() {
        let count = HourField.allCases.count
        specs = Array(repeating: nil, count: count)
        slotIndex = Array(repeating: -1, count: count)
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
        }
        tokenStorage = storage
        if let spec = mapping.fields[.category], case .codes(let name) = spec.kind { categoryTable = mapping.codes[name] }
        if let spec = mapping.fields[.action], case .codes(let name) = spec.kind { actionTable = mapping.codes[name] }
    }

    @inline(__always) private func spec(_ field: HourField) -> FieldSpec? { specs[field.ordinal] }

    /// The constant of a `value:` field.
    private func constant(_ field: HourField) -> String? {
        if let spec = specs[field.ordinal], case .constant(let value) = spec.source { return value }
        return nil
    }

    /// Sets `cache[id] = value`, growing the cache as ids appear.
    @inline(__always) private static func remember(_ value: UInt8, _ id: Int, in cache: inout [UInt8]) {
        guard id >= 0 else { return }
        if id >= cache.count { cache.append(contentsOf: repeatElement(0, count: id - cache.count + 1)) }
        cache[id] = value
    }

    static func normaliseHeader(_ name: String) -> String {
        name.trimmingWhitespace().lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Maps one record.
    public mutating func map<R: FieldRecord>(_ record: R) -> Outcome {
        switch mapOrReject(record) {
        case .success(let entry): return .entry(entry)
        case .failure(let reject): return .reject(reject.reject)
        }
    }

    /// Maps one record straight into `entries` or `rejects`: the readers' path, without an intermediate outcome.
    mutating func map<R: FieldRecord>(_ record: R, into entries: inout [HourEntry], rejects: inout [Reject]) {
        switch mapOrReject(record) {
        case .success(let entry): entries.append(entry)
        case .failure(let reject): rejects.append(reject.reject)
        }
    }

    private struct RejectBox: Error { var reject: Reject }

    @inline(__always)
    private mutating func mapOrReject<R: FieldRecord>(_ record: R) -> Result<HourEntry, RejectBox> {
        var location = SourceLocation(file: file, line: record.line, byteOffset: record.byteOffset)
        if isXML {
            do {
                var entry = try makeEntry(record, location)
                // Corrections are rare and the store may reject a void: keep their place in full.
                if entry.action != .add { entry.source.elementPath = record.elementPath }
                return .success(entry)
            } catch let problem {
                location.elementPath = record.elementPath
                return .failure(RejectBox(reject: Reject(location: location, column: problem.column, value: problem.value,
                                                         reason: problem.reason, expected: problem.expected,
                                                         record: recordText(record))))
            }
        }
        if let expected = expectedFieldCount, record.count != expected {
            return .failure(RejectBox(reject: Reject(
                location: location, reason: "ragged row: \(record.count) fields where the header has \(expected)",
                expected: "\(expected) fields separated by '\(Character(UnicodeScalar(delimiter)))'",
                record: recordText(record))))
        }
        if expectedFieldCount == nil { expectedFieldCount = record.count }
        do {
            return .success(try makeEntry(record, location))
        } catch let problem {
            return .failure(RejectBox(reject: Reject(location: location, column: problem.column,
                                                     columnNumber: problem.columnNumber, value: problem.value,
                                                     reason: problem.reason, expected: problem.expected,
                                                     record: recordText(record))))
        }
    }

    // MARK: - One record

    private struct Problem: Error {
        var column: String?
        var columnNumber: Int?
        var value: String?
        var reason: String
        var expected: String?
    }

    private mutating func makeEntry<R: FieldRecord>(_ record: R, _ location: SourceLocation) throws(Problem) -> HourEntry {
        let fields = mapping.fields
        let employee = try text(.employee, record)
        let student = try text(.student, record).map(Identifier.clean)
        guard let identity = employee ?? student else {
            throw problem(.employee, record, reason: "empty", expected: "the employee's \(mapping.identity.rawValue)")
        }
        guard let employer = try text(.employer, record) ?? employerID else {
            throw problem(.employer, record, reason: "empty", expected: "the employer's id")
        }
        var leerbedrijf: String?
        if let raw = try text(.leerbedrijf, record) {
            guard let id = Identifier.leerbedrijfID(raw) else {
                throw problem(.leerbedrijf, record, reason: "not a leerbedrijf-ID", expected: "SBB's 9-digit number")
            }
            leerbedrijf = id
        }

        let start = try moment(.start, record)
        let end = try moment(.end, record)
        var date = try moment(.date, record)?.date ?? start?.date
        guard let day = date else {
            throw problem(fields[.date] != nil ? .date : .start, record, reason: "empty", expected: "a date")
        }
        date = day
        let endDate = try moment(.endDate, record)?.date ?? end?.date

        let action = try actionValue(record)
        let externalID = try text(.externalID, record)
        if action != .add && externalID == nil {
            throw problem(.externalID, record, reason: "empty",
                          expected: "the entry's id: a \(action.rawValue) names the earlier entry it corrects")
        }
        // A void only names the entry it removes: its hours and type need not be valid.
        let minutes: Int
        var category = HourCategory.work
        var hourType: String?
        if action == .void {
            minutes = (try? computeMinutes(record, date: day, start: start?.time, end: end?.time, endDate: endDate)) ?? 0
            if plans[HourField.category.ordinal].mapped, let (value, raw) = try? categoryValue(record) {
                category = value
                hourType = raw
            }
        } else {
            minutes = try computeMinutes(record, date: day, start: start?.time, end: end?.time, endDate: endDate)
            if plans[HourField.category.ordinal].mapped {
                let (value, raw) = try categoryValue(record)
                category = value
                hourType = raw
            }
        }
        let workDay = try assignedDay(record, startDate: day) ?? day
        let approved = try approval(record)
        return HourEntry(employerID: employer, employeeIdentity: identity, studentNumber: student,
                         leerbedrijfID: leerbedrijf, date: workDay, start: start?.time, end: end?.time, minutes: minutes,
                         category: category, hourType: hourType, approved: approved, externalID: externalID,
                         action: action, description: try text(.description, record), source: location)
    }

    private mutating func computeMinutes<R: FieldRecord>(_ record: R, date: CalendarDate, start: TimeOfDay?,
                                                       end: TimeOfDay?, endDate: CalendarDate?) throws(Problem) -> Int {
        let rule = mapping.hours
        let duration = try seconds(.duration, record)
        var useTimes = rule.from == .times
        // Fall back to the other source when the preferred one is empty on this row.
        if useTimes && (start == nil || end == nil) && duration != nil { useTimes = false }
        if !useTimes && duration == nil && start != nil && end != nil { useTimes = true }
        var total: Int
        if useTimes {
            guard let start else { throw problem(.start, record, reason: "empty", expected: "a start time") }
            guard let end else { throw problem(.end, record, reason: "empty", expected: "an end time") }
            var span = end.secondsSinceMidnight - start.secondsSinceMidnight
            if let endDate {
                span += (endDate.dayNumber - date.dayNumber) * 86_400
                if span <= 0 {
                    throw problem(.end, record, reason: "the entry ends before it starts",
                                  expected: "an end after the start \(date) \(start)")
                }
            } else {
                if span == 0 {
                    throw problem(.end, record, reason: "start and end are the same (\(start))",
                                  expected: "an end time after the start; an end before the start is the next day")
                }
                if span < 0 { span += 86_400 } // overnight: the end is on the next day
            }
            let pause = try seconds(.breakTime, record) ?? 0
            if pause < 0 { throw problem(.breakTime, record, reason: "negative break", expected: "a break of 0 or more") }
            if pause >= span {
                throw problem(.breakTime, record, reason: "the break is as long as the shift or longer",
                              expected: "a break shorter than \(span / 60) minutes")
            }
            total = span - pause
        } else {
            guard let duration else {
                throw problem(.duration, record, reason: "empty", expected: "a duration")
            }
            total = duration
        }
        let minutes = DurationFormat.minutes(fromSeconds: total)
        let field: HourField = useTimes ? .end : .duration
        if minutes < 0 && !rule.allowNegative {
            throw problem(field, record, reason: "negative duration",
                          expected: "0 or more (set hours.allow_negative for sources that book corrections)")
        }
        if abs(minutes) > rule.maxEntryMinutes {
            throw problem(field, record, reason: "absurd duration: \(minutes / 60)h\(String(format2: abs(minutes) % 60)) in one entry",
                          expected: "at most \(rule.maxEntryMinutes / 60) hours per entry")
        }
        return minutes
    }

    // MARK: - Field values

    /// The raw bytes of a column-backed field, `nil` for constants and unmapped fields.
    private func raw<R: FieldRecord>(_ field: HourField, _ record: R) -> UnsafeRawBufferPointer? {
        let slot = slotIndex[field.ordinal]
        guard slot >= 0, slot < record.count else { return nil }
        return record[slot]
    }

    private mutating func text<R: FieldRecord>(_ field: HourField, _ record: R) throws(Problem) -> String? {
        let plan = plans[field.ordinal]
        guard plan.mapped else { return nil }
        if plan.constant { return constant(field) }
        guard let bytes = raw(field, record)?.trimmingASCIISpaces(), !bytes.isEmpty else { return nil }
        try checkBytes(field, bytes, record)
        return plan.intern ? interner.string(bytes) : String(decoding: bytes, as: UTF8.self)
    }

    /// The text and its interner id (-1 for constants and when the interner is full).
    private mutating func internedText<R: FieldRecord>(_ field: HourField, _ record: R) throws(Problem) -> (String, Int)? {
        let plan = plans[field.ordinal]
        guard plan.mapped else { return nil }
        if plan.constant { return constant(field).map { ($0, -1) } }
        guard let bytes = raw(field, record)?.trimmingASCIISpaces(), !bytes.isEmpty else { return nil }
        try checkBytes(field, bytes, record)
        return interner.intern(bytes)
    }

    /// Approved, from a yes/no field; a value is looked up once, then remembered.
    private mutating func approval<R: FieldRecord>(_ record: R) throws(Problem) -> Bool? {
        guard plans[HourField.approved.ordinal].kind == .boolean else { return nil }
        guard let (raw, id) = try internedText(.approved, record) else { return nil }
        if id >= 0, id < approvedCache.count, approvedCache[id] != 0 {
            if approvedCache[id] <= 2 { return approvedCache[id] == 2 }
        }
        guard let spec = spec(.approved), case .boolean(let trues, let falses) = spec.kind else { return nil }
        let word = raw.trimmingWhitespace().lowercased()
        let value: Bool?
        if trues.contains(word) { value = true } else if falses.contains(word) {
            value = false
        } else if trues.contains("*") {
            value = true
        } else if falses.contains("*") || falses.isEmpty {
            value = false
        } else {
            value = nil
        }
        Self.remember(value.map { $0 ? 2 : 1 } ?? 3, id, in: &approvedCache)
        guard let value else {
            throw problem(.approved, record, reason: "not a known yes/no value",
                          expected: "one of \((trues.sorted() + falses.sorted()).filter { $0 != "*" }.joined(separator: ", "))")
        }
        return value
    }

    /// Rejects NUL bytes and text that is not valid in the file's encoding.
    private func checkBytes<R: FieldRecord>(_ field: HourField, _ bytes: UnsafeRawBufferPointer, _ record: R) throws(Problem) {
        var suspicious = false
        for b in bytes where b == 0 || b >= 0x80 { suspicious = true; break }
        guard suspicious else { return }
        if bytes.contains(0) {
            throw problem(field, record, reason: "contains a NUL byte", expected: "text without NUL bytes (0x00)")
        }
        let invalid = UTF8Validation.firstInvalidOffset(bytes) != nil
        let replaced = String(decoding: bytes, as: UTF8.self).unicodeScalars.contains("\u{FFFD}")
        if invalid || replaced {
            throw problem(field, record, reason: "bytes that are not valid \(encodingName)",
                          expected: "text in \(encodingName) (set source.encoding in the mapping)")
        }
    }

    private func moment<R: FieldRecord>(_ field: HourField, _ record: R) throws(Problem) -> DateTimePattern.Value? {
        let plan = plans[field.ordinal]
        guard plan.mapped, plan.kind == .date || plan.kind == .time || plan.kind == .datetime else { return nil }
        if plan.constant {
            return constant(field)?.utf8CString.withUnsafeBytes {
                DateTimePattern.parse(UnsafeRawBufferPointer(rebasing: $0.dropLast()), tokens: plan.tokens,
                                      hasDate: plan.hasDate, hasTime: plan.hasTime)
            }
        }
        guard let bytes = raw(field, record), !bytes.trimmingASCIISpaces().isEmpty else {
            if plan.optional { return nil }
            throw problem(field, record, reason: "empty", expected: "a value like \(patternText(field))")
        }
        guard let value = DateTimePattern.parse(bytes, tokens: plan.tokens, hasDate: plan.hasDate, hasTime: plan.hasTime) else {
            try checkBytes(field, bytes, record)
            let what = plan.kind == .time ? "time" : plan.kind == .date ? "date" : "date and time"
            throw problem(field, record, reason: "not a valid \(what)", expected: patternText(field))
        }
        return value
    }

    private func patternText(_ field: HourField) -> String {
        switch spec(field)?.kind {
        case .date(let p), .time(let p), .datetime(let p): return p.pattern
        default: return ""
        }
    }

    private func seconds<R: FieldRecord>(_ field: HourField, _ record: R) throws(Problem) -> Int? {
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

    private mutating func categoryValue<R: FieldRecord>(_ record: R) throws(Problem) -> (HourCategory, String?) {
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
    private func assignedDay<R: FieldRecord>(_ record: R, startDate: CalendarDate) throws(Problem) -> CalendarDate? {
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
                          expected: "previous, current, next or a date like \(patternText(.assignedDay))")
        }
        return day
    }

    private static func day(_ bytes: UnsafeRawBufferPointer, _ plan: FieldPlan, _ start: CalendarDate) -> CalendarDate? {
        func word(_ w: String) -> Bool {
            bytes.count == w.utf8.count && zip(bytes, w.utf8).allSatisfy { $0 | 0x20 == $1 }
        }
        if word("previous") { return start.adding(days: -1) }
        if word("current") { return start }
        if word("next") { return start.adding(days: 1) }
        return DateTimePattern.parse(bytes, tokens: plan.tokens, hasDate: plan.hasDate, hasTime: plan.hasTime)?.date
    }

    /// Add, change or void: from a code table or the words themselves; `add` when unmapped or empty.
    private mutating func actionValue<R: FieldRecord>(_ record: R) throws(Problem) -> EntryAction {
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

    // MARK: - Messages

    private func problem<R: FieldRecord>(_ field: HourField, _ record: R, reason: String, expected: String?) -> Problem {
        let slot = slots[field]
        if isXML {
            var column = field.rawValue
            if let slot, let names = columnNames, slot < names.count { column = names[slot] }
            else if let spec = mapping.fields[field], case .constant = spec.source { column = "\(field.rawValue) (constant)" }
            var value: String?
            if let slot, slot < record.count, record[slot].count > 0 { value = String(decoding: record[slot], as: UTF8.self) }
            // An absent element or attribute and an empty one read the same: say both.
            let why = reason == "empty" && slot != nil ? "missing or empty" : reason
            return Problem(column: column, columnNumber: nil, value: value?.replacingNUL(), reason: why, expected: expected)
        }
        var column: String?
        if let slot { column = columnNames.map { slot < $0.count ? $0[slot] : "#\(slot + 1)" } ?? "#\(slot + 1)" }
        else if let spec = mapping.fields[field], case .constant = spec.source { column = "\(field.rawValue) (constant)" }
        else { column = field.rawValue }
        var value: String?
        if let slot, slot < record.count { value = String(decoding: record[slot], as: UTF8.self) }
        if let v = value, v.unicodeScalars.contains(where: { $0.value == 0 }) {
            value = v.replacingNUL()
        }
        return Problem(column: column, columnNumber: slot.map { $0 + 1 }, value: value, reason: reason, expected: expected)
    }

    /// The record's fields joined with the delimiter, quoted where needed: what to send back to the employer.
    /// XML: the mapped paths with their values, `path=value; ...`.
    func recordText<R: FieldRecord>(_ record: R) -> String {
        if isXML {
            let names = columnNames ?? []
            return (0..<record.count).compactMap { i -> String? in
                guard record[i].count > 0, i < names.count else { return nil }
                return names[i] + "=" + String(decoding: record[i], as: UTF8.self).replacingNUL()
            }.joined(separator: "; ")
        }
        let d = Character(UnicodeScalar(delimiter))
        return (0..<record.count).map { i -> String in
            let field = String(decoding: record[i], as: UTF8.self).replacingNUL()
            if field.contains(d) || field.contains("\"") || field.contains("\n") || field.contains("\r") {
                return "\"" + field.replacingOccurrencesOfQuote() + "\""
            }
            return field
        }.joined(separator: String(d))
    }
}

extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }

    func replacingNUL() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0.value == 0 ? "\u{2400}" : $0 }))
    }

    func replacingOccurrencesOfQuote() -> String {
        var out = ""
        for c in self { out.append(c); if c == "\"" { out.append("\"") } }
        return out
    }
}

/// How the mapper reads one dossier field, in plain values (no references): the per-record path copies nothing
/// that needs reference counting. The field's ``FieldSpec`` is still consulted on rare paths (constants,
/// messages, first sight of a code).
private struct FieldPlan {
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
}

/// The tokens of a mapper's date and time patterns in unmanaged memory, freed with the last copy of the mapper.
private final class TokenStorage {
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
