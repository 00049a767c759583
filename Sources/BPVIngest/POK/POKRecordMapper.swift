import BPVModel

/// Maps records of a POK list from the student-administration system (`produces: poks`) to ``POK`` values: the
/// fields of ``POKsKind/Field``. A record whose dates contradict each other is a reject: an end before the begin,
/// a signing after the end, a termination before the begin or after the end.
public struct POKRecordMapper: RecordKindMapper {
    public init() {}

    private typealias Field = POKsKind.Field

    public mutating func map<R: FieldRecord>(_ record: R, _ f: inout RecordFieldReader) -> RecordOutcome<POK> {
        do throws(FieldProblem) {
            guard let student = try f.text(Field.student, record).map(Identifier.clean) else {
                throw f.problem(Field.student, record, reason: "empty", expected: "a studentnummer")
            }
            guard let leerbedrijf = try f.leerbedrijf(Field.leerbedrijf, record) else {
                throw f.problem(Field.leerbedrijf, record, reason: "empty", expected: "a leerbedrijf-ID")
            }
            guard let crebo = try f.crebo(Field.crebo, record) else {
                throw f.problem(Field.crebo, record, reason: "empty", expected: "a crebo")
            }
            guard let begin = try f.date(Field.begin, record) else {
                throw f.problem(Field.begin, record, reason: "empty", expected: "the POK's begin date")
            }
            guard let end = try f.date(Field.end, record) else {
                throw f.problem(Field.end, record, reason: "empty", expected: "the POK's end date")
            }
            if end < begin {
                throw f.problem(Field.end, record, reason: "the POK ends before it begins",
                                expected: "an end date on or after the begin \(begin)")
            }
            let minutes = try f.minutes(Field.hours, record)
            if let minutes, minutes < 0 {
                throw f.problem(Field.hours, record, reason: "negative hours", expected: "0 or more")
            }
            let signed = try f.date(Field.signed, record)
            if let signed, signed > end {
                throw f.problem(Field.signed, record, reason: "the POK is signed after it ends",
                                expected: "a signing date on or before the end \(end)")
            }
            let terminated = try f.date(Field.terminated, record)
            if let terminated, terminated < begin {
                throw f.problem(Field.terminated, record, reason: "the POK is terminated before it begins",
                                expected: "a termination date on or after the begin \(begin)")
            }
            if let terminated, terminated > end {
                throw f.problem(Field.terminated, record, reason: "the POK is terminated after it ends",
                                expected: "a termination date on or before the end \(end)")
            }
            return .value(POK(studentNumber: student, leerbedrijfID: leerbedrijf.text, crebo: crebo, begin: begin,
                              end: end, minutes: minutes, leerweg: try f.leerweg(Field.leerweg, record),
                              pokNumber: try f.text(Field.pokNumber, record).map(Identifier.clean), signedOn: signed,
                              status: try status(record, &f), terminatedOn: terminated,
                              secondAddress: try f.boolean(Field.secondAddress, record) ?? false,
                              location: f.location(record)))
        } catch {
            return .reject(f.reject(error, record), pair: nil)
        }
    }

    /// The status from the mapping's code table (the schema lets `status` be read through codes only).
    private func status<R: FieldRecord>(_ record: R, _ f: inout RecordFieldReader) throws(FieldProblem) -> POKStatus? {
        guard let (value, _) = try f.coded(Field.status, record) else { return nil }
        guard let status = POKStatus(rawValue: value) else {
            throw f.problem(Field.status, record, reason: "not a POK status",
                            expected: POKStatus.allCases.map(\.rawValue).joined(separator: " or ") + " (through a code table)")
        }
        return status
    }
}
