import BPVIngest
import BPVModel
import BPVReconcile
import BPVResults
import Foundation

extension NightlyRun {
    /// The `results` step: when the run reconciled, every POK judged and each configured export layout (`exports:`
    /// in bpv.yaml) written into the run's exports folder (`<output>/exports/<date>/`; inside the dry run's record
    /// in a dry run) with only its new or changed rows; the monitoring findings and the results that changed after
    /// they were exported join the run's findings.
    func judgeResultsAndExport(into context: inout NightlyContext) throws {
        guard let reconciliation = context.summary.reconciliation else { return }
        context.summary.findings += try writeResultsAndExports(reconciliation: reconciliation, into: &context.summary,
                                                               on: context.today, folder: context.exportsFolder.path)
    }

    func writeResultsAndExports(reconciliation: ReconcileResult, into summary: inout Summary, on date: CalendarDate,
                                folder: String) throws -> [Finding] {
        let stage = ResultsStage(reconciler: Reconciler(store: store, configuration: configuration))
        let results = try stage.run(reconciliation: reconciliation, on: date)
        summary.results = results
        var findings = results.findings
        // The cross-check against DUO's registration overview, when one was imported (`duo-registraties`).
        let registrations = try store.values(of: DUORegistrationsKind.self)
        if !registrations.isEmpty {
            findings += DUOCrossCheck.findings(poks: reconciliation.progress.map(\.pok), registrations: registrations, on: date)
        }
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
