import ArgumentParser
import BPVIngest
import BPVKit
import Foundation

extension MappingCommand {
    /// `bpv mapping draft`: a first mapping from a sample export.
    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft an hour mapping from a sample export (CSV or XML): dialect or record element, columns or "
                + "paths, patterns and hour types guessed.",
            discussion: """
                Every guess is written with its evidence as a comment; unsure choices are marked "# CHECK". \
                Edit the draft, then check it with `bpv mapping preview` and `bpv mapping lint --sample`.
                Example: bpv mapping draft export.csv --name kimai-nl --out mappings/hours/kimai-nl.yaml
                XML: the repeating record element, its namespaces and the fields' paths (with ../ for values of \
                enclosing elements) are drafted from the file's first 4 MiB.
                """)

        @Argument(help: "A sample export (CSV or XML).")
        var sample: String

        @Option(name: .long, help: "Write the draft to this file instead of standard output.")
        var out: String?

        @Option(name: .long, help: "The mapping's name (a stable id such as kimai-nl). Default: from the file name.")
        var name: String?

        @Flag(name: .long, help: "Overwrite --out when it exists.")
        var force = false

        func run() throws {
            if let out, !force, FileManager.default.fileExists(atPath: out) {
                throw ValidationError("\(out) exists; give --force to overwrite it")
            }
            let draft: MappingDrafter.Draft
            do {
                draft = try MappingDrafter().draft(path: sample, name: name, draftFile: out ?? "draft")
            } catch {
                printError("error: \(error)")
                throw ExitCode(.fileFailed)
            }
            if let out {
                try Data(draft.yaml.utf8).write(to: URL(fileURLWithPath: out))
            } else {
                print(draft.yaml, terminator: "")
            }
            let checks = draft.plan.checkCount + (name == nil ? 1 : 0)
            var summary = "draft: \(draft.plan.fields.count) fields mapped from \(draft.plan.recordCount) sampled records; "
                + "\(checks) choice\(checks == 1 ? "" : "s") marked # CHECK"
            if let out { summary += "; written to \(out)" }
            printError(summary)
            for diagnostic in draft.diagnostics where diagnostic.severity == .error {
                printError("to do before it loads: \(diagnostic)")
            }
            printError("next: bpv mapping preview \(out ?? "MAPPING") \(sample), then "
                       + "bpv mapping lint \(out ?? "MAPPING") --sample \(sample)")
        }
    }
}

/// Prints to standard error (progress and summaries, so that standard output stays the command's result).
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
