import BPVModel

/// The kinds of mapping whose records become one dossier value each, read through the generic record mapper
/// (``RecordFieldReader``): SBB erkenning lists, crebo lists, kwalificatiedossiers' werkprocessen and POK lists.
public enum RecordKind: String, CaseIterable, Sendable {
    /// SBB's accreditation list: one row per leerbedrijf and crebo.
    case erkenningen
    /// SBB's crebo list (qualifications, and the "Vervallen" part with end dates and successors).
    case crebos
    /// POKs from the student-administration system (the minimum the accreditation check needs).
    case poks
    /// Kerntaken and werkprocessen of SBB's kwalificatiedossiers: one record per werkproces, with its kerntaak
    /// and dossier (and the profile's crebo for a profieldeel).
    case werkprocessen

    /// The `produces:` value.
    public var produces: String { rawValue }

    /// The folder under `mappings/` where mappings of this kind live.
    public var folder: String { self == .poks ? "sis" : "reference" }

    /// The schema: dossier fields, how each may be read, which are required, and the `rows` section.
    public var schema: MappingSchema {
        typealias Rule = MappingSchema.FieldRule
        let text = Rule(kinds: ["text"]), date = Rule(kinds: ["date"], needsFormat: true)
        let leerweg = Rule(kinds: ["codes", "text"], codeValues: Leerweg.allCases.map(\.rawValue))
        let fields: [(String, Rule)]
        switch self {
        case .erkenningen:
            fields = [("leerbedrijf", Rule(kinds: ["text"], required: true)), ("legacy_code", text),
                      ("name", text), ("street", text), ("postcode", text), ("place", text),
                      ("crebo", Rule(kinds: ["text"], required: true)),
                      ("start", Rule(kinds: ["date"], needsFormat: true, required: true)), ("end", date),
                      ("leerweg", leerweg), ("retrieved", date)]
        case .crebos:
            fields = [("crebo", Rule(kinds: ["text"], required: true)), ("name", text), ("niveau", text),
                      ("soort", text), ("leerweg", leerweg), ("geldig_vanaf", date), ("einde_instroom", date),
                      ("einde_opleiding", date), ("vervangen_door", text), ("dossier", text)]
        case .poks:
            fields = [("student", Rule(kinds: ["text"], required: true)),
                      ("leerbedrijf", Rule(kinds: ["text"], required: true)),
                      ("crebo", Rule(kinds: ["text"], required: true)),
                      ("begin", Rule(kinds: ["date"], needsFormat: true, required: true)),
                      ("end", Rule(kinds: ["date"], needsFormat: true, required: true)),
                      ("hours", Rule(kinds: ["duration"], needsFormat: true)), ("leerweg", leerweg)]
        case .werkprocessen:
            fields = [("dossier", Rule(kinds: ["text"], required: true)), ("dossier_titel", text), ("crebo", text),
                      ("kerntaak", Rule(kinds: ["text"], required: true)), ("kerntaak_titel", text),
                      ("werkproces", Rule(kinds: ["text"], required: true)),
                      ("titel", Rule(kinds: ["text"], required: true))]
        }
        return MappingSchema(produces: produces, fields: fields, sections: ["rows"])
    }
}

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
