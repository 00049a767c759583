import BPVModel

/// What one kind of mapping produces: its dossier fields, how each may be read, and the extra top-level sections
/// the kind understands. ``MappingDocumentBuilder`` checks a mapping file against its schema, so every kind
/// (hour entries; SBB erkenningen, crebos and POKs: see ``RecordKind``) shares one language and one lint.
public struct MappingSchema: Sendable {
    /// One dossier field of a kind.
    public struct FieldRule: Sendable {
        /// The value types the field accepts: `text`, `date`, `time`, `datetime`, `duration`, `codes`, `boolean`.
        public var kinds: [String]
        /// The values a code table used by this field may map to (`nil`: any text).
        public var codeValues: [String]?
        /// The field needs an explicit format (`date: ...`), there is no default text reading.
        public var needsFormat: Bool
        /// A mapping of this kind must map the field (checked by the kind's builder).
        public var required: Bool

        public init(kinds: [String], codeValues: [String]? = nil, needsFormat: Bool = false, required: Bool = false) {
            self.kinds = kinds
            self.codeValues = codeValues
            self.needsFormat = needsFormat
            self.required = required
        }
    }

    /// The `produces:` value that selects this schema.
    public var produces: String
    public var fields: [String: FieldRule]
    /// Top-level sections beyond the common ones (e.g. `hours`, `identity`), handed to the kind's own builder.
    public var sections: [String]
    /// The field order for messages and drafts.
    public var fieldOrder: [String]

    public init(produces: String, fields: [(String, FieldRule)], sections: [String]) {
        self.produces = produces
        self.fields = Dictionary(uniqueKeysWithValues: fields)
        self.fieldOrder = fields.map(\.0)
        self.sections = sections
    }

    /// Every schema this build knows, by `produces`.
    public static var all: [String: MappingSchema] {
        Dictionary(uniqueKeysWithValues: ([hourEntries] + RecordKind.allCases.map(\.schema)).map { ($0.produces, $0) })
    }

    /// Hour entries from employer exports (see mappings/README.md).
    public static let hourEntries = MappingSchema(
        produces: "hour_entries",
        fields: HourField.allCases.map { field in
            (field.rawValue, FieldRule(kinds: field.allowedKinds,
                                       codeValues: field == .category ? HourCategory.allCases.map(\.rawValue) + [HourMapping.skipCode]
                                           : field == .action ? EntryAction.allCases.map(\.rawValue) : nil,
                                       needsFormat: [.date, .endDate, .start, .end, .breakTime, .duration, .assignedDay]
                                           .contains(field)))
        },
        sections: ["identity", "hours", "rows"])
}
