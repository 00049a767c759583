import BPVModel

// The bpv application's (OnStage-style) exports: assessments, documents and gesprekken, one record each, keyed by
// the application's own id. Stored through the store's shared record table (several per POK, each with its id); a
// later export of the same mapping replaces the earlier one. The results stage (BPVResults) judges them.

private let text = FieldRule(kinds: ["text"])
private let required = FieldRule(kinds: ["text"], required: true)
private let day = FieldRule(kinds: ["date"], needsFormat: true)
private let grade = FieldRule(kinds: ["codes", "text"], codeValues: Grade.allCases.map(\.rawValue))

/// Tussenbeoordelingen and eindbeoordelingen (`produces: assessments`).
public enum AssessmentsKind: KeyedRecordKind {
    public static let kind = RecordKind(rawValue: "assessments")
    public static let folder = "onstage"
    public static let plural = "assessments"
    public static let emptyConsequence = "\"no assessments any more\""

    public enum Field {
        public static let id = "id", student = "student", pok = "pok", stage = "soort", date = "datum"
        public static let signedStudent = "getekend_student", signedPraktijkopleider = "getekend_praktijkopleider"
        public static let signedBPVDocent = "getekend_bpv_docent"
    }

    public static var fields: [(String, FieldRule)] {
        [(Field.id, required), (Field.student, required), (Field.pok, text),
         (Field.stage, FieldRule(kinds: ["codes", "text"], codeValues: Assessment.Stage.allCases.map(\.rawValue), required: true)),
         (Field.date, FieldRule(kinds: ["date"], needsFormat: true, required: true))]
            + Assessment.partNames.map { ($0, grade) }
            + [(Field.signedStudent, day), (Field.signedPraktijkopleider, day), (Field.signedBPVDocent, day)]
    }

    public static func mapper(edition: CalendarDate?) -> Mapper { Mapper() }
    public static func key(of value: Assessment) -> String { value.id }
    public static func location(of value: Assessment) -> SourceLocation? { value.location }

    public struct Mapper: RecordKindMapper {
        public init() {}
        public mutating func map<R: FieldRecord>(_ record: R, _ f: inout RecordFieldReader) -> RecordOutcome<Assessment> {
            do throws(FieldProblem) {
                let id = try f.requiredText(Field.id, record, expected: "the form's id")
                let student = try f.studentNumber(Field.student, record)
                guard let (stageText, _) = try f.coded(Field.stage, record) else {
                    throw f.problem(Field.stage, record, reason: "empty", expected: "tussen or eind")
                }
                guard let stage = Assessment.Stage(rawValue: stageText.lowercased()) else {
                    throw f.problem(Field.stage, record, reason: "not an assessment stage", expected: "tussen or eind")
                }
                guard let date = try f.date(Field.date, record) else {
                    throw f.problem(Field.date, record, reason: "empty", expected: "the day it was filled in")
                }
                var parts: [String: Grade] = [:]
                for part in Assessment.partNames { parts[part] = try f.grade(part, record) }
                return .value(Assessment(id: id, studentNumber: student, pokNumber: try f.text(Field.pok, record),
                                         stage: stage, date: date, parts: parts,
                                         signatures: try f.signatures([(Field.signedStudent, .student),
                                                                       (Field.signedPraktijkopleider, .praktijkopleider),
                                                                       (Field.signedBPVDocent, .bpvDocent)], record),
                                         location: f.location(record)))
            } catch {
                return .reject(f.reject(error, record), pair: nil)
            }
        }
    }
}

/// Documents handed in (`produces: documents`): bpv-verslag, STARRT-formulieren, gespreksverslagen, logboek...
public enum DocumentsKind: KeyedRecordKind {
    public static let kind = RecordKind(rawValue: "documents")
    public static let folder = "onstage"
    public static let plural = "documents"
    public static let emptyConsequence = "\"no documents any more\""

    public enum Field {
        public static let id = "id", student = "student", pok = "pok", kind = "soort", handedIn = "ingeleverd"
        public static let grade = "cijfer", approvedPraktijkopleider = "goedgekeurd_praktijkopleider"
        public static let approvedBPVDocent = "goedgekeurd_bpv_docent"
    }

    public static var fields: [(String, FieldRule)] {
        [(Field.id, required), (Field.student, required), (Field.pok, text),
         (Field.kind, FieldRule(kinds: ["codes", "text"], required: true)), (Field.handedIn, day), (Field.grade, grade),
         (Field.approvedPraktijkopleider, day), (Field.approvedBPVDocent, day)]
    }

    public static func mapper(edition: CalendarDate?) -> Mapper { Mapper() }
    public static func key(of value: EvidenceDocument) -> String { value.id }
    public static func location(of value: EvidenceDocument) -> SourceLocation? { value.location }

    public struct Mapper: RecordKindMapper {
        public init() {}
        public mutating func map<R: FieldRecord>(_ record: R, _ f: inout RecordFieldReader) -> RecordOutcome<EvidenceDocument> {
            do throws(FieldProblem) {
                let id = try f.requiredText(Field.id, record, expected: "the document's id")
                let student = try f.studentNumber(Field.student, record)
                guard let (kind, _) = try f.coded(Field.kind, record) else {
                    throw f.problem(Field.kind, record, reason: "empty", expected: "a document kind (starrt, bpv-verslag...)")
                }
                return .value(EvidenceDocument(
                    id: id, studentNumber: student, pokNumber: try f.text(Field.pok, record), kind: kind.lowercased(),
                    handedIn: try f.date(Field.handedIn, record), grade: try f.grade(Field.grade, record),
                    approvals: try f.signatures([(Field.approvedPraktijkopleider, .praktijkopleider),
                                                 (Field.approvedBPVDocent, .bpvDocent)], record),
                    location: f.location(record)))
            } catch {
                return .reject(f.reject(error, record), pair: nil)
            }
        }
    }
}

/// Visits and conversations (`produces: gesprekken`): bpv-bezoek, evaluatiegesprek..., with who took part.
public enum GesprekkenKind: KeyedRecordKind {
    public static let kind = RecordKind(rawValue: "gesprekken")
    public static let folder = "onstage"
    public static let plural = "gesprekken"
    public static let emptyConsequence = "\"no visits or gesprekken any more\""

    public enum Field {
        public static let id = "id", student = "student", pok = "pok", kind = "soort", date = "datum"
        public static let participants = "deelnemers"
    }

    public static var fields: [(String, FieldRule)] {
        [(Field.id, required), (Field.student, required), (Field.pok, text),
         (Field.kind, FieldRule(kinds: ["codes", "text"], required: true)),
         (Field.date, FieldRule(kinds: ["date"], needsFormat: true, required: true)), (Field.participants, text)]
    }

    public static func mapper(edition: CalendarDate?) -> Mapper { Mapper() }
    public static func key(of value: Gesprek) -> String { value.id }
    public static func location(of value: Gesprek) -> SourceLocation? { value.location }

    public struct Mapper: RecordKindMapper {
        public init() {}
        public mutating func map<R: FieldRecord>(_ record: R, _ f: inout RecordFieldReader) -> RecordOutcome<Gesprek> {
            do throws(FieldProblem) {
                let id = try f.requiredText(Field.id, record, expected: "the gesprek's id")
                let student = try f.studentNumber(Field.student, record)
                guard let (kind, _) = try f.coded(Field.kind, record) else {
                    throw f.problem(Field.kind, record, reason: "empty", expected: "bpv-bezoek, evaluatiegesprek...")
                }
                guard let date = try f.date(Field.date, record) else {
                    throw f.problem(Field.date, record, reason: "empty", expected: "the day it took place")
                }
                var roles: [EvidenceRole] = []
                for name in (try f.text(Field.participants, record) ?? "").split(whereSeparator: { ",+/;".contains($0) }) {
                    guard let role = RecordFieldReader.role(String(name)) else {
                        throw f.problem(Field.participants, record, reason: "'\(String(name).trimmingWhitespace())' is not a role",
                                        expected: "student, praktijkopleider (werkbegeleider), bpv-docent, separated by commas")
                    }
                    if !roles.contains(role) { roles.append(role) }
                }
                return .value(Gesprek(id: id, studentNumber: student, pokNumber: try f.text(Field.pok, record),
                                      kind: kind.lowercased(), date: date, participants: roles, location: f.location(record)))
            } catch {
                return .reject(f.reject(error, record), pair: nil)
            }
        }
    }
}

extension RecordFieldReader {
    mutating func requiredText<R: FieldRecord>(_ field: String, _ record: R, expected: String) throws(FieldProblem) -> String {
        guard let value = try text(field, record) else { throw problem(field, record, reason: "empty", expected: expected) }
        return value
    }

    mutating func studentNumber<R: FieldRecord>(_ field: String, _ record: R) throws(FieldProblem) -> String {
        let expected = "\(Identifier.studentNumberLengths.lowerBound) to \(Identifier.studentNumberLengths.upperBound) digits"
        guard let raw = try text(field, record) else { throw problem(field, record, reason: "empty", expected: "a studentnummer") }
        guard let number = Identifier.studentNumber(raw) else {
            throw problem(field, record, reason: "not a studentnummer", expected: expected)
        }
        return number
    }

    /// O, M, V, G or n.v.t. (after the field's code table); `nil` when empty or unmapped.
    mutating func grade<R: FieldRecord>(_ field: String, _ record: R) throws(FieldProblem) -> Grade? {
        guard let (value, _) = try coded(field, record) else { return nil }
        guard let grade = Grade(code: value) else {
            throw problem(field, record, reason: "not a grade", expected: "O, M, V, G or n.v.t. (or a code table)")
        }
        return grade
    }

    /// One signature per role whose date field is filled in.
    mutating func signatures<R: FieldRecord>(_ fields: [(String, EvidenceRole)], _ record: R) throws(FieldProblem) -> [Signature] {
        var result: [Signature] = []
        for (field, role) in fields {
            if let date = try date(field, record) { result.append(Signature(role: role, date: date)) }
        }
        return result
    }

    /// `student`, `praktijkopleider` or `werkbegeleider`, `bpv-docent` (any case, spaces ignored).
    static func role(_ text: String) -> EvidenceRole? {
        switch text.lowercased().filter({ !$0.isWhitespace }) {
        case "student": return .student
        case "praktijkopleider", "werkbegeleider": return .praktijkopleider
        case "bpv-docent", "bpvdocent", "bpv_docent", "docent": return .bpvDocent
        default: return nil
        }
    }
}
