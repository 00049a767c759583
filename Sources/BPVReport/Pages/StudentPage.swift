import BPVModel

/// A student's page (`studenten/<studentnummer>.html`), for the bpv-docent before a visit: the student, every POK
/// with its progress, result and evidence checklist, the hours per week against the norm, the working-time and
/// other findings, the hours of every week, and every hour entry that does not count with its verdict, reasons and
/// source file:line.
enum StudentPage {
    static func view(_ data: ReportData, student: String, info: ReportData.StudentLine?, poks: [ReportData.POKLine],
                     entries: [ReportData.EntryLine], weeks: [ReportData.WeekLine], findings: [ReportData.FindingLine], names: Names) -> [String: Any] {
        var view = Page.common(data, title: "Student \(names.student(student))", root: "../")
        view["student"] = names.student(student)
        view["opleiding"] = Page.section(info?.opleiding)
        view["crebo"] = Page.section(info?.crebo)
        view["poks"] = poks.map { p -> [String: Any] in
            var row = MorningPage.pokRow(p, names: names, data: data, chart: true, root: "../")
            row["weekChart"] = Charts.weeklyHours(weeks: weeks.filter { $0.pok == p.key }, normMinutes: p.weeklyNormMinutes,
                                                  title: "Uren per week bij \(names.leerbedrijf(p.leerbedrijf))")
            row["firstAssessmentDue"] = Dutch.date(p.firstAssessmentDue)
            if let r = names.result(p.key) {
                row["hasResult"] = true
                row["final"] = r.isFinal
                row["reasons"] = r.reasons.map { ["text": $0.text, "code": $0.code] }
                row["checklist"] = r.checklist.map {
                    ["label": $0.label, "state": Dutch.checklistState($0.state), "stateClass": $0.state.rawValue,
                     "detail": $0.detail]
                }
            }
            return row
        }
        let other = weeks.filter { $0.pok == nil }
        view["hasOtherEntries"] = !other.isEmpty
        view["otherChart"] = other.isEmpty ? "" : Charts.weeklyHours(weeks: other, normMinutes: nil,
                                                                      title: "Uren zonder POK")
        view["weeks"] = weeks.sorted { ($0.monday, $0.pok ?? "") < ($1.monday, $1.pok ?? "") }.map { w -> [String: Any] in
            ["week": "\(w.monday.year)-W\(Charts.isoWeek(w.monday) < 10 ? "0" : "")\(Charts.isoWeek(w.monday))",
             "monday": Dutch.date(w.monday), "entries": w.entries, "counted": Dutch.hours(w.countedMinutes),
             "notCounted": Dutch.hours(w.notCountedMinutes),
             "leerbedrijf": w.pok.map { names.leerbedrijf(String($0.split(separator: "/")[1])) } ?? "geen POK"]
        }
        view["findings"] = findings.map { f in
            ["severity": Dutch.severity(f.severity), "severityClass": f.severity.rawValue, "kind": Dutch.kind(ofRule: f.rule),
             "date": Dutch.date(f.date), "subject": f.subject, "evidence": f.evidence, "explanation": f.explanation]
        }
        view["hasFindings"] = !findings.isEmpty
        view["entries"] = entries.map { e -> [String: Any] in
            ["date": Dutch.date(e.date), "time": [e.start, e.end].compactMap { $0 }.joined(separator: "–"),
             "hours": Dutch.hours(e.minutes), "category": e.category, "employer": names.employer(e.employer),
             "verdict": Dutch.verdict(e.verdict), "verdictClass": e.verdict == "counted" ? "counted" : "not-counted",
             "reasons": e.reasons.joined(separator: "; "),
             "source": "\(MorningPage.baseName(e.file)):\(e.line)", "path": e.file]
        }
        view["entryCount"] = entries.count
        view["hasEntries"] = !entries.isEmpty
        view["studentNumber"] = student
        return view
    }

    /// A studentnummer as a file name: its letters and digits.
    static func fileStem(_ number: String) -> String { FeedbackPage.fileStem(number) }
}
