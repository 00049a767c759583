import BPVModel

/// The morning report (`index.html`): first what must be done today, then what was imported, the findings by kind
/// and severity, the POKs that need action, the erkenningen that end, what changed and what was exported.
enum MorningPage {
    /// A POK that needs action, and why (in words).
    struct Action {
        var pok: ReportData.POKLine
        var reasons: [String]
    }

    /// How many days ahead a tussenbeoordeling counts as due.
    static let assessmentWindowDays = 14
    /// At most this many POKs are listed on the morning report; the overview pages list them all.
    static let actionLimit = 300

    /// The POKs that need action on the reference date: behind, at risk, a tussenbeoordeling due within
    /// ``assessmentWindowDays``, or running without counted hours for ``ReportData/weeksWithoutHoursLimit`` weeks
    /// or more. Most urgent first.
    static func needingAction(_ data: ReportData) -> [Action] {
        let today = data.referenceDate
        var actions: [Action] = []
        for p in data.poks {
            var reasons: [String] = []
            if p.status == "at_risk" { reasons.append("in gevaar: de uren worden in dit tempo niet voor het einde gehaald") }
            if p.status == "behind" { reasons.append("achter op de verwachte uren") }
            let running = p.begin <= today && today <= p.end
            if running && p.weeksWithoutHours >= data.weeksWithoutHoursLimit {
                reasons.append("\(p.weeksWithoutHours) weken zonder getelde uren")
            }
            let daysToAssessment = p.firstAssessmentDue.dayNumber - today.dayNumber
            if running && daysToAssessment >= 0 && daysToAssessment <= assessmentWindowDays {
                reasons.append("tussenbeoordeling uiterlijk \(Dutch.date(p.firstAssessmentDue))")
            }
            if !reasons.isEmpty { actions.append(Action(pok: p, reasons: reasons)) }
        }
        return actions.sorted {
            (Dutch.statusRank($0.pok.status), $0.pok.key) < (Dutch.statusRank($1.pok.status), $1.pok.key)
        }
    }

    static func view(_ data: ReportData, history: RunHistory, names: Names) -> [String: Any] {
        let actions = needingAction(data)
        let failed = data.files.filter { $0.outcome == "failed" }
        let withRejects = data.files.filter { $0.rejected > 0 }
        let errors = data.findings.filter { $0.severity == .error }
        let feedback = FeedbackPage.employers(data)
        var todo: [[String: Any]] = []
        func add(_ count: Int, _ one: String, _ more: String, _ anchor: String) {
            if count > 0 { todo.append(["count": count, "text": count == 1 ? one : more, "anchor": anchor]) }
        }
        add(failed.count, "bestand kon niet worden ingelezen", "bestanden konden niet worden ingelezen", "inlezen")
        add(withRejects.count, "bestand met afgekeurde regels: terugkoppelen aan de werkgever",
            "bestanden met afgekeurde regels: terugkoppelen aan de werkgevers", "inlezen")
        add(data.unresolved.count, "onbekende medewerker: koppel aan een student (bpv alias add)",
            "onbekende medewerkers: koppel ze aan een student (bpv alias add)", "onbekend")
        add(errors.count, "bevinding met ernst 'fout'", "bevindingen met ernst 'fout'", "bevindingen")
        add(actions.count, "POK vraagt aandacht", "POK's vragen aandacht", "aandacht")
        add(data.erkenningen.count, "erkenning loopt af of is vervallen", "erkenningen lopen af of zijn vervallen",
            "erkenningen")

        let files: [[String: Any]] = data.files.map { f in
            ["name": baseName(f.file), "path": f.file, "employer": f.employer.map { names.employer($0) } ?? "–",
             "outcome": Dutch.outcome(f.outcome), "outcomeClass": f.outcome, "read": f.recordsRead,
             "stored": f.stored, "rejected": f.rejected,
             "message": Page.section(f.outcome == "failed" ? f.message : nil)]
        }
        let perEmployer: [[String: Any]] = feedback.map { e in
            ["employer": names.employer(e.id), "rejects": e.rejects, "unresolved": e.unresolved,
             "link": "terugkoppeling/\(FeedbackPage.fileStem(e.id)).html",
             "csv": "terugkoppeling/\(FeedbackPage.fileStem(e.id)).csv"]
        }
        var kinds: [String: [Finding.Severity: Int]] = [:]
        for f in data.findings { kinds[Dutch.kind(ofRule: f.rule), default: [:]][f.severity, default: 0] += 1 }
        let findingKinds: [[String: Any]] = kinds.keys.sorted().map { k in
            ["kind": k, "error": kinds[k]![.error] ?? 0, "warning": kinds[k]![.warning] ?? 0, "info": kinds[k]![.info] ?? 0]
        }
        var perRule: [String: (severity: Finding.Severity, count: Int)] = [:]
        for f in data.findings {
            perRule[f.rule, default: (f.severity, 0)].count += 1
            perRule[f.rule]!.severity = max(perRule[f.rule]!.severity, f.severity)
        }
        let findingRules: [[String: Any]] = perRule.keys.sorted {
            (perRule[$1]!.severity, perRule[$0]!.count, $0) < (perRule[$0]!.severity, perRule[$1]!.count, $1)
        }.map { rule in
            ["rule": rule, "kind": Dutch.kind(ofRule: rule), "severity": Dutch.severity(perRule[rule]!.severity),
             "severityClass": perRule[rule]!.severity.rawValue, "count": perRule[rule]!.count]
        }
        // In detail on the first page: the errors only; the rest is counted per rule (every one in findings.csv
        // and on the students' pages).
        let important = data.findings.filter { $0.severity == .error }
        let findings: [[String: Any]] = important.prefix(100).map { f in
            ["severity": Dutch.severity(f.severity), "severityClass": f.severity.rawValue,
             "kind": Dutch.kind(ofRule: f.rule), "rule": f.rule, "subject": f.subject,
             "explanation": f.explanation, "student": f.student ?? "",
             "studentLink": Page.section(f.student.map { "studenten/\(StudentPage.fileStem($0)).html" })]
        }
        let actionRows: [[String: Any]] = actions.prefix(actionLimit).map { a in
            pokRow(a.pok, names: names, data: data, extra: ["reasons": a.reasons.joined(separator: "; ")], chart: true)
        }
        let erkenningen: [[String: Any]] = data.erkenningen.map { e in
            ["leerbedrijf": e.leerbedrijfName.map { "\($0) (\(e.leerbedrijf))" } ?? e.leerbedrijf, "crebo": e.crebo,
             "status": Dutch.erkenning(e.status), "statusClass": e.status,
             "student": e.student.map { names.student($0) } ?? "",
             "studentLink": Page.section(e.student.map { "studenten/\(StudentPage.fileStem($0)).html" }),
             "when": e.coverageEnds.map { "eindigt \(Dutch.date($0))" + (e.daysLeft.map { " (over \($0) dagen)" } ?? "") }
                ?? e.notCoveredSince.map { "niet erkend sinds \(Dutch.date($0))" } ?? ""]
        }
        var view = Page.common(data, title: "Ochtendrapport \(Dutch.date(data.referenceDate))", root: "")
        view["todo"] = todo
        view["nothingToDo"] = todo.isEmpty
        view["files"] = files
        view["hasFiles"] = !files.isEmpty
        view["filesTotal"] = data.files.count
        view["recordsTotal"] = data.files.reduce(0) { $0 + $1.recordsRead }
        view["rejectsTotal"] = data.files.reduce(0) { $0 + $1.rejected }
        view["perEmployer"] = perEmployer
        view["hasPerEmployer"] = !perEmployer.isEmpty
        view["rejectsChart"] = Page.section(Charts.rejectsHistory(history.runs, employers: data.employers))
        view["unresolved"] = data.unresolved.map { ["employer": names.employer($0.employer), "identity": $0.identity, "entries": $0.entries] as [String: Any] }
        view["hasUnresolved"] = !data.unresolved.isEmpty
        view["findingKinds"] = findingKinds
        view["hasFindings"] = !data.findings.isEmpty
        view["findings"] = findings
        view["findingsMore"] = Page.section(important.count - 100)
        view["findingRules"] = findingRules
        view["hasErrors"] = !important.isEmpty
        view["actions"] = actionRows
        view["hasActions"] = !actionRows.isEmpty
        view["actionsMore"] = Page.section(actions.count - actionLimit)
        view["erkenningen"] = erkenningen
        view["hasErkenningen"] = !erkenningen.isEmpty
        view["hasChanges"] = data.changes != nil
        if let c = data.changes {
            view["changes"] = [
                "previous": c.previousDate.map(Dutch.date) ?? "", "hasPrevious": c.previousDate != nil,
                "newEntries": c.newEntries, "goneEntries": c.goneEntries, "changedVerdicts": c.changedVerdicts,
                "statuses": c.statuses.prefix(200).map { s in
                    ["pok": s.pok, "before": Dutch.status(s.before), "after": Dutch.status(s.after),
                     "countedBefore": Dutch.hours(s.countedBefore), "countedAfter": Dutch.hours(s.countedAfter)]
                },
                "hasStatuses": !c.statuses.isEmpty,
            ] as [String: Any]
        }
        view["exports"] = data.exports.map { ["file": $0.file, "rows": $0.rows] as [String: Any] }
        view["hasExports"] = !data.exports.isEmpty
        view["crebos"] = OverviewPage.crebos(data, names: names)
        return view
    }

    /// A POK as a table row: student (linked), leerbedrijf, crebo, status, hours, projection, result.
    static func pokRow(_ p: ReportData.POKLine, names: Names, data: ReportData, extra: [String: Any] = [:],
                       chart: Bool, root: String = "") -> [String: Any] {
        var row: [String: Any] = [
            "student": names.student(p.student), "studentNumber": p.student,
            "studentLink": "\(root)studenten/\(StudentPage.fileStem(p.student)).html",
            "leerbedrijf": names.leerbedrijf(p.leerbedrijf), "crebo": p.crebo,
            "status": Dutch.status(p.status), "statusClass": p.status, "statusRank": Dutch.statusRank(p.status),
            "counted": Dutch.hours(p.countedMinutes), "countedMinutes": p.countedMinutes,
            "required": p.requiredMinutes.map(Dutch.hours) ?? "–", "requiredMinutes": p.requiredMinutes ?? 0,
            "expected": p.expectedMinutes.map(Dutch.hours) ?? "–",
            "projected": p.projectedDate.map(Dutch.date) ?? "–", "projectedSort": p.projectedDate?.iso ?? "9999",
            "begin": Dutch.date(p.begin), "end": Dutch.date(p.end), "weeksWithoutHours": p.weeksWithoutHours,
        ]
        if let r = names.result(p.key) {
            row["result"] = Dutch.outcome(r.outcome) + (r.isFinal ? "" : " (voorlopig)")
            row["resultClass"] = r.outcome.rawValue
        } else {
            row["result"] = "–"
            row["resultClass"] = "none"
        }
        if chart { row["chart"] = Charts.progress(p) }
        for (k, v) in extra { row[k] = v }
        return row
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
