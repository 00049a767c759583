import ArgumentParser
import BPVKit
import BPVModel
import Foundation

/// `bpv results`: every POK's final bpv result from its programme's evidence rules.
struct ResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "The bpv result per POK (goed, voldoende, onvoldoende, not_decidable) with its reason codes.",
        discussion: "Judged by the programme files' evidence rules (programmes: in bpv.yaml) on the counted hours "
            + "and the bpv application's assessments, documents and gesprekken. `bpv explain STUDENT` shows the checklist.")

    @Option(name: .long, help: "Only POKs of this crebo.") var crebo: String?
    @Option(name: .long, help: "The reference date (yyyy-MM-dd). Default: today.") var asOf: String?
    @Option(name: .long, help: "table, csv or json.") var format: String = "table"
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard ["table", "csv", "json"].contains(format) else { throw CLIError.usage("--format is table, csv or json") }
        let date = try asOf.map { try parseDate($0, option: "--as-of") } ?? calendarDate(Date())
        let results = try ResultsStage(reconciler: store.reconciler()).run(on: date).results
            .filter { crebo == nil || $0.crebo == crebo }
        switch format {
        case "csv": print(ResultsOutput.csv(results), terminator: "")
        case "json": print(try ResultsOutput.json(results))
        default: print(ResultsOutput.table(results), terminator: "")
        }
    }
}
