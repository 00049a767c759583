import Foundation

/// The run record: the one list of the files a nightly run writes to `<output>/runs/<run>/`.
extension NightlyRun {
    /// The artifacts of the run record, in the order they are written: `rejects.csv`, `unresolved.csv`,
    /// `findings.csv` (on every run: the aliases that moved are findings too, with or without reference data),
    /// `erkenning.csv` (when the accreditation check ran), and `run.json` last, which lists them all
    /// (`files_written`): a `run.json` in a run folder means that every file it lists is there.
    func runRecord(of summary: Summary, run: String) throws -> [any Artifact] {
        var artifacts: [any Artifact] = [
            RejectsCSV(rejects: try RejectsCSV.rejects(of: summary.files, in: store)),
            UnresolvedCSV(unresolved: summary.unresolved),
            FindingsCSV(findings: summary.findings),
        ]
        if let report = summary.erkenningCheck { artifacts.append(ErkenningCSV(report: report)) }
        var json = RunJSON(run: run, configurationPath: configuration.path, database: configuration.database,
                           summary: summary, filesWritten: [])
        json.filesWritten = (artifacts + [json]).map(WrittenFile.init)
        return artifacts + [json]
    }
}
