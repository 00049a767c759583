import ArgumentParser
import BPVIngest
import BPVKit
import BPVStore

/// `bpv import hours`: one or more files with one mapping.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import files by hand.",
        subcommands: [Hours.self, List.self, Sbb.self, Crebo.self, Poks.self, Dossier.self])

    struct Hours: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import hour exports with a mapping file.",
            discussion: "Example: bpv import hours --mapping mappings/hours/shiftbase-roosterdetail.yaml --employer podiumbouw-oost export.csv")

        @Option(name: .long, help: "The mapping file for these exports.")
        var mapping: String

        @Option(name: .long, help: "The sending employer's id (as in bpv.yaml and the alias table).")
        var employer: String?

        @Flag(name: .long, help: "Read and map only: store nothing, report what would be stored and rejected.")
        var dryRun = false

        @OptionGroup var store: StoreOptions

        @Argument(help: "The export files.")
        var files: [String]

        func run() throws {
            let loaded = try MappingLoader().loadHourMapping(path: mapping)
            let dossier: SQLiteStore? = dryRun ? nil : try store.openStore(.write)
            if let employer, let dossier { try store.checkEmployer(employer, in: dossier) }
            let importer = HourImporter(store: dossier)
            var results: [FileImportResult] = []
            for file in files {
                let result = try importer.importFile(path: file, mapping: loaded, employerID: employer)
                SummaryPrinter.printFile(result, dryRun: dryRun)
                results.append(result)
            }
            try SummaryPrinter.finishImport(results, database: dryRun ? nil : dossier?.path)
        }
    }
}
