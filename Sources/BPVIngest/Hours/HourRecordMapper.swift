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
        /// A record that is not hours (`rows.skip_when`, a code-table value `skip`, an empty optional duration):
        /// no entry and no reject; counted under this reason.
        case skipped(String)
    }

    public let mapping: HourMapping
    public let file: String
    /// The column names, when the file has a header.
    public let columnNames: [String]?
    /// The number of fields every record must have.
    /// How this file's rejects read (shared with every record kind).
    var rejects: RecordRejects

    let employerID: String?
    var slots: [HourField: Int] = [:]
    var interner = ByteStringInterner()
    let encodingName: String
    let delimiter: UInt8
    /// XML records: slots are paths (no ragged rows, no column numbers, absent elements).
    let isXML: Bool
    // The hot path's tables, by `HourField.ordinal`, so that no record pays for hashing field names or for
    // copying specs (with their strings and arrays) field by field.
    var specs: [FieldSpec?] = []
    var slotIndex: [Int] = []
    var plans: [FieldPlan] = []
    var tokenStorage: TokenStorage?
    var categoryTable: CodeTable?
    var actionTable: CodeTable?
    /// Per interned value (``ByteStringInterner`` id): what it read as, 0 = not looked up yet.
    var categoryCache: [UInt8] = []
    /// Per field: the interner id of its previous value (-1: none), compared before the value is looked up.
    var recentInterned: [Int] = []
    var actionCache: [UInt8] = []
    var approvedCache: [UInt8] = []
    /// `approved: { value: ... }`: read once, not per record.
    var constantApproval: Bool?
    /// A yes/no value longer than this many bytes cannot be one of the listed words (lower-casing shrinks a
    /// character at most from three bytes to one): it reads as ``approvalOtherwise`` without being interned, so
    /// that timestamps (SETU's `ApprovedDateTime`) do not fill the interner with values seen once.
    var approvalWordLimit = Int.max
    /// What a value that is none of the listed words reads as (`"*"`), `nil` when such a value is a reject.
    var approvalOtherwise: Bool?
    /// Records skipped so far, per reason, in the order the reasons first appeared.
    public internal(set) var skipped: [(reason: String, count: Int)] = []
    /// Whether the category's code table sends some code (or its default) to `skip`.
    var categorySkips = false
    /// Per ``HourMapping/skipRules`` entry: the 0-based slot of the column it tests, -1 for a field's condition.
    var skipSlots: [Int] = []
    /// Whether an empty optional duration (with no start and end to fall back to) is a record to skip.
    var skipsEmptyDuration = false
    static let categories = HourCategory.allCases
    static let actions = EntryAction.allCases

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
        rejects = RecordRejects(file: file, columnNames: header, delimiter: mapping.source.csv.delimiter, isXML: false)
        guard employerID != nil || mapping.fields[.employer] != nil else {
            throw FileLevelError(file: file, message: "no employer: give --employer, configure the employer's folder "
                                 + "in bpv.yaml, or map an 'employer' field")
        }
        var named = Dictionary(uniqueKeysWithValues: mapping.fields.map { ($0.key.rawValue, $0.value) })
        // Columns that only `rows.skip_when` reads are checked against the header with the rest.
        for (i, rule) in mapping.skipRules.enumerated() {
            if let column = rule.column {
                named["rows.skip_when \(i)"] = FieldSpec(source: .column(column), kind: .text, optional: true, mappingLine: 0)
            }
        }
        let resolved = try ColumnSlots.resolve(fields: named, header: header, mappingName: mapping.name, file: file,
                                               dialect: mapping.source.csv)
        for (name, slot) in resolved { if let field = HourField(rawValue: name) { slots[field] = slot } }
        skipSlots = mapping.skipRules.indices.map { resolved["rows.skip_when \($0)"] ?? -1 }
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
        rejects = RecordRejects(file: file, columnNames: fieldNames, delimiter: UInt8(ascii: ";"), isXML: true)
        slots = fieldSlots
        guard employerID != nil || mapping.fields[.employer] != nil else {
            throw FileLevelError(file: file, message: "no employer: give --employer, configure the employer's folder "
                                 + "in bpv.yaml, or map an 'employer' field")
        }
        prepareTables()
    }

    static func normaliseHeader(_ name: String) -> String { ColumnSlots.normaliseHeader(name) }

    /// Maps one record.
    public mutating func map<R: FieldRecord>(_ record: R) -> Outcome {
        let location = SourceLocation(file: file, line: record.line, byteOffset: record.byteOffset)
        if let ragged = raggedReject(record, location) { return .reject(ragged) }
        if let reason = skipReason(record) { countSkip(reason); return .skipped(reason) }
        do {
            var entry = try makeEntry(record, location)
            if isXML && entry.action != .add { entry.source.elementPath = record.elementPath }
            return .entry(entry)
        } catch let problem {
            return .reject(reject(problem, record, location))
        }
    }

    /// Maps one record straight into `entries` or `rejects`: the readers' path. The entry is built in place at
    /// the end of `entries`, without an intermediate outcome (each copy of an entry retains and releases its
    /// strings).
    mutating func map<R: FieldRecord>(_ record: R, into entries: inout [HourEntry], rejects: inout [Reject]) {
        let location = SourceLocation(file: file, line: record.line, byteOffset: record.byteOffset)
        if let ragged = raggedReject(record, location) { rejects.append(ragged); return }
        if let reason = skipReason(record) { countSkip(reason); return }
        do {
            entries.append(try makeEntry(record, location))
            // Corrections are rare and the store may reject a void: keep their place in full.
            if isXML && entries[entries.count - 1].action != .add {
                entries[entries.count - 1].source.elementPath = record.elementPath
            }
        } catch let problem {
            rejects.append(reject(problem, record, location))
        }
    }

    /// A record rejected as a whole (a ragged CSV row, an XML value over the limit), or `nil`.
    @inline(__always)
    private mutating func raggedReject<R: FieldRecord>(_ record: R, _ location: SourceLocation) -> Reject? {
        rejects.shapeReject(record)
    }

    /// The reject for a record the mapper could not make an entry of.
    private func reject<R: FieldRecord>(_ problem: Problem, _ record: R, _ location: SourceLocation) -> Reject {
        rejects.reject(problem, record)
    }

    // MARK: - One record

    typealias Problem = FieldProblem

    mutating func makeEntry<R: FieldRecord>(_ record: R, _ location: SourceLocation) throws(Problem) -> HourEntry {
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

    mutating func computeMinutes<R: FieldRecord>(_ record: R, date: CalendarDate, start: TimeOfDay?,
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

    // MARK: - Messages

    func problem<R: FieldRecord>(_ field: HourField, _ record: R, reason: String, expected: String?) -> Problem {
        var isConstant = false
        if let spec = mapping.fields[field], case .constant = spec.source { isConstant = true }
        return rejects.problem(field.rawValue, slot: slots[field], isConstant: isConstant, constantValue: nil, record,
                               reason: reason, expected: expected)
    }

    /// The record's fields as text: what to send back to the employer (see ``RecordRejects/recordText(_:)``).
    func recordText<R: FieldRecord>(_ record: R) -> String { rejects.recordText(record) }
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
