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
        let (result, changes) = try store.reconciler().runAndKeep(on: date)
        ReconcilePrinter.printSummary(result)
        print("Changes: \(changes.summary)")
        for finding in changes.findings { print("  \(finding.subject): \(finding.evidence)") }
    }
}

/// `bpv explain STUDENT`: why a student's hours count or not, entry by entry, with the POK totals.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a student's hours: every entry with its verdict, its reasons and its file:line, then the POK totals and the evidence checklist of each POK.")

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
        let reconciler = try store.reconciler()
        let result = try reconciler.run(on: date)
        let explanation = StudentExplanation(result: result, studentNumber: number)
        if format == "json" {
            print(String(decoding: try explanation.json(), as: UTF8.self))
        } else {
            print(explanation.text, terminator: "")
            // The evidence checklist of each of the student's POKs (programme files' evidence rules).
            let results = try ResultsStage(reconciler: reconciler).run(reconciliation: result, on: date).results
            for r in results where r.studentNumber == number { print("\n" + ResultsOutput.checklist(r), terminator: "") }
        }
    }
}

/// `bpv poks`: every POK with its hours and status.
struct POKsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poks", abstract: "List the POKs with their hours and status (on_track, behind, at_risk, done, ended_short).")

    @Option(name: .long, help: "Only POKs with this status.") var status: String?
    @Option(name: .long, help: "Only POKs of this crebo.") var crebo: String?
    @Option(name: .long, help: "The reference date (yyyy-MM-dd). Default: today.") var asOf: String?
    @Option(name: .long, help: "table, csv or json.") var format: String = "table"
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard ["table", "csv", "json"].contains(format) else { throw CLIError.usage("--format is table, csv or json") }
        if let status, POKProgress.Status(rawValue: status) == nil {
            throw CLIError.usage("--status is one of " + POKProgress.Status.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let date = try asOf.map { try parseDate($0, option: "--as-of") } ?? calendarDate(Date())
        var result = try store.reconciler().run(on: date)
        result.progress = result.progress.filter {
            (status == nil || $0.status.rawValue == status) && (crebo == nil || $0.pok.crebo == crebo)
        }
        let keys = Set(result.progress.map(\.pok.key))
        result.verdicts = result.verdicts.filter { $0.pokKey.map(keys.contains) ?? false }
        switch format {
        case "csv": print(POKOutput.csv(result), terminator: "")
        case "json": print(POKOutput.json(result))
        default: ReconcilePrinter.printPOKs(result)
        }
    }
}

/// `bpv hours`: the hours overview per student and week, month or POK, against the POK's norm.
struct HoursCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hours", abstract: "The hours overview: counted and not counted per student and week, month or POK, beside the POK's norm.")

    @Option(name: .long, help: "Only this student.") var student: String?
    @Option(name: .long, help: "Only this employer.") var employer: String?
    @Option(name: .long, help: "week, month or pok.") var by: String = "week"
    @Option(name: .long, help: "The reference date (yyyy-MM-dd). Default: today.") var asOf: String?
    @Option(name: .long, help: "table or csv.") var format: String = "table"
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let period = HoursOverview.Period(rawValue: by) else { throw CLIError.usage("--by is week, month or pok") }
        guard ["table", "csv"].contains(format) else { throw CLIError.usage("--format is table or csv") }
        let date = try asOf.map { try parseDate($0, option: "--as-of") } ?? calendarDate(Date())
        let result = try store.reconciler().run(on: date)
        let overview = HoursOverview(result: result, by: period, student: student, employer: employer)
        if format == "csv" { print(overview.table.text, terminator: ""); return }
        for row in overview.rows {
            print("\(row.student)  \(row.period.padding(toLength: 10, withPad: " ", startingAt: 0))  counted "
                  + Minutes.text(row.counted).padding(toLength: 8, withPad: " ", startingAt: 0)
                  + "  not counted " + Minutes.text(row.notCounted).padding(toLength: 7, withPad: " ", startingAt: 0)
                  + (row.norm.map { "  norm \(Minutes.text($0))" } ?? ""))
        }
    }
}
