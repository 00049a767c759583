import BPVModel

/// Students from the student-administration system (`produces: students`): one record per student, keyed by
/// studentnummer. Stored through the store's shared record table; a later export replaces the earlier one.
public enum StudentsKind: KeyedRecordKind {
    public static let kind = RecordKind(rawValue: "students")
    public static let folder = "sis"
    public static let plural = "students"
    public static let emptyConsequence = "\"no students any more\""

    /// The kind's field names, as the mapping writes them and the mapper reads them.
    public enum Field {
        public static let student = "student"
        public static let roepnaam = "roepnaam"
        public static let achternaam = "achternaam"
        public static let geboortedatum = "geboortedatum"
        public static let opleiding = "opleiding"
        public static let crebo = "crebo"
        public static let leerweg = "leerweg"
        public static let cohort = "cohort"
        public static let leerjaar = "leerjaar"
    }

    public static var fields: [(String, MappingSchema.FieldRule)] {
        let text = MappingSchema.FieldRule(kinds: ["text"])
        return [(Field.student, MappingSchema.FieldRule(kinds: ["text"], required: true)),
                (Field.roepnaam, text), (Field.achternaam, text),
                (Field.geboortedatum, MappingSchema.FieldRule(kinds: ["date"], needsFormat: true)),
                (Field.opleiding, text), (Field.crebo, text),
                (Field.leerweg, MappingSchema.FieldRule(kinds: ["codes", "text"], codeValues: Leerweg.allCases.map(\.rawValue))),
                (Field.cohort, text), (Field.leerjaar, text)]
    }

    public static func mapper(edition: CalendarDate?) -> Mapper { Mapper() }
    public static func key(of value: Student) -> String { value.studentNumber }
    public static func location(of value: Student) -> SourceLocation? { value.location }

    /// One record -> one ``Student``.
    public struct Mapper: RecordKindMapper {
        public init() {}

        public mutating func map<R: FieldRecord>(_ record: R, _ f: inout RecordFieldReader) -> RecordOutcome<Student> {
            do throws(FieldProblem) {
                guard let raw = try f.text(Field.student, record) else {
                    throw f.problem(Field.student, record, reason: "empty", expected: "a studentnummer")
                }
                guard let number = Identifier.studentNumber(raw) else {
                    throw f.problem(Field.student, record, reason: "not a studentnummer",
                                    expected: "\(Identifier.studentNumberLengths.lowerBound) to "
                                        + "\(Identifier.studentNumberLengths.upperBound) digits")
                }
                return .value(Student(studentNumber: number, roepnaam: try f.text(Field.roepnaam, record),
                                      achternaam: try f.text(Field.achternaam, record),
                                      geboortedatum: try f.date(Field.geboortedatum, record),
                                      opleiding: try f.text(Field.opleiding, record),
                                      crebo: try f.crebo(Field.crebo, record),
                                      leerweg: try f.leerweg(Field.leerweg, record),
                                      cohort: try wholeNumber(Field.cohort, record, in: 1990...2100, f: &f),
                                      leerjaar: try wholeNumber(Field.leerjaar, record, in: 1...6, f: &f),
                                      location: f.location(record)))
            } catch {
                return .reject(f.reject(error, record), pair: nil)
            }
        }

        /// A whole number in `range`, or `nil` when the field is empty or unmapped.
        private func wholeNumber<R: FieldRecord>(_ field: String, _ record: R, in range: ClosedRange<Int>,
                                            f: inout RecordFieldReader) throws(FieldProblem) -> Int? {
            guard let text = try f.text(field, record) else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw f.problem(field, record, reason: "not a whole number from \(range.lowerBound) to \(range.upperBound)",
                                expected: "a number like \(range.lowerBound)")
            }
            return value
        }
    }
}
