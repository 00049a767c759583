import BPVModel
import Foundation

/// One file of a report: its path inside the report's folder (`studenten/2250114.html`) and its bytes.
public struct ReportFile: Sendable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// Renders the reports of one run from its ``ReportData`` with the ``ReportTemplates``:
///
/// - `index.html`: the morning report;
/// - `overzicht/<crebo>.html`: the POK overview of each crebo;
/// - `studenten/<studentnummer>.html`: each student's page;
/// - `terugkoppeling/<employer>.html`: the feedback to each employer with rejects or unknown employees.
///
/// Every page is one self-contained HTML file (inline CSS and SVG, no external request). The CSV files beside
/// them are BPVKit's (the one CSV writer lives there). Writing is not the renderer's business.
public struct ReportRenderer: Sendable {
    public let templates: ReportTemplates

    public init(templates: ReportTemplates) {
        self.templates = templates
    }

    /// Every page of `data`'s report. `history`: the last runs, for the rejects chart.
    public func render(_ data: ReportData, history: RunHistory) throws -> [ReportFile] {
        let names = Names(data)
        var files = [try page("morning", MorningPage.view(data, history: history, names: names), at: "index.html")]
        var poksOfCrebo: [String: [ReportData.POKLine]] = [:]
        var poksOfStudent: [String: [ReportData.POKLine]] = [:]
        for p in data.poks {
            poksOfCrebo[p.crebo, default: []].append(p)
            poksOfStudent[p.student, default: []].append(p)
        }
        for crebo in poksOfCrebo.keys.sorted() {
            files.append(try page("overview", OverviewPage.view(data, crebo: crebo, poks: poksOfCrebo[crebo]!, names: names),
                                  at: "overzicht/\(OverviewPage.fileStem(crebo)).html"))
        }
        var entriesOfStudent: [String: [ReportData.EntryLine]] = [:]
        for e in data.entries { if let s = e.student { entriesOfStudent[s, default: []].append(e) } }
        var weeksOfStudent: [String: [ReportData.WeekLine]] = [:]
        for w in data.weeks { weeksOfStudent[w.student, default: []].append(w) }
        var findingsOfStudent: [String: [ReportData.FindingLine]] = [:]
        for f in data.findings { if let s = f.student { findingsOfStudent[s, default: []].append(f) } }
        let info = Dictionary(data.students.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        let students = Set(poksOfStudent.keys).union(entriesOfStudent.keys).union(weeksOfStudent.keys).sorted()
        // The students' pages are most of the work: rendered on every core, each into its own slot.
        let pages = Slots(count: students.count)
        let templates = self.templates
        let poksByStudent = poksOfStudent, entriesByStudent = entriesOfStudent
        let weeksByStudent = weeksOfStudent, findingsByStudent = findingsOfStudent
        DispatchQueue.concurrentPerform(iterations: students.count) { i in
            let student = students[i]
            let entries: [ReportData.EntryLine] = (entriesByStudent[student] ?? []).sorted {
                ($0.date, $0.start ?? "") < ($1.date, $1.start ?? "")
            }
            let view = StudentPage.view(data, student: student, info: info[student], poks: poksByStudent[student] ?? [],
                                        entries: entries, weeks: weeksByStudent[student] ?? [],
                                        findings: findingsByStudent[student] ?? [], names: names)
            pages.set(i, Result { ReportFile(path: "studenten/\(StudentPage.fileStem(student)).html",
                                             data: Data(try templates.render("student", view).utf8)) })
        }
        files += try pages.values.map { try $0!.get() }
        for employer in FeedbackPage.employers(data) {
            files.append(try page("feedback", FeedbackPage.view(data, employer: employer.id, names: names),
                                  at: "terugkoppeling/\(FeedbackPage.fileStem(employer.id)).html"))
        }
        return files
    }

    /// The index page of the last runs (`runs/index.html`), newest first, each linking to its morning report at
    /// `<run>/index.html`.
    public func renderRunsIndex(_ history: RunHistory) throws -> ReportFile {
        let runs: [[String: Any]] = history.runs.reversed().map { r in
            ["run": r.run, "date": CalendarDate(iso: r.referenceDate).map(Dutch.date) ?? r.referenceDate,
             "link": "\(r.run)/index.html", "exitStatus": r.exitStatus, "files": r.files, "rejects": r.rejects,
             "errors": r.findingErrors, "warnings": r.findingWarnings, "attention": r.poksNeedingAction]
        }
        let view: [String: Any] = ["title": "Runs van bpv", "root": "", "runs": runs, "hasRuns": !runs.isEmpty,
                                   "format": ReportData.currentFormat]
        return try page("runs", view, at: "index.html")
    }

    /// The employers that get feedback in `data`'s run (rejects or unknown employees), each with the file name
    /// (without extension) of its pages under `terugkoppeling/`.
    public static func feedbackEmployers(_ data: ReportData) -> [(employer: String, fileStem: String)] {
        FeedbackPage.employers(data).map { ($0.id, FeedbackPage.fileStem($0.id)) }
    }

    /// Results written from several threads, each into its own slot.
    private final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [Result<ReportFile, any Error>?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Result<ReportFile, any Error>) { lock.withLock { values[index] = value } }
    }

    private func page(_ template: String, _ view: [String: Any], at path: String) throws -> ReportFile {
        ReportFile(path: path, data: Data(try templates.render(template, view).utf8))
    }
}
