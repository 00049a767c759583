import BPVModel

/// Applies an ``HourMapping`` to records: each becomes an ``HourEntry`` or a ``Reject`` that names the line, the
/// column, the value, what was wrong and what was expected. Never throws past a record.
///
/// Values are read from bytes; a `String` is made only for the fields an entry keeps, and repeated values
/// (employee ids, hour types) are decoded once (``ByteStringInterner``).
public struct HourRecordMapper {
    public enum Outcome: Sendable {
        case entry(HourEntry)
        case reject(Reject)
    }

    public let mapping: HourMapping
    public let file: String
    /// The column names, when the file has a header.
    public let columnNames: [String]?
    private let employerID: String?
    /// Column slot per field ordinal (-1: not a column) and spec per field ordinal: arrays, not dictionaries,
    /// because they are read several times for every record.
    private var slotByField = [Int](repeating: -1, count: HourField.allCases.count)
    private let specByField: [FieldSpec?]
    /// Reads the same slots by name for messages, byte checks and the record's text (shared with other kinds).
    private var cells: RecordFieldReader
    private var interner = ByteStringInterner<Void>()
    /// Hour-type codes: the string and its category (nil: unknown), looked up once per distinct code.
    private var codeCache = ByteStringInterner<HourCategory?>()
    /// `approved: { value: ... }` read once.
    private let constantApproved: Bool?

    /// Prepares the mapping for one file. `header` is the file's header record (for `header: true`).
    /// Throws a ``FileLevelError`` when a mapped column is not in the header (listing the expected and found
    /// names) or when no employer is known.
    public init(mapping: HourMapping, file: String, header: [String]?, employerID: String?,
                encoding: TextEncoding) throws(FileLevelError) {
        self.mapping = mapping
        self.file = file
        self.columnNames = header
        self.employerID = employerID
        var specs = [FieldSpec?](repeating: nil, count: HourField.allCases.count)
        for (field, spec) in mapping.fields { specs[field.ordinal] = spec }
        specByField = specs
        if let spec = mapping.fields[.approved], case .constant(let value) = spec.source,
           case .boolean(let trues, _) = spec.kind {
            constantApproved = trues.contains(value.trimmingWhitespace().lowercased())
        } else {
            constantApproved = nil
        }
        guard employerID != nil || mapping.fields[.employer] != nil else {
            throw FileLevelError(file: file, message: "no employer: give --employer, configure the employer's folder "
                                 + "in bpv.yaml, or map an 'employer' field")
        }
        let named = Dictionary(uniqueKeysWithValues: mapping.fields.map { ($0.key.rawValue, $0.value) })
        let resolved = try ColumnSlots.resolve(fields: named, header: header, mappingName: mapping.name, file: file,
                                               dialect: mapping.source.csv)
        for (name, slot) in resolved { if let field = HourField(rawValue: name) { slotByField[field.ordinal] = slot } }
        cells = RecordFieldReader(file: file, fields: named, codes: mapping.codes, slots: resolved, columnNames: header,
                                  encoding: encoding, delimiter: mapping.source.csv.delimiter)
    }

    static func normaliseHeader(_ name: String) -> String { ColumnSlots.normaliseHeader(name) }

    /// Maps one record.
    public mutating func map<R: FieldRecord>(_ record: R) -> Outcome {
        if let ragged = cells.shapeReject(record) { return .reject(ragged) }
        do {
            return .entry(try makeEntry(record, cells.location(record)))
        } catch let problem {
            return .reject(cells.reject(problem, record))
        }
    }

    // MARK: - One record

    private typealias Problem = FieldProblem

    private mutating func makeEntry<R: FieldRecord>(_ record: R, _ location: SourceLocation) throws(Problem) -> HourEntry {
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
            throw problem(specByField[HourField.date.ordinal] != nil ? .date : .start, record, reason: "empty", expected: "a date")
        }
        date = day
        let endDate = try moment(.endDate, record)?.date ?? end?.date

        let minutes = try computeMinutes(record, date: day, start: start?.time, end: end?.time, endDate: endDate)

        var category = HourCategory.work
        var hourType: String?
        if let spec = specByField[HourField.category.ordinal] {
            let (value, raw) = try categoryValue(spec, record)
            category = value
            hourType = raw
        }
        var approved: Bool? = constantApproved
        if constantApproved == nil, let spec = specByField[HourField.approved.ordinal],
           case .boolean(let trues, let falses) = spec.kind {
            if let raw = try text(.approved, record) {
                let word = raw.trimmingWhitespace().lowercased()
                if trues.contains(word) { approved = true } else if falses.contains(word) || falses.isEmpty {
                    approved = false
                } else {
                    throw problem(.approved, record, reason: "not a known yes/no value",
                                  expected: "one of \((trues.sorted() + falses.sorted()).joined(separator: ", "))")
                }
            }
        }
        return HourEntry(employerID: employer, employeeIdentity: identity, studentNumber: student,
                         leerbedrijfID: leerbedrijf, date: day, start: start?.time, end: end?.time, minutes: minutes,
                         category: category, hourType: hourType, approved: approved,
                         externalID: try text(.externalID, record), description: try text(.description, record),
                         source: location)
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
    @inline(__always)
    private func raw<R: FieldRecord>(_ field: HourField, _ record: R) -> UnsafeRawBufferPointer? {
        let slot = slotByField[field.ordinal]
        guard slot >= 0, slot < record.count else { return nil }
        return record[slot]
    }

    private mutating func text<R: FieldRecord>(_ field: HourField, _ record: R) throws(Problem) -> String? {
        guard let spec = specByField[field.ordinal] else { return nil }
        if case .constant(let value) = spec.source { return value }
        guard let bytes = raw(field, record)?.trimmingASCIISpaces(), !bytes.isEmpty else { return nil }
        try checkBytes(field, bytes, record)
        return interner.string(bytes)
    }

    /// Rejects NUL bytes and text that is not valid in the file's encoding.
    private func checkBytes<R: FieldRecord>(_ field: HourField, _ bytes: UnsafeRawBufferPointer, _ record: R) throws(Problem) {
        try cells.checkBytes(field.rawValue, bytes, record)
    }

    private func moment<R: FieldRecord>(_ field: HourField, _ record: R) throws(Problem) -> DateTimePattern.Value? {
        guard let spec = specByField[field.ordinal] else { return nil }
        let pattern: DateTimePattern
        switch spec.kind {
        case .date(let p), .time(let p), .datetime(let p): pattern = p
        default: return nil
        }
        if case .constant(let value) = spec.source {
            return value.utf8CString.withUnsafeBytes {
                pattern.parse(UnsafeRawBufferPointer(rebasing: $0.dropLast()))
            }
        }
        guard let bytes = raw(field, record), !bytes.trimmingASCIISpaces().isEmpty else {
            if spec.optional { return nil }
            throw problem(field, record, reason: "empty", expected: "a value like \(pattern.pattern)")
        }
        guard let value = pattern.parse(bytes) else {
            try checkBytes(field, bytes, record)
            let what = spec.kind.name == "time" ? "time" : spec.kind.name == "date" ? "date" : "date and time"
            throw problem(field, record, reason: "not a valid \(what)", expected: pattern.pattern)
        }
        return value
    }

    private func seconds<R: FieldRecord>(_ field: HourField, _ record: R) throws(Problem) -> Int? {
        guard let spec = specByField[field.ordinal], case .duration(let format) = spec.kind else { return nil }
        let value: Int?
        if case .constant(let text) = spec.source {
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

    private mutating func categoryValue<R: FieldRecord>(_ spec: FieldSpec, _ record: R) throws(Problem) -> (HourCategory, String?) {
        switch spec.kind {
        case .codes(let tableName):
            let table = mapping.codes[tableName]!
            var code: String?
            var looked: HourCategory??
            if case .constant(let value) = spec.source {
                code = value
            } else if let bytes = raw(.category, record)?.trimmingASCIISpaces(), !bytes.isEmpty {
                try checkBytes(.category, bytes, record)
                // Values were checked against the categories when the mapping was loaded.
                let hit = codeCache.lookup(bytes) { table.lookup($0).flatMap(HourCategory.init(rawValue:)) }
                code = hit.string
                looked = hit.payload
            }
            guard let code else {
                if let fallback = table.defaultValue.flatMap(HourCategory.init(rawValue:)), spec.optional {
                    return (fallback, nil)
                }
                if spec.optional { return (.work, nil) }
                throw problem(.category, record, reason: "empty hour type",
                              expected: "one of \(table.listedCodes.joined(separator: ", "))")
            }
            guard let category = looked ?? table.lookup(code).flatMap(HourCategory.init(rawValue:)) else {
                throw problem(.category, record, reason: "unknown hour type",
                              expected: "one of \(table.listedCodes.joined(separator: ", ")) (add it to code table '\(tableName)')")
            }
            return (category, code)
        default:
            let name = try text(.category, record)
            guard let name, let category = HourCategory(rawValue: name.lowercased()) else {
                throw problem(.category, record, reason: "not a category", expected: HourCategory.allNames)
            }
            return (category, nil)
        }
    }

    // MARK: - Messages

    private func problem<R: FieldRecord>(_ field: HourField, _ record: R, reason: String, expected: String?) -> Problem {
        cells.problem(field.rawValue, record, reason: reason, expected: expected)
    }

    /// The record's fields joined with the delimiter, quoted where needed: what to send back to the employer.
    func recordText<R: FieldRecord>(_ record: R) -> String { cells.recordText(record) }
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
