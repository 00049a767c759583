import ArgumentParser
import BPVIngest

/// `bpv mapping lint`: check mapping files.
struct MappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping", abstract: "Work with mapping files.", subcommands: [Draft.self, Lint.self])

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check mapping files; every problem is named with its line, column and a hint.")

        @Argument(help: "Mapping files.")
        var files: [String]

        func run() throws {
            var errors = 0
            for file in files {
                let (_, diagnostics) = MappingLoader().check(path: file)
                for diagnostic in diagnostics { print(diagnostic) }
                let count = diagnostics.filter { $0.severity == .error }.count
                let warnings = diagnostics.count - count
                if count == 0 { print("\(file): ok" + (warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"))" : "")) }
                errors += count
            }
            if errors > 0 { throw ExitCode(1) }
        }
    }
}
