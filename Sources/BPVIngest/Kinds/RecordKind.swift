import BPVModel

/// The name of a kind of record that a mapping `produces:` (`erkenningen`, `crebos`, `poks`, `students`...):
/// one value per record, read by the generic record reader. Each kind is declared once, by its
/// ``RecordKindDescriptor``; ``RecordKinds/all`` lists them.
public struct RecordKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The `produces:` value.
    public var produces: String { rawValue }
    public var description: String { rawValue }

    /// The kind's declaration.
    public var descriptor: any RecordKindDescriptor.Type { RecordKinds.descriptor(of: self)! }
    /// The schema: dossier fields, how each may be read, which are required, and the `rows` section.
    public var schema: MappingSchema { descriptor.schema }
    /// The folder under `mappings/` where mappings of this kind live.
    public var folder: String { descriptor.folder }
    /// Every declared kind, in the nightly order.
    public static var allCases: [RecordKind] { RecordKinds.all.map { $0.kind } }
}

/// One kind of record, declared in one place: its name, its fields (the names its mapper reads, as constants),
/// where its mappings live, its mapper, what a list of them is called, and its place in the nightly order. The
/// generic reader (``RecordFileReader``) and importer read any kind through this; adding a kind is a descriptor,
/// its model value, and its line in ``RecordKinds/all``.
public protocol RecordKindDescriptor: Sendable {
    associatedtype Mapper: RecordKindMapper
    static var kind: RecordKind { get }
    /// The folder under `mappings/` (`reference`, `sis`).
    static var folder: String { get }
    /// The dossier fields in schema order: name and rule.
    static var fields: [(String, MappingSchema.FieldRule)] { get }
    /// What the values are called in messages (`POKs`, `students`).
    static var plural: String { get }
    /// What an empty list would wrongly be taken for (`"every POK ended"`): an empty list is refused unless the
    /// user says it is meant.
    static var emptyConsequence: String { get }
    /// The mapper, with the list's edition date when the kind has one.
    static func mapper(edition: CalendarDate?) -> Mapper
}

extension RecordKindDescriptor {
    public static var schema: MappingSchema {
        MappingSchema(produces: kind.produces, fields: fields, sections: ["rows"])
    }
}

/// A kind whose values the store keeps through its shared record table (no table of their own): each value has a
/// key (a studentnummer) and is stored as JSON; a later list of the same source replaces the earlier one.
public protocol KeyedRecordKind: RecordKindDescriptor where Mapper.Value: Codable & Sendable {
    /// The value's key within its list (the studentnummer): two records with one key are a reject.
    static func key(of value: Mapper.Value) -> String
    /// Where the value was read, for messages.
    static func location(of value: Mapper.Value) -> SourceLocation?
}

/// Every record kind this build knows, in the order the nightly run imports them: students and POKs from the
/// student administration first, the bpv application's assessments, documents and gesprekken, then the crebo
/// lists and kwalificatiedossiers, then SBB's erkenningen (whose changes are judged against the POKs).
public enum RecordKinds {
    public static let all: [any RecordKindDescriptor.Type] = [
        StudentsKind.self, POKsKind.self, AssessmentsKind.self, DocumentsKind.self, GesprekkenKind.self,
        DUORegistrationsKind.self,
        CrebosKind.self, WerkprocessenKind.self, ErkenningenKind.self,
    ]

    public static func descriptor(of kind: RecordKind) -> (any RecordKindDescriptor.Type)? {
        all.first { $0.kind == kind }
    }
}
