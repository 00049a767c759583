import BPVModel

/// What a draft mapping will say, format-neutral: the dossier fields with their columns and readings, the hours
/// rule, the hour-type code table, and the columns left out, each with its evidence. ``ColumnRoleGuesser`` makes
/// one from a ``SampleTable``; ``MappingDraftWriter`` writes it as YAML.
public struct DraftPlan: Sendable {
    /// How a field's text is read: the mapping language's value types.
    public enum Reading: Sendable, Equatable {
        case text
        case date(String)
        case time(String)
        case datetime(String)
        case duration(String)
        case codes(String)
        case boolean(trueWords: [String], falseWords: [String])
    }

    /// One dossier field taken from one column.
    public struct Field: Sendable {
        public var field: HourField
        public var column: SampleTable.Column
        public var reading: Reading
        public var optional: Bool
        public var notes: [DraftNote]
    }

    /// One code of the hour-type column with its guessed category.
    public struct Code: Sendable {
        public var code: String
        /// Sampled records holding it.
        public var count: Int
        public var category: HourCategory
        public var note: DraftNote
    }

    public struct CodeTable: Sendable {
        public var name: String
        public var column: SampleTable.Column
        public var codes: [Code]
        /// Distinct values beyond the listing limit, not listed.
        public var unlisted: Int
    }

    public var identity: EmployeeIdentityKind?
    public var identityNote: DraftNote?
    /// The mapped fields, in the schema's order.
    public var fields: [Field]
    /// Required fields no column was found for: the draft writes them as commented-out templates.
    public var missing: [(field: HourField, note: DraftNote)]
    public var hoursFrom: HourMapping.MinutesSource
    public var hoursNote: DraftNote
    public var allowNegative: Bool
    public var negativeNote: DraftNote
    /// Set when a sampled duration is longer than the default `max_entry_hours`.
    public var longestNote: DraftNote?
    public var codeTable: CodeTable?
    /// The correction codes of the `action` column (SETU `@actionCode`), when there is one.
    public var actionCodes: [(code: String, action: EntryAction, note: DraftNote)] = []
    /// `external_id` when the draft maps corrections (each entry replaces the one with its id), else `period`.
    public var supersede: ImportRule.Supersede = .period
    public var supersedeNote = DraftNote("a re-export replaces the entries of its period")
    /// Columns no field reads, with what they hold.
    public var unmapped: [(column: SampleTable.Column, summary: String)]
    /// Sampled records, and whether that is the whole file.
    public var recordCount: Int
    public var isWholeFile: Bool

    public func field(_ field: HourField) -> Field? { fields.first { $0.field == field } }

    /// How many choices are marked to check.
    public var checkCount: Int {
        var notes = fields.flatMap(\.notes) + missing.map(\.note) + [hoursNote, negativeNote]
        if let identityNote { notes.append(identityNote) }
        if let longestNote { notes.append(longestNote) }
        notes += codeTable?.codes.map(\.note) ?? []
        return notes.count { $0.check != nil }
    }
}
