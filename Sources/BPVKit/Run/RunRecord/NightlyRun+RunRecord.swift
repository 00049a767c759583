import Foundation

/// The run record: the one list of the files a nightly run writes to `<output>/runs/<run>/`.
extension NightlyRun {
    /// The artifacts of the run record, in the order they are written: `rejects.csv`, `unresolved.csv`,
    /// `findings.csv` (on every run: the aliases that moved are findings too, with or without reference data),
    /// `erkenning.csv` (when the accreditation check ran), `pok-status.csv`, `hours.csv` and `reconciliation.json`
    /// (when there are POKs to reconcile against), and `run.json` last, which lists them all
    /// (`files_written`): a `run.json` in a run folder means that every file it lists is there.
    func runRecord(of summary: Summary, run: String) throws -> [any Artifact] {
        var artifacts: [any Artifact] = [
            RejectsCSV(rejects: try RejectsCSV.rejects(of: summary.files, in: store)),
            UnresolvedCSV(unresolved: summary.unresolved),
            FindingsCSV(findings: summary.findings),
        ]
        if let report = summary.erkenningCheck { artifacts.append(ErkenningCSV(report: report)) }
        if let result = summary.reconciliation {
            artifacts += [POKStatusCSV(result: result), HourVerdictsCSV(result: result), ReconciliationJSON(result: result)]
        }
        var json = RunJSON(run: run, configurationPath: configuration.path, database: configuration.database,
                           summary: summary, filesWritten: [])
        json.filesWritten = (artifacts + [json]).map(WrittenFile.init)
        return artifacts + [json]
    }
}
