import Yams

/// A checked mapping file of any kind: the parts every mapping shares (name, source, fields, codes, import
/// rules), plus the kind's own sections as YAML for its builder. ``HourMapping`` is built from one.
public struct MappingDocument {
    public var name: String
    public var revision: Int
    public var description: String?
    public var path: String
    public var schema: MappingSchema
    public var source: SourceSpec
    /// Dossier field name -> where its value comes from and how it is read.
    public var fields: [String: FieldSpec]
    public var codes: [String: CodeTable]
    public var importRule: ImportRule
    /// The line of each top-level key (`source`, `fields`, `codes`, ...), for messages about a whole section.
    public var sectionLines: [String: Int]
    /// The kind's own top-level sections, unparsed (checked by the kind's builder).
    var sections: [String: Node]
    /// The node of `fields:`, for messages about missing fields.
    var fieldsNode: Node?
    var root: Node
}

/// What happens on import, for every kind.
public struct ImportRule: Sendable {
    public enum Supersede: String, Sendable, CaseIterable {
        /// A file supersedes the earlier active entries of its source within its period (first to last date).
        case period
        /// A file supersedes nothing; only explicit corrections (`action: change/void`) act on earlier entries.
        case none
        /// Each entry replaces the earlier active entry of its source with the same `external_id`.
        case externalID = "external_id"
    }
    public var supersede: Supersede
    /// Above this share (0–100) of rejected records the whole file fails.
    public var maxRejectPercent: Double

    public init(supersede: Supersede = .period, maxRejectPercent: Double = 100) {
        self.supersede = supersede
        self.maxRejectPercent = maxRejectPercent
    }
}
