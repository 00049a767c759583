import ArgumentParser
import BPVIngest
import BPVKit

/// `bpv mapping`: draft, preview and lint mapping files.
struct MappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping", abstract: "Work with mapping files.",
        subcommands: [Draft.self, Preview.self, Lint.self])

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check mapping files of any kind (hours, erkenningen, crebos, poks, onstage) and programme files; every problem is named with its line, column and a hint.",
            discussion: """
                With --sample, each mapping is also checked against a sample export: mapped columns missing from \
                it are errors; columns no field reads, and values the mapping would reject, are warnings. \
                Exit code 1 when there are errors; warnings alone exit 0.
                """)

        @Argument(help: "Mapping files.")
        var files: [String]

        @Option(name: .long, help: "A sample export to check the mappings against.")
        var sample: String?

        func run() throws {
            var errors = 0
            for file in files {
                if ProgrammeFileLint.isProgrammeFile(file) {  // a programme file (timetable and evidence rules)
                    let problems = ProgrammeFileLint.problems(path: file)
                    for problem in problems { print(problem) }
                    print(problems.isEmpty ? "\(file): ok" : "\(file): \(problems.count) error\(problems.count == 1 ? "" : "s")")
                    errors += problems.count
                    continue
                }
                var diagnostics = MappingLoader().lint(path: file)
                var sampleProblem: String?
                if let sample {
                    if let mapping = MappingLoader().check(path: file).mapping {
                        do {
                            diagnostics += try MappingSampleLinter().check(mapping, mappingFile: file, sample: sample)
                        } catch {
                            sampleProblem = "error: the sample cannot be read with this mapping: \(error)"
                        }
                    } else if diagnostics.contains(where: { $0.severity == .error }) {
                        sampleProblem = "note: the sample is checked once the errors above are fixed"
                    } else {
                        sampleProblem = "note: --sample checks hour mappings only"
                    }
                }
                let ordered = diagnostics.inFileOrder()
                for diagnostic in ordered { print(diagnostic) }
                if let sampleProblem { print("\(file): \(sampleProblem)") }
                let count = ordered.count { $0.severity == .error } + (sampleProblem?.hasPrefix("error") == true ? 1 : 0)
                let warnings = ordered.count { $0.severity == .warning }
                if count == 0 {
                    print("\(file): ok" + (warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"))" : ""))
                } else {
                    print("\(file): \(count) error\(count == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
                }
                errors += count
            }
            if errors > 0 { throw ExitCode(.error) }
        }
    }
}
