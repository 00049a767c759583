import BPVModel

// The reference kinds (SBB lists) and the SIS's POK list: each declared once. Their values have stores of
// their own (snapshots, merges per edition); see BPVStore's ReferenceStore and POKStore.

public typealias FieldRule = MappingSchema.FieldRule

private let text = FieldRule(kinds: ["text"])
private let date = FieldRule(kinds: ["date"], needsFormat: true)
private let leerweg = FieldRule(kinds: ["codes", "text"], codeValues: Leerweg.allCases.map(\.rawValue))

extension RecordKind {
    /// SBB's accreditation list: one row per leerbedrijf and crebo.
    public static let erkenningen = ErkenningenKind.kind
    /// SBB's crebo list (qualifications, and the "Vervallen" part with end dates and successors).
    public static let crebos = CrebosKind.kind
    /// POKs from the student-administration system.
    public static let poks = POKsKind.kind
    /// Kerntaken and werkprocessen of SBB's kwalificatiedossiers: one record per werkproces.
    public static let werkprocessen = WerkprocessenKind.kind
}

public enum ErkenningenKind: RecordKindDescriptor {
    public static let kind = RecordKind(rawValue: "erkenningen")
    public static let folder = "reference"
    public static let plural = "erkenningen"
    public static let emptyConsequence = "\"every erkenning withdrawn\""
    public static var fields: [(String, FieldRule)] {
        [("leerbedrijf", FieldRule(kinds: ["text"], required: true)), ("legacy_code", text),
         ("name", text), ("street", text), ("postcode", text), ("place", text),
         ("crebo", FieldRule(kinds: ["text"], required: true)),
         ("start", FieldRule(kinds: ["date"], needsFormat: true, required: true)), ("end", date),
         ("leerweg", leerweg), ("retrieved", date)]
    }
    public static func mapper(edition: CalendarDate?) -> ErkenningRecordMapper { ErkenningRecordMapper() }
}

public enum CrebosKind: RecordKindDescriptor {
    public static let kind = RecordKind(rawValue: "crebos")
    public static let folder = "reference"
    public static let plural = "crebos"
    public static let emptyConsequence = "a crebo list"
    public static var fields: [(String, FieldRule)] {
        [("crebo", FieldRule(kinds: ["text"], required: true)), ("name", text), ("niveau", text),
         ("soort", text), ("leerweg", leerweg), ("geldig_vanaf", date), ("einde_instroom", date),
         ("einde_opleiding", date), ("vervangen_door", text), ("dossier", text)]
    }
    public static func mapper(edition: CalendarDate?) -> CreboRecordMapper { CreboRecordMapper(edition: edition) }
}

public enum POKsKind: RecordKindDescriptor {
    public static let kind = RecordKind(rawValue: "poks")
    public static let folder = "sis"
    public static let plural = "POKs"
    public static let emptyConsequence = "\"every POK ended\""

    /// The kind's field names, as the mapping writes them and the mapper reads them.
    public enum Field {
        public static let student = "student"
        public static let leerbedrijf = "leerbedrijf"
        public static let crebo = "crebo"
        public static let begin = "begin"
        public static let end = "end"
        public static let hours = "hours"
        public static let leerweg = "leerweg"
        public static let pokNumber = "pok_number"
        public static let signed = "signed"
        public static let status = "status"
        public static let terminated = "terminated"
        public static let secondAddress = "second_address"
    }

    public static var fields: [(String, FieldRule)] {
        [(Field.student, FieldRule(kinds: ["text"], required: true)),
         (Field.leerbedrijf, FieldRule(kinds: ["text"], required: true)),
         (Field.crebo, FieldRule(kinds: ["text"], required: true)),
         (Field.begin, FieldRule(kinds: ["date"], needsFormat: true, required: true)),
         (Field.end, FieldRule(kinds: ["date"], needsFormat: true, required: true)),
         (Field.hours, FieldRule(kinds: ["duration"], needsFormat: true)), (Field.leerweg, leerweg),
         (Field.pokNumber, text), (Field.signed, date),
         (Field.status, FieldRule(kinds: ["codes"], codeValues: POKStatus.allCases.map(\.rawValue))),
         (Field.terminated, date), (Field.secondAddress, FieldRule(kinds: ["boolean"]))]
    }
    public static func mapper(edition: CalendarDate?) -> POKRecordMapper { POKRecordMapper() }
}

public enum WerkprocessenKind: RecordKindDescriptor {
    public static let kind = RecordKind(rawValue: "werkprocessen")
    public static let folder = "reference"
    public static let plural = "werkprocessen"
    public static let emptyConsequence = "a dossier without werkprocessen"
    public static var fields: [(String, FieldRule)] {
        [("dossier", FieldRule(kinds: ["text"], required: true)), ("dossier_titel", text), ("crebo", text),
         ("kerntaak", FieldRule(kinds: ["text"], required: true)), ("kerntaak_titel", text),
         ("werkproces", FieldRule(kinds: ["text"], required: true)),
         ("titel", FieldRule(kinds: ["text"], required: true))]
    }
    public static func mapper(edition: CalendarDate?) -> WerkprocesRecordMapper { WerkprocesRecordMapper() }
}
