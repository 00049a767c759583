import BPVIngest
import BPVModel
import BPVReconcile
import BPVResults
import Foundation

extension NightlyRun {
    /// The nightly run's results step: every POK judged, and each configured export layout (`exports:` in bpv.yaml)
    /// written into `<output>/exports/` with only its new or changed rows. Returns the monitoring findings and the
    /// results that changed after they were exported.
    func writeResultsAndExports(reconciliation: ReconcileResult, into summary: inout Summary, at clock: Date) throws -> [Finding] {
        let date = calendarDate(clock)
        let stage = ResultsStage(reconciler: Reconciler(store: store, configuration: configuration))
        let results = try stage.run(reconciliation: reconciliation, on: date)
        summary.results = results
        var findings = results.findings
        // The cross-check against DUO's registration overview, when one was imported (`duo-registraties`).
        let registrations = try store.values(of: DUORegistrationsKind.self)
        if !registrations.isEmpty {
            findings += DUOCrossCheck.findings(poks: reconciliation.progress.map(\.pok), registrations: registrations, on: date)
        }
        let folder = (configuration.output as NSString).appendingPathComponent("exports")
        for layout in configuration.exports {
            let outcome = try ResultExport(store: store, layout: layout)
                .write(reconciliation: reconciliation, results: results, on: date, into: folder, full: false,
                       run: "bpv run \(date.iso)")
            summary.exports.append(outcome)
            findings += outcome.findings
        }
        return findings
    }
}
