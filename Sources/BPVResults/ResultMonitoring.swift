import BPVModel
import BPVReconcile

extension RuleID {
    /// No tussenbeoordeling within the programme's weeks of the start, or none in its months.
    public static let resultTussenbeoordelingOverdue: RuleID = "result.tussenbeoordeling_overdue"
    /// No bpv-bezoek by the bpv-docent in the programme's months.
    public static let resultNoVisit: RuleID = "result.no_visit"
    /// Evidence still missing the programme's weeks before the POK's end date.
    public static let resultEvidenceMissingSoon: RuleID = "result.evidence_missing_soon"
    /// A result that changed after it was exported.
    public static let resultChangedAfterExport: RuleID = "result.changed_after_export"
}

/// The monitoring findings while a POK runs, from its programme's `monitoring:` settings: the tussenbeoordeling
/// overdue (none within N weeks of the start, or none in the last N months), no visit by the bpv-docent in the last
/// N months, evidence still missing N weeks before the end date. A POK that has ended gets none.
public enum ResultMonitoring {
    public static func findings(pok: POK, result: POKResult, programme: Programme?, evidence: POKEvidence,
                                on date: CalendarDate) -> [Finding] {
        guard let monitoring = programme?.evidence?.monitoring, date <= pok.lastDay, date >= pok.begin else { return [] }
        var findings: [Finding] = []
        func finding(_ rule: RuleID, _ evidenceText: String, _ explanation: String) {
            findings.append(Finding(rule: rule, severity: .warning, date: date, studentNumber: pok.studentNumber,
                                    leerbedrijfID: pok.leerbedrijfID, crebo: pok.crebo, subject: pok.subject,
                                    evidence: evidenceText, explanation: explanation))
        }
        let tussen = evidence.assessments.filter { $0.stage == .tussen }.map(\.date).filter { $0 <= date }.sorted()
        if let weeks = monitoring.firstTussenbeoordelingWeeks {
            let due = pok.begin.adding(days: 7 * weeks)
            if date > due, !(tussen.first.map { $0 <= due } ?? false) {
                finding(.resultTussenbeoordelingOverdue,
                        tussen.first.map { "first tussenbeoordeling on \($0.iso), due by \(due.iso)" }
                            ?? "no tussenbeoordeling; due by \(due.iso) (\(weeks) weeks after the start \(pok.begin.iso))",
                        "A first tussenbeoordeling is due within \(weeks) weeks of the start (\(programme!.name)).")
            }
        }
        if let months = monitoring.tussenbeoordelingEveryMonths, let last = tussen.last,
           date > addingMonths(months, to: last) {
            finding(.resultTussenbeoordelingOverdue,
                    "last tussenbeoordeling on \(last.iso), more than \(months) months ago",
                    "A tussenbeoordeling is due at least every \(months) months (\(programme!.name)).")
        }
        if let months = monitoring.visitEveryMonths {
            let visits = evidence.gesprekken.filter { $0.kind == "bpv-bezoek" && $0.participants.contains(.bpvDocent) && $0.date <= date }
                .map(\.date).sorted()
            let since = visits.last ?? pok.begin
            if date > addingMonths(months, to: since) {
                finding(.resultNoVisit,
                        visits.last.map { "last bpv-bezoek by the bpv-docent on \($0.iso), more than \(months) months ago" }
                            ?? "no bpv-bezoek by the bpv-docent since the start \(pok.begin.iso)",
                        "The bpv-docent visits the student at the leerbedrijf at least every \(months) months (\(programme!.name)).")
            }
        }
        if let weeks = monitoring.evidenceWarningWeeks, date >= pok.lastDay.adding(days: -7 * weeks) {
            let open = result.checklist.filter { $0.state != .met && $0.requirement != "hours" }
            if !open.isEmpty {
                finding(.resultEvidenceMissingSoon,
                        "last day \(pok.lastDay.iso); not in order: " + open.map { "\($0.label) (\($0.detail))" }.joined(separator: "; "),
                        "All evidence must be in and approved by the POK's last day (\(programme!.name)).")
            }
        }
        return findings
    }

    /// `date` plus `months` calendar months (the day clamped to the month's length).
    static func addingMonths(_ months: Int, to date: CalendarDate) -> CalendarDate {
        let total = date.year * 12 + (date.month - 1) + months
        let year = total / 12, month = total % 12 + 1
        var day = date.day
        while CalendarDate(year: year, month: month, day: day) == nil { day -= 1 }
        return CalendarDate(year: year, month: month, day: day)!
    }
}
