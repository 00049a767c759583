import ArgumentParser
import BPVKit
import BPVModel
import Foundation

/// `bpv reconcile`: every hour entry's verdict and every POK's progress, on a day.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Reconcile the stored hours against the POKs: a verdict for every entry, every POK's progress.",
        discussion: "The nightly run does this after its imports; this command shows it for any day (--as-of).")

    @Option(name: .long, help: "The reference date (yyyy-MM-dd). Default: today.") var asOf: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let date = try asOf.map { try parseDate($0, option: "--as-of") } ?? calendarDate(Date())
        let (result, changes) = try Reconciler(store: try store.openStore(.read),
                                               settings: try store.configuration()?.rules ?? .init(),
                                               erkenningPolicy: try store.referenceSettings().policy).runAndKeep(on: date)
        ReconcilePrinter.printSummary(result)
        print("Changes: \(changes.summary)")
        for finding in changes.findings { print("  \(finding.subject): \(finding.evidence)") }
    }
}

/// `bpv explain STUDENT`: why a student's hours count or not, entry by entry, with the POK totals.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a student's hours: every entry with its verdict, its reasons and its file:line, then the POK totals.")

    @Argument(help: "The studentnummer.") var student: String
    @Option(name: .long, help: "The reference date (yyyy-MM-dd). Default: today.") var asOf: String?
    @Option(name: .long, help: "text or json.") var format: String = "text"
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let number = Identifier.studentNumber(student) else {
            throw CLIError.usage("'\(Excerpt.of(student))' is not a studentnummer")
        }
        guard format == "text" || format == "json" else { throw CLIError.usage("--format is text or json") }
        let date = try asOf.map { try parseDate($0, option: "--as-of") } ?? calendarDate(Date())
        let result = try Reconciler(store: try store.openStore(.read), settings: try store.configuration()?.rules ?? .init(),
                                    erkenningPolicy: try store.referenceSettings().policy).run(on: date)
        let explanation = StudentExplanation(result: result, studentNumber: number)
        if format == "json" {
            print(String(decoding: try explanation.json(), as: UTF8.self))
        } else {
            print(explanation.text, terminator: "")
        }
    }
}
