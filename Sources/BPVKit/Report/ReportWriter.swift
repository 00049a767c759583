import BPVReport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a run's report into a folder: the pages (``ReportRenderer``), `poks.csv`, the feedback CSVs, and what it
/// takes to render the run again (`report-data.json`) and to list it among the last runs (`report-summary.json`).
/// Every file is written whole or not at all with mode 0640 (``OutputFile``), every folder made 0750.
public struct ReportWriter {
    /// The school's own templates (`report: templates:` in bpv.yaml), or `nil` for the shipped ones.
    public var templates: String?

    public init(templates: String? = nil) {
        self.templates = templates
    }

    /// The file that keeps a run's report data in its run folder.
    public static let dataFileName = "report-data.json"

    /// Renders `data` into `folder` (created when missing). `history`: the last runs (the rejects chart). With
    /// `keepData`, `report-data.json` and `report-summary.json` are written too (the nightly run keeps them in the
    /// run folder; a re-render elsewhere does not need them). Returns the paths written, relative to `folder`.
    @discardableResult
    public func write(_ data: ReportData, to folder: String, history: RunHistory, keepData: Bool) throws -> [String] {
        let renderer = ReportRenderer(templates: try ReportTemplates(overrides: templates))
        // The runs before this one and this one: the same history whether the report is written by its run or
        // rendered again later.
        let history = RunHistory(runs: history.runs.filter { $0.run < data.run } + [RunHistory.Run.of(data)])
        var files = try renderer.render(data, history: history)
        files.append(ReportFile(path: "poks.csv", data: try POKOverviewCSV(data: data).render()))
        for (employer, stem) in ReportRenderer.feedbackEmployers(data) {
            let csv = FeedbackCSV(data: data, employer: employer, fileName: "terugkoppeling/\(stem).csv")
            files.append(ReportFile(path: csv.fileName, data: try csv.render()))
        }
        if keepData {
            files.append(ReportFile(path: Self.dataFileName, data: try data.encoded()))
            files.append(ReportFile(path: RunHistory.fileName, data: try RunHistory.Run.of(data).encoded()))
        }
        try Self.makeFolder(folder)
        var made = Set<String>()
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file.path)
            let parent = (path as NSString).deletingLastPathComponent
            if parent != folder && made.insert(parent).inserted { try Self.makeFolder(parent) }
            // The pages and CSVs can be rendered again from report-data.json: only that one is flushed to disk.
            try OutputFile.save(file.data, to: path, durable: file.path == Self.dataFileName)
        }
        return files.map(\.path)
    }

    /// Writes `<runsFolder>/index.html`: the last runs, each linking to its morning report.
    public func writeRunsIndex(runsFolder: String) throws {
        let renderer = ReportRenderer(templates: try ReportTemplates(overrides: templates))
        let index = try renderer.renderRunsIndex(RunHistory.read(runsFolder: runsFolder))
        try OutputFile.save(index.data, to: (runsFolder as NSString).appendingPathComponent(index.path))
    }

    /// `<output>/reports`: a folder per run's report and the index of the last runs.
    public static func reportsFolder(output: String) -> String {
        (output as NSString).appendingPathComponent("reports")
    }

    /// The run record's files that the morning report links to, copied beside the report.
    static let machineFiles = ["rejects.csv", "findings.csv", "run.json", "unresolved.csv", "erkenning.csv",
                               "pok-status.csv", "hours.csv"]

    /// Copies the run record's machine files (those there are) from `runFolder` into `folder`, mode 0640.
    static func copyMachineFiles(from runFolder: String, to folder: String) throws {
        for file in machineFiles {
            guard let content = FileManager.default.contents(atPath: (runFolder as NSString).appendingPathComponent(file))
            else { continue }
            try OutputFile.save(content, to: (folder as NSString).appendingPathComponent(file))
        }
    }

    /// A folder with mode 0750 whatever the umask (an existing one is left as it is).
    static func makeFolder(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard chmod(path, 0o750) == 0 else {
            throw OutputFileError(path: path, step: "cannot set the folder's mode", errno: errno)
        }
    }
}
