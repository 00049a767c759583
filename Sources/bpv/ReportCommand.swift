import ArgumentParser
import BPVKit
import Foundation

/// `bpv report`: renders a stored run's report (morning report, POK overviews, student pages, feedback) again.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render the report of a stored run again into a folder.",
        discussion: "The run is a folder name under <output>/runs/ (default: the newest run). The report is rendered "
            + "from the run's report-data.json with the configured templates (report: templates: in bpv.yaml).")

    @Option(name: .long, help: "The configuration file. Default: $BPV_CONFIG, else ./bpv.yaml.")
    var config: String?

    @Option(name: .customLong("run"), help: "The run: its folder name under <output>/runs/ (2026-11-30T031500). Default: the newest.")
    var runName: String?

    @Option(name: .long, help: "The folder to write the report to (created when missing).")
    var out: String

    func run() throws {
        let configuration = try BPVConfiguration.load(path: StoreOptions.configurationPath(config) ?? "bpv.yaml")
        let (name, index) = try ReportRerender.render(configuration: configuration, run: runName, out: out)
        print("Report of run \(name): \(index)")
    }
}
