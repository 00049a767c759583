import ArgumentParser
import BPVKit
import BPVStore
import Foundation

/// `bpv run`: the nightly job.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the nightly job: import the inbox, reconcile, write the run record (one run at a time).",
        discussion: ExitCode.help)

    @Option(name: .long, help: "The configuration file. Default: $BPV_CONFIG, else ./bpv.yaml.")
    var config: String?

    @Flag(name: .long, help: "Run the whole pipeline on a copy of the store: nothing stored, moved or exported; the record goes to <output>/dry-runs/.")
    var dryRun = false

    func run() throws {
        let configuration = try BPVConfiguration.load(path: StoreOptions.configurationPath(config) ?? "bpv.yaml")
        RunLog.bootstrap(format: configuration.nightly.logFormat, level: configuration.nightly.logLevel)
        let summary = try NightlyJob(configuration: configuration, dryRun: dryRun) { try SQLiteStore(path: $0) }.run()
        SummaryPrinter.printRun(summary, configuration: configuration)
        if summary.exitStatus != .success { throw ExitCode(summary.exitStatus) }
    }
}
