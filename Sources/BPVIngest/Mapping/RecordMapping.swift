import BPVModel

/// A validated mapping of a ``RecordKind``: where each dossier field comes from, and which rows are not records.
/// Read one with ``MappingLoader/loadRecordMapping(path:kind:)``; the language is in `mappings/README.md`.
public struct RecordMapping: Sendable {
    public var kind: RecordKind
    public var name: String
    public var revision: Int
    public var description: String?
    public var path: String?
    public var source: SourceSpec
    /// Dossier field name (as in the kind's schema) -> where its value comes from and how it is read.
    public var fields: [String: FieldSpec]
    public var codes: [String: CodeTable]
    public var importRule: ImportRule
    /// `rows.skip_when_empty`: a row whose fields named here are all empty is not a record (a section heading
    /// such as an opleidingsdomein in the crebo list) and is skipped and counted.
    public var skipWhenEmpty: [String]

    public init(kind: RecordKind, name: String, revision: Int, description: String?, path: String?,
                source: SourceSpec, fields: [String: FieldSpec], codes: [String: CodeTable], importRule: ImportRule,
                skipWhenEmpty: [String]) {
        self.kind = kind
        self.name = name
        self.revision = revision
        self.description = description
        self.path = path
        self.source = source
        self.fields = fields
        self.codes = codes
        self.importRule = importRule
        self.skipWhenEmpty = skipWhenEmpty
    }
}
