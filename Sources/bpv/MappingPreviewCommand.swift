import ArgumentParser
import BPVIngest
import BPVKit

extension MappingCommand {
    /// `bpv mapping preview`: what a mapping makes of the first records of a file.
    struct Preview: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

        static let configuration = CommandConfiguration(
            abstract: "Show the first records of a file as read (raw fields) and as mapped (dossier values or rejects).",
            discussion: """
                Nothing is stored. The JSON format is stable and documented in mappings/README.md. \
                Exit codes: 0 every record shown maps; 3 some are rejected; 4 the file fails as a whole; \
                1 the mapping has errors.
                """)

        @Argument(help: "The mapping file.")
        var mapping: String

        @Argument(help: "An export to read with it.")
        var file: String

        @Option(name: .long, help: "How many records to show.")
        var rows = 10

        @Option(name: .long, help: "table (for people) or json (for tools).")
        var format: Format = .table

        @Option(name: .long, help: "The sending employer's id, as an import would get it.")
        var employer: String?

        func validate() throws {
            if rows < 1 { throw ValidationError("--rows must be 1 or more") }
        }

        func run() throws {
            let (loaded, diagnostics) = MappingLoader().check(path: mapping)
            guard let loaded else {
                for diagnostic in diagnostics where diagnostic.severity == .error { printError("\(diagnostic)") }
                throw ExitCode(.error)
            }
            let preview = MappingPreviewer(rows: rows).preview(mapping: loaded, file: file, employerID: employer)
            switch format {
            case .json: print(PreviewJSON.render(preview), terminator: "")
            case .table: PreviewPrinter.print(preview)
            }
            if preview.fileError != nil { throw ExitCode(.fileFailed) }
            if preview.rejectCount > 0 { throw ExitCode(.completedWithRejects) }
        }
    }
}
