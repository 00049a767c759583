import ArgumentParser
import BPVKit
import BPVStore
import Foundation

/// `bpv run`: the nightly job.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the nightly job: load aliases and import every employer's hour exports from the inbox.")

    @Option(name: .long, help: "The configuration file. Default: $BPV_CONFIG, else ./bpv.yaml.")
    var config: String?

    func run() throws {
        let configuration = try BPVConfiguration.load(path: StoreOptions.configurationPath(config) ?? "bpv.yaml")
        let store = try SQLiteStore(path: configuration.database)
        let summary = try NightlyRun(configuration: configuration, store: store).run()
        SummaryPrinter.printRun(summary, configuration: configuration)
        if summary.exitStatus != .success { throw ExitCode(summary.exitStatus) }
    }
}
