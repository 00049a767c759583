import BPVModel
import BPVReport
import Foundation

extension NightlyRun {
    /// Writes the run's report to `<output>/reports/<run>/` (`index.html`, `overzicht/`, `studenten/`,
    /// `terugkoppeling/`, `poks.csv`, and the run record's machine files beside it), keeps `report-data.json` there
    /// to render it again (`bpv report --run`), and renews the index of the last runs (`<output>/reports/index.html`).
    /// The run folder itself stays the run record. Returns the morning report's path.
    func writeReport(of summary: Summary, at clock: Date) throws -> String {
        let run = (summary.runFolder as NSString).lastPathComponent
        let data = try ReportSnapshot.make(run: run, summary: summary, referenceDate: calendarDate(clock), store: store,
                                           configuration: configuration)
        let reports = ReportWriter.reportsFolder(output: configuration.output)
        let folder = (reports as NSString).appendingPathComponent(run)
        let writer = ReportWriter(templates: configuration.reportTemplates)
        try writer.write(data, to: folder, history: RunHistory.read(runsFolder: reports), keepData: true)
        try ReportWriter.copyMachineFiles(from: summary.runFolder, to: folder)
        try writer.writeRunsIndex(runsFolder: reports)
        return (folder as NSString).appendingPathComponent("index.html")
    }
}

/// `bpv report`: renders a stored run's report again, from the `report-data.json` its report folder keeps.
public enum ReportRerender {
    /// Renders run `run` (its name: the run folder's, `2026-11-30T031500`; `nil`: the newest run with report data)
    /// into `out`. Returns the run's name and the morning report's path.
    public static func render(configuration: BPVConfiguration, run: String?, out: String) throws -> (run: String, index: String) {
        let reports = ReportWriter.reportsFolder(output: configuration.output)
        let manager = FileManager.default
        let name: String
        if let run {
            name = run
        } else {
            let kept = ((try? manager.contentsOfDirectory(atPath: reports)) ?? []).sorted().filter {
                manager.fileExists(atPath: "\(reports)/\($0)/\(ReportWriter.dataFileName)")
            }
            guard let newest = kept.last else {
                throw ReportError("\(reports): no run with report data (\(ReportWriter.dataFileName)) yet; run bpv run first")
            }
            name = newest
        }
        let dataPath = "\(reports)/\(name)/\(ReportWriter.dataFileName)"
        guard !name.contains("/"), let bytes = manager.contents(atPath: dataPath) else {
            throw ReportError("\(dataPath): no such run with report data; `ls \(reports)` lists the runs")
        }
        let data = try ReportData.decode(bytes)
        try ReportWriter(templates: configuration.reportTemplates)
            .write(data, to: out, history: RunHistory.read(runsFolder: reports), keepData: false)
        let runFolder = (configuration.output as NSString).appendingPathComponent("runs/\(name)")
        try ReportWriter.copyMachineFiles(from: runFolder, to: out)
        return (name, (out as NSString).appendingPathComponent("index.html"))
    }
}
