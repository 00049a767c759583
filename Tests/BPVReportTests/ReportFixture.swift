@testable import BPVReport
import BPVModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// A small hand-made run to report on (every name invented), with hostile names where people's and employers'
/// texts go.
enum ReportFixture {
    static let today = CalendarDate(year: 2026, month: 11, day: 30)!
    static let hostileStudent = "<script>alert(1)</script>"
    static let hostileEmployer = "\"><img src=x onerror=alert(1)>"

    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    static func pok(_ student: String, status: String, counted: Int = 300 * 60, weeksWithoutHours: Int = 0,
                    begin: String = "2025-09-01", end: String = "2027-07-09", crebo: String = "25604",
                    firstAssessmentDue: CalendarDate? = nil) -> ReportData.POKLine {
        ReportData.POKLine(key: "\(student)/101145779/\(crebo)/\(begin)", student: student, leerbedrijf: "101145779",
                           crebo: crebo, begin: date(begin), end: date(end), status: status,
                           requiredMinutes: 1200 * 60, countedMinutes: counted, expectedMinutes: 400 * 60,
                           notCountedMinutes: 90, projectedDate: date("2027-03-01"),
                           weeksWithoutHours: weeksWithoutHours,
                           firstAssessmentDue: firstAssessmentDue ?? date("2025-10-27"))
    }

    static func entry(_ student: String, _ day: String, minutes: Int = 480, verdict: String = "counted",
                      line: Int = 2, employer: String = "podiumbouw-oost") -> ReportData.EntryLine {
        ReportData.EntryLine(student: student, employer: employer, identity: "P\(student)", date: date(day),
                             start: "08:00", end: "16:30", minutes: minutes, category: "work",
                             pok: "\(student)/101145779/25604/2025-09-01", verdict: verdict,
                             countedMinutes: verdict == "counted" ? minutes : 0,
                             reasons: verdict == "counted" ? [] : ["not approved by the praktijkopleider"],
                             file: "/srv/bpv/inbox/hours/podiumbouw-oost/export.csv", line: line)
    }

    static func data() -> ReportData {
        var data = ReportData(run: "2026-11-30T031500", referenceDate: today, exitStatus: 3)
        data.employers = ["podiumbouw-oost": "Podiumbouw Oost B.V.", "evil": hostileEmployer]
        data.files = [
            .init(file: "/srv/bpv/inbox/hours/podiumbouw-oost/export.csv", employer: "podiumbouw-oost",
                  mapping: "shiftbase", outcome: "imported_with_rejects", recordsRead: 40, stored: 38, rejected: 2),
            .init(file: "/srv/bpv/inbox/hours/evil/empty.csv", employer: "evil", mapping: "kimai", outcome: "failed",
                  message: "empty.csv: the file is empty (0 bytes)", recordsRead: 0, stored: 0, rejected: 0),
            .init(file: "/srv/bpv/inbox/hours/evil/uren.csv", employer: "evil", mapping: "kimai",
                  outcome: "imported_with_rejects", recordsRead: 5, stored: 4, rejected: 1),
        ]
        let at = { (file: String, line: Int) in SourceLocation(file: file, line: line) }
        data.rejects = [
            .init(employer: "podiumbouw-oost", reject: Reject(location: at("/srv/bpv/inbox/hours/podiumbouw-oost/export.csv", 14),
                  column: "Datum", columnNumber: 4, value: "31-02-2026", reason: "not a valid date", expected: "dd-MM-yyyy")),
            .init(employer: "podiumbouw-oost", reject: Reject(location: at("/srv/bpv/inbox/hours/podiumbouw-oost/export.csv", 20),
                  column: "Uren", columnNumber: 6, value: "acht", reason: "not a number", expected: "a decimal like 7,5")),
            .init(employer: "evil", reject: Reject(location: at("/srv/bpv/inbox/hours/evil/uren.csv", 3),
                  column: "Datum", columnNumber: 1, value: "<b>geheim-van-evil</b>", reason: "not a valid date")),
        ]
        data.unresolved = [.init(employer: "podiumbouw-oost", identity: "P9999", entries: 7)]
        data.students = [
            .init(number: "2250114", name: "Sem Ottevanger", opleiding: "Software developer", crebo: "25604"),
            .init(number: "2250387", name: hostileStudent, opleiding: "Software developer", crebo: "25604"),
            .init(number: "2240233", name: "Joël de Vries", opleiding: "Podium- en evenemententechniek", crebo: "25798"),
        ]
        data.poks = [
            pok("2250114", status: "on_track", counted: 420 * 60),
            pok("2250387", status: "at_risk", counted: 100 * 60, weeksWithoutHours: 3),
            pok("2240233", status: "behind", crebo: "25798"),
        ]
        data.entries = [
            entry("2250114", "2026-11-18", minutes: 240, verdict: "not_approved", line: 4),
            entry("2250114", "2026-11-16", minutes: 120, verdict: "duplicate", line: 9),
        ]
        let key = "2250114/101145779/25604/2025-09-01"
        data.weeks = [
            .init(student: "2250114", pok: key, monday: date("2026-11-16"), entries: 5, countedMinutes: 24 * 60,
                  notCountedMinutes: 360),
            .init(student: "2250114", pok: key, monday: date("2026-11-23"), entries: 2, countedMinutes: 16 * 60,
                  notCountedMinutes: 0),
            .init(student: "2250387", pok: "2250387/101145779/25604/2025-09-01", monday: date("2026-11-02"),
                  entries: 1, countedMinutes: 480, notCountedMinutes: 0),
        ]
        var working = Finding(rule: "worktime.week_total", severity: .error, date: date("2026-11-23"),
                              studentNumber: "2250114", subject: "Sem Ottevanger, week 48",
                              evidence: "46:00 h in week 2026-W48", explanation: "more than 45 hours in a week")
        working.leerbedrijfID = "101145779"
        data.findings = [
            working,
            Finding(rule: "worktime.break", severity: .warning, date: date("2026-11-24"), studentNumber: "2250387",
                    subject: "break", evidence: "no break", explanation: "a break of 30 minutes is required"),
            Finding(rule: "erkenning.withdrawn", severity: .warning, date: today, leerbedrijfID: "100234567",
                    subject: "erkenning withdrawn", evidence: "SBB list", explanation: "find another leerbedrijf"),
        ].map(ReportData.FindingLine.init)
        data.erkenningen = [.init(student: "2240233", leerbedrijf: "100234567", leerbedrijfName: "Klankwerk Events",
                                  crebo: "25798", status: "expiring", coverageEnds: date("2026-12-31"), daysLeft: 31,
                                  notCoveredSince: nil)]
        data.changes = .init(previousDate: date("2026-11-29"), newEntries: 12, goneEntries: 1, changedVerdicts: 2,
                             statuses: [.init(pok: "2250387/101145779/25604/2025-09-01", before: "behind",
                                              after: "at_risk", countedBefore: 6000, countedAfter: 6000)])
        return data
    }

    static func result(for pok: ReportData.POKLine) -> POKResult {
        POKResult(pokKey: pok.key, studentNumber: pok.student, leerbedrijfID: pok.leerbedrijf, crebo: pok.crebo,
                  programme: "ict-bbl", outcome: .onvoldoende, isFinal: false,
                  reasons: [.init(code: "evidence_missing", requirement: "starrt", text: "Er ontbreken 2 STARRT-formulieren")],
                  checklist: [.init(requirement: "starrt", label: "Minimaal 5 STARRT-formulieren", state: .unmet,
                                    detail: "3 van 5, laatste 2026-11-02"),
                              .init(requirement: "hours", label: "Uren volgens de POK", state: .met, detail: "1.200 u")],
                  judgedOn: today)
    }

    /// The report's pages by path.
    static func render(_ data: ReportData, history: RunHistory = RunHistory(runs: [])) throws -> [String: String] {
        let files = try ReportRenderer(templates: try ReportTemplates()).render(data, history: history)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
    }
}

/// A page parsed as XML (the templates write well-formed XHTML-compatible HTML), queried with XPath.
struct ParsedPage {
    let document: XMLDocument
    let text: String

    init(_ text: String) throws {
        self.text = text
        document = try XMLDocument(data: Data(text.utf8), options: [])
    }

    /// The text of every node at `xpath`, trimmed.
    func texts(_ xpath: String) throws -> [String] {
        try document.nodes(forXPath: xpath).map { ($0.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    func count(_ xpath: String) throws -> Int { try document.nodes(forXPath: xpath).count }
}
