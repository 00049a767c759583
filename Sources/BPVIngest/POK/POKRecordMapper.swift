import BPVModel

/// Maps records of a POK list from the student-administration system (`produces: poks`) to ``POK`` values.
/// Only what the accreditation check needs; the SIS import extends the kind's fields later.
public struct POKRecordMapper: RecordKindMapper {
    public init() {}

    public mutating func map<R: FieldRecord>(_ record: R, _ f: inout RecordFieldReader) -> RecordOutcome<POK> {
        do throws(FieldProblem) {
            guard let student = try f.text("student", record).map(Identifier.clean) else {
                throw f.problem("student", record, reason: "empty", expected: "a studentnummer")
            }
            guard let leerbedrijf = try f.leerbedrijf("leerbedrijf", record) else {
                throw f.problem("leerbedrijf", record, reason: "empty", expected: "a leerbedrijf-ID")
            }
            guard let crebo = try f.crebo("crebo", record) else {
                throw f.problem("crebo", record, reason: "empty", expected: "a crebo")
            }
            guard let begin = try f.date("begin", record) else {
                throw f.problem("begin", record, reason: "empty", expected: "the POK's begin date")
            }
            guard let end = try f.date("end", record) else {
                throw f.problem("end", record, reason: "empty", expected: "the POK's end date")
            }
            if end < begin {
                throw f.problem("end", record, reason: "the POK ends before it begins",
                                expected: "an end date on or after the begin \(begin)")
            }
            let minutes = try f.minutes("hours", record)
            if let minutes, minutes < 0 {
                throw f.problem("hours", record, reason: "negative hours", expected: "0 or more")
            }
            return .value(POK(studentNumber: student, leerbedrijfID: leerbedrijf.text, crebo: crebo, begin: begin,
                              end: end, minutes: minutes, leerweg: try f.leerweg("leerweg", record),
                              location: f.location(record)))
        } catch {
            return .reject(f.reject(error, record), pair: nil)
        }
    }
}
