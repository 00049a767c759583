import BPVModel

/// A validated mapping file for hour exports: how one layout becomes ``HourEntry`` values.
/// Read one with ``MappingLoader``; the language is documented in `mappings/README.md`.
public struct HourMapping: Sendable {
    /// The mapping's stable id (`shiftbase-roosterdetail`); with the employer it names an import source.
    public var name: String
    /// The file's own revision number, stored with every import batch.
    public var revision: Int
    public var description: String?
    /// Where the mapping was read from.
    public var path: String?
    public var source: SourceSpec
    public var identity: EmployeeIdentityKind
    public var fields: [HourField: FieldSpec]
    public var hours: HoursRule
    public var codes: [String: CodeTable]
    public var importRule: ImportRule
    /// The line of each top-level key of the mapping file (`fields`, `codes`, ...), for messages.
    public var sectionLines: [String: Int] = [:]
    /// `rows.skip_when`: records that are not hours (breaks, totals, cancelled shifts), skipped and counted.
    public var skipRules: [SkipRule] = []

    /// The code-table value that skips a record instead of making an entry (`Pauze: skip`).
    public static let skipCode = "skip"

    /// One `rows.skip_when` condition: a record whose field matches is not an entry, and is counted under `reason`.
    public struct SkipRule: Sendable {
        /// The mapped field whose value is tested (or ``column``).
        public var field: HourField?
        /// CSV with a header: a column the entry does not otherwise read (a status column), by its header name.
        public var column: String?
        /// Lower-cased, trimmed values that match exactly (`equals:`).
        public var equals: Set<String> = []
        /// Lower-cased prefixes that match (`starts_with:`).
        public var startsWith: [String] = []
        /// `empty: true`: an empty value matches.
        public var empty = false
        /// What the skip is counted as (`reason:`, or a description of the condition).
        public var reason: String

        /// Whether the field's trimmed value matches.
        public func matches(_ value: String) -> Bool {
            if value.isEmpty { return empty }
            let word = value.lowercased()
            return equals.contains(word) || startsWith.contains { word.hasPrefix($0) }
        }
    }

    /// How hour minutes are found.
    public enum MinutesSource: String, Sendable { case times, duration }

    public struct HoursRule: Sendable {
        public var from: MinutesSource
        public var maxEntryMinutes: Int
        public var allowNegative: Bool
    }

}

/// The physical format of a source file.
public struct SourceSpec: Sendable {
    public enum Format: String, Sendable { case csv, xml }
    public var format: Format
    /// `nil` means `auto`: detected per file.
    public var encoding: TextEncoding?
    public var csv: CSVDialect
    /// Whether the first row (after `skip_lines`) names the columns.
    public var header: Bool
    /// XML sources: the record path and the namespace prefixes; `nil` for CSV.
    public var xml: XMLSourceSpec? = nil
}

/// How an XML source is read: which elements are the records, and the namespace prefixes the paths use.
public struct XMLSourceSpec: Sendable {
    public var record: XMLRecordPath
    public var namespaces: XMLNamespaces
}

/// The dossier fields of an hour entry that a mapping can fill.
public enum HourField: String, CaseIterable, Sendable {
    case employee, student, employer, leerbedrijf, date, start, end
    case endDate = "end_date"
    case breakTime = "break"
    case duration, category, approved
    case externalID = "external_id"
    case description
    /// The administrative day when the source assigns one (SETU `@dayAssignment`): overrides the date.
    case assignedDay = "assigned_day"
    /// Add, change or void (SETU `@actionCode`).
    case action

    /// A dense index (0 ..< allCases.count) for per-field tables: the mapper looks fields up without hashing.
    @inline(__always) var ordinal: Int {
        switch self {
        case .employee: return 0
        case .student: return 1
        case .employer: return 2
        case .leerbedrijf: return 3
        case .date: return 4
        case .start: return 5
        case .end: return 6
        case .endDate: return 7
        case .breakTime: return 8
        case .duration: return 9
        case .category: return 10
        case .approved: return 11
        case .externalID: return 12
        case .description: return 13
        case .assignedDay: return 14
        case .action: return 15
        }
    }

    /// The value types a field accepts (the first is its default).
    var allowedKinds: [String] {
        switch self {
        case .date, .endDate: return ["date", "datetime"]
        case .assignedDay: return ["date"]
        case .action: return ["codes", "text"]
        case .start, .end: return ["time", "datetime"]
        case .breakTime, .duration: return ["duration"]
        case .category: return ["codes", "text"]
        case .approved: return ["boolean"]
        case .employee, .student, .employer, .leerbedrijf, .externalID, .description: return ["text"]
        }
    }
}

/// Where one field's value comes from, and how its text is read.
public struct FieldSpec: Sendable {
    public enum Source: Sendable, Equatable {
        /// A column by its header name.
        case column(String)
        /// A column by 1-based position.
        case position(Int)
        /// The same value for every record.
        case constant(String)
        /// XML: a path relative to the record element; with several, the first one that has a value.
        case path([XMLFieldPath])
    }

    public enum Kind: Sendable {
        case text
        case date(DateTimePattern)
        case time(DateTimePattern)
        case datetime(DateTimePattern)
        case duration(DurationFormat)
        case codes(String)
        case boolean(trueValues: Set<String>, falseValues: Set<String>)

        var name: String {
            switch self {
            case .text: return "text"
            case .date: return "date"
            case .time: return "time"
            case .datetime: return "datetime"
            case .duration: return "duration"
            case .codes: return "codes"
            case .boolean: return "boolean"
            }
        }
    }

    public var source: Source
    public var kind: Kind
    /// An empty value is allowed (the field is then unknown).
    public var optional: Bool
    /// The line in the mapping file, for messages.
    public var mappingLine: Int
    /// The column in the mapping file, for messages.
    public var mappingColumn: Int = 1

    /// How a `boolean:` field reads a word (lower-cased, trimmed): listed as true or false; else `"*"` in the true
    /// list makes it true, `"*"` in the false list (or no false list) makes it false; else it is not a yes/no value
    /// (`nil`). The one reading of the mapping language's yes/no values, for hour entries and every record kind.
    public static func booleanValue(_ word: String, trueValues: Set<String>, falseValues: Set<String>) -> Bool? {
        if trueValues.contains(word) { return true }
        if falseValues.contains(word) { return false }
        if trueValues.contains("*") { return true }
        if falseValues.contains("*") || falseValues.isEmpty { return false }
        return nil
    }

    /// What a reject of a word that is not a yes/no value expects: `one of ja, true, nee, false`.
    public static func booleanExpected(trueValues: Set<String>, falseValues: Set<String>) -> String {
        "one of \((trueValues.sorted() + falseValues.sorted()).filter { $0 != "*" }.joined(separator: ", "))"
    }
}

/// A code table: a source's own codes to dossier values (hour types to categories, for example). Keys match
/// ignoring case and surrounding spaces.
public struct CodeTable: Sendable {
    public var name: String
    /// Lower-cased, trimmed code -> value.
    public var values: [String: String]
    /// The codes as written in the mapping, for messages.
    public var listedCodes: [String]
    /// The value for codes that are not listed; `nil`: they are rejected.
    public var defaultValue: String?
    /// The table's place in the mapping file, for messages.
    public var mappingLine: Int = 1
    public var mappingColumn: Int = 1

    public func lookup(_ code: String) -> String? {
        values[code.trimmingWhitespace().lowercased()] ?? defaultValue
    }
}
