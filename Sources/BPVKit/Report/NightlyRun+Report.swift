import BPVModel
import BPVReport
import Foundation

extension NightlyRun {
    /// Writes the run's report to `<output>/reports/<run>/` (`index.html`, `overzicht/`, `studenten/`,
    /// `terugkoppeling/`, `poks.csv`, and the run record's machine files beside it), keeps `report-data.json` there
    /// to render it again (`bpv report --run`), and renews the index of the last runs (`<output>/reports/index.html`).
    /// The run folder itself stays the run record. Returns the morning report's path.
    /// A dry run's report goes into its record folder (`<output>/dry-runs/<run>/report/`), is marked as a dry run
    /// on every page, and leaves the index of the last runs alone.
    func writeReport(of summary: Summary, at clock: Date) throws -> String {
        let run = (summary.runFolder as NSString).lastPathComponent
        let exports = summary.exports.compactMap { export in
            export.file.map { ReportData.Export(file: ($0 as NSString).lastPathComponent, rows: export.rows) }
        }
        var data = try ReportSnapshot.make(run: run, summary: summary, referenceDate: calendarDate(clock), store: store,
                                           configuration: configuration, results: summary.results?.results ?? [],
                                           exports: exports)
        data.dryRun = summary.dryRun ? true : nil
        let reports = ReportWriter.reportsFolder(output: configuration.output)
        let folder = summary.dryRun ? (summary.runFolder as NSString).appendingPathComponent("report")
            : (reports as NSString).appendingPathComponent(run)
        // Written whole into a hidden folder beside it, then renamed into place: a run killed while writing its report
        // leaves no half report (the next run removes what such a run left).
        let parent = (folder as NSString).deletingLastPathComponent
        let partial = (parent as NSString).appendingPathComponent("." + (folder as NSString).lastPathComponent + ".partial")
        try ReportWriter.makeFolder(parent)
        try Self.removeUnfinishedReports(in: parent)
        let writer = ReportWriter(templates: configuration.reportTemplates)
        try writer.write(data, to: partial, history: RunHistory.read(runsFolder: reports), keepData: !summary.dryRun)
        try ReportWriter.copyMachineFiles(from: summary.runFolder, to: partial)
        try FaultPoints.reach("report.written")
        guard rename(partial, folder) == 0 else {
            throw ReportError("cannot move the report \(partial) to \(folder): \(String(cString: strerror(errno)))")
        }
        if !summary.dryRun { try writer.writeRunsIndex(runsFolder: reports) }
        return (folder as NSString).appendingPathComponent("index.html")
    }

    /// The hidden `.<run>.partial` folders that runs killed while writing their reports left in `folder`.
    static func removeUnfinishedReports(in folder: String) throws {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasPrefix(".") && name.hasSuffix(".partial") {
            try FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
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
