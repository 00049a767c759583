import BPVModel

/// DUO's registration overview, record type BPV (`produces: duo-registraties`): one record per POK as the school
/// registered it, keyed by its volgnummer. The file holds other record types too (ISG, ISP...): those rows are
/// skipped, not rejected. Files without a header, `|` or `;`: the mapping reads columns by position. The BSN is
/// never a field.
public enum DUORegistrationsKind: KeyedRecordKind {
    public static let kind = RecordKind(rawValue: "duo-registraties")
    public static let folder = "sis"
    public static let plural = "DUO registrations"
    public static let emptyConsequence = "\"no POK registered with DUO\""

    public enum Field {
        public static let recordType = "record_type", volgnummer = "volgnummer", afsluitdatum = "afsluitdatum"
        public static let begin = "begin", plannedEnd = "einde_gepland", actualEnd = "einde_werkelijk"
        public static let omvang = "omvang", leerbedrijf = "leerbedrijf", crebo = "crebo"
    }

    public static var fields: [(String, FieldRule)] {
        let text = FieldRule(kinds: ["text"]), date = FieldRule(kinds: ["date"], needsFormat: true)
        return [(Field.recordType, FieldRule(kinds: ["text"], required: true)),
                (Field.volgnummer, FieldRule(kinds: ["text"], required: true)), (Field.afsluitdatum, date),
                (Field.begin, FieldRule(kinds: ["date"], needsFormat: true, required: true)),
                (Field.plannedEnd, FieldRule(kinds: ["date"], needsFormat: true, required: true)), (Field.actualEnd, date),
                (Field.omvang, text), (Field.leerbedrijf, FieldRule(kinds: ["text"], required: true)), (Field.crebo, text)]
    }

    public static func mapper(edition: CalendarDate?) -> Mapper { Mapper() }
    public static func key(of value: DUORegistration) -> String { value.volgnummer }
    public static func location(of value: DUORegistration) -> SourceLocation? { value.location }

    public struct Mapper: RecordKindMapper {
        public init() {}
        public mutating func map<R: FieldRecord>(_ record: R, _ f: inout RecordFieldReader) -> RecordOutcome<DUORegistration> {
            do throws(FieldProblem) {
                guard try f.text(Field.recordType, record)?.uppercased() == "BPV" else { return .skip }
                let volgnummer = try f.requiredText(Field.volgnummer, record, expected: "the POK's volgnummer")
                guard let begin = try f.date(Field.begin, record) else {
                    throw f.problem(Field.begin, record, reason: "empty", expected: "the begin date")
                }
                guard let planned = try f.date(Field.plannedEnd, record) else {
                    throw f.problem(Field.plannedEnd, record, reason: "empty", expected: "the planned end date")
                }
                var minutes: Int?
                if let text = try f.text(Field.omvang, record) {
                    guard let hours = Int(text), (0...9999).contains(hours) else {
                        throw f.problem(Field.omvang, record, reason: "not a whole number of hours", expected: "0 to 9999 (N4)")
                    }
                    minutes = hours * 60
                }
                guard let leerbedrijf = try f.leerbedrijf(Field.leerbedrijf, record) else {
                    throw f.problem(Field.leerbedrijf, record, reason: "empty", expected: RecordFieldReader.leerbedrijfExpected)
                }
                return .value(DUORegistration(volgnummer: volgnummer, afsluitdatum: try f.date(Field.afsluitdatum, record),
                                              begin: begin, plannedEnd: planned, actualEnd: try f.date(Field.actualEnd, record),
                                              minutes: minutes, leerbedrijfID: leerbedrijf.text,
                                              crebo: try f.crebo(Field.crebo, record), location: f.location(record)))
            } catch {
                return .reject(f.reject(error, record), pair: nil)
            }
        }
    }
}
