import ArgumentParser
import BPVKit
import BPVModel
import Foundation

/// `bpv export results|hours`: an export layout's file and manifest for the student-administration system.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an export for the student-administration system: final results or realised hours per POK.",
        discussion: "The layout file (mappings/exports/) gives the columns, delimiter, encoding, line endings, date "
            + "format and result codes. Only rows new or changed since the layout's last export are written "
            + "unless --full; beside the file a manifest (rows, SHA-256, run). A result that changed after it "
            + "was exported is printed as a finding.")

    @Argument(help: "results or hours.") var what: String
    @Option(name: .long, help: "The export layout file.") var layout: String
    @Option(name: .long, help: "The folder to write into.") var out: String
    @Flag(name: .long, help: "All rows, not only the new or changed ones.") var full = false
    @Option(name: .long, help: "The reference date (yyyy-MM-dd). Default: today.") var asOf: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let rows = ExportLayout.Rows(rawValue: what) else { throw CLIError.usage("bpv export results or bpv export hours") }
        let layout = try ExportLayout.load(path: self.layout)
        guard layout.rows == rows else {
            throw CLIError.usage("the layout \(layout.name) exports \(layout.rows.rawValue), not \(what)")
        }
        let date = try asOf.map { try parseDate($0, option: "--as-of") } ?? calendarDate(Date())
        let reconciler = try store.reconciler()
        let reconciliation = try reconciler.run(on: date)
        let results = try ResultsStage(reconciler: reconciler).run(reconciliation: reconciliation, on: date)
        let writable = try store.openStore(.write)
        let outcome = try ResultExport(store: writable, layout: layout)
            .write(reconciliation: reconciliation, results: results, on: date, into: out, full: full, run: "bpv export \(date.iso)")
        if let file = outcome.file, let manifest = outcome.manifest, let sha = outcome.sha256 {
            print("\(file): \(outcome.rows) rows\(full ? " (full)" : " (new or changed)"), sha256 \(sha)")
            print("manifest: \(manifest)")
        } else {
            print("\(layout.name): nothing new or changed since its last export (no file written; --full for all rows)")
        }
        for finding in outcome.findings { print("FINDING \(finding.rule) \(finding.subject): \(finding.evidence)") }
    }
}
