import BPVModel
import BPVReconcile
import Foundation

/// `pok-status.csv`: every POK with its hours and status on the reference date, for the bpv-bureau's spreadsheet.
/// Minutes are whole numbers (`counted_minutes`), hours beside them as `312h30` for people.
struct POKStatusCSV: Artifact {
    let fileName = "pok-status.csv"
    let purpose = "every POK's hours on the run's date: required, counted, not counted, expected by now, projected "
        + "end, weeks without hours and status (on_track, behind, at_risk, done, ended_short, no_norm)"

    static let header = ["student", "name", "leerbedrijf", "crebo", "begin", "end", "status", "required_minutes",
                         "counted_minutes", "expected_minutes", "not_counted_minutes", "required", "counted", "expected",
                         "projected_date", "weeks_without_hours", "first_assessment_due", "not_counted_by_reason"]

    var result: ReconcileResult

    func render() throws -> Data {
        var table = CSVTable(header: Self.header)
        for p in result.progress {
            let notCounted = p.notCounted.values.reduce(0, +)
            table.append([p.pok.studentNumber, p.student.map { [$0.roepnaam, $0.achternaam].compactMap { $0 }.joined(separator: " ") } ?? "",
                          p.pok.leerbedrijfID, p.pok.crebo, p.pok.begin.iso, p.pok.end.iso, p.status.rawValue,
                          p.requiredMinutes.map(String.init) ?? "", String(p.countedMinutes),
                          p.expectedMinutes.map(String.init) ?? "", String(notCounted),
                          p.requiredMinutes.map(Minutes.text) ?? "", Minutes.text(p.countedMinutes),
                          p.expectedMinutes.map(Minutes.text) ?? "", p.projectedDate?.iso ?? "",
                          String(p.weeksWithoutHours), p.firstAssessmentDue.iso,
                          p.notCounted.keys.sorted().map { "\($0.rawValue)=\(p.notCounted[$0]!)" }.joined(separator: " ")])
        }
        return table.data()
    }
}

/// `hours.csv`: every active hour entry that does not count, with its verdict (primary code, every reason), the
/// POK it belongs to and its source file and line. The counted ones are not listed (a large school's night would
/// write gigabytes): `bpv explain STUDENT` shows every entry of a student.
struct HourVerdictsCSV: Artifact {
    let fileName = "hours.csv"
    let purpose = "every active hour entry that does not count, with its reason code (and every reason that "
        + "applies), the POK it belongs to, and its file and line (every entry of a student: bpv explain)"

    static let header = ["entry", "student", "employer", "date", "start", "end", "minutes", "category", "pok",
                         "verdict", "counted_minutes", "reasons", "explanation", "file", "line"]

    var result: ReconcileResult

    func render() throws -> Data {
        var table = CSVTable(header: Self.header)
        for v in result.verdicts where !v.counts {
            let e = v.entry.entry
            table.append([String(v.entry.id), e.studentNumber ?? "", e.employerID, e.date.iso,
                          e.start.map { "\($0)" } ?? "", e.end.map { "\($0)" } ?? "", String(e.minutes),
                          e.category.rawValue, v.pokKey ?? "", v.primary.rawValue, String(v.countedMinutes),
                          v.reasons.map(\.code.rawValue).joined(separator: " "),
                          v.reasons.map(\.explanation).joined(separator: "; "), e.source.file, String(e.source.line)])
        }
        return table.data()
    }
}

/// `reconciliation.json`: the same for machines, versioned (see the README's "reconciliation.json").
struct ReconciliationJSON: Artifact {
    let fileName = "reconciliation.json"
    let purpose = "the reconciliation for machines (format 1): every POK's progress, and every entry that does "
        + "not count with its verdict"

    var result: ReconcileResult

    struct File: Encodable {
        var format = 1
        var referenceDate: String
        var poks: [POKEntry]
        var entries: [Entry]
        var findings: Int
    }
    struct POKEntry: Encodable {
        var key: String, student: String, leerbedrijf: String, crebo: String, begin: String, end: String
        var status: String
        var requiredMinutes: Int?, countedMinutes: Int, expectedMinutes: Int?
        var notCountedMinutes: [String: Int]
        var projectedDate: String?, weeksWithoutHours: Int, firstAssessmentDue: String
    }
    struct Entry: Encodable {
        var id: Int64, student: String?, date: String, minutes: Int, pok: String?, verdict: String
        var countedMinutes: Int, reasons: [String], file: String, line: Int
    }

    static func file(_ result: ReconcileResult) -> File {
        File(referenceDate: result.referenceDate.iso, poks: result.progress.map { p in
            POKEntry(key: p.pok.key, student: p.pok.studentNumber, leerbedrijf: p.pok.leerbedrijfID, crebo: p.pok.crebo,
                     begin: p.pok.begin.iso, end: p.pok.end.iso, status: p.status.rawValue,
                     requiredMinutes: p.requiredMinutes, countedMinutes: p.countedMinutes,
                     expectedMinutes: p.expectedMinutes,
                     notCountedMinutes: Dictionary(uniqueKeysWithValues: p.notCounted.map { ($0.key.rawValue, $0.value) }),
                     projectedDate: p.projectedDate?.iso, weeksWithoutHours: p.weeksWithoutHours,
                     firstAssessmentDue: p.firstAssessmentDue.iso)
        }, entries: result.verdicts.map { v in
            Entry(id: v.entry.id, student: v.entry.entry.studentNumber, date: v.entry.entry.date.iso,
                  minutes: v.entry.entry.minutes, pok: v.pokKey, verdict: v.primary.rawValue,
                  countedMinutes: v.countedMinutes, reasons: v.reasons.map(\.code.rawValue),
                  file: v.entry.entry.source.file, line: v.entry.entry.source.line)
        }, findings: result.findings.count)
    }

    func render() throws -> Data {
        var file = Self.file(result)
        file.entries = file.entries.filter { $0.verdict != VerdictCode.counted.rawValue }
        return try JSONOutput.encoder().encode(file)
    }
}

/// The POK list of `bpv poks`: the layouts of `pok-status.csv` and `reconciliation.json`.
public enum POKOutput {
    public static func csv(_ result: ReconcileResult) -> String {
        (try? String(decoding: POKStatusCSV(result: result).render().dropFirst(CSVTable.byteOrderMark.count), as: UTF8.self)) ?? ""
    }

    public static func json(_ result: ReconcileResult) -> String {
        var file = ReconciliationJSON.file(result)
        file.entries = []
        return (try? String(decoding: JSONOutput.encoder().encode(file), as: UTF8.self)) ?? "{}"
    }
}
