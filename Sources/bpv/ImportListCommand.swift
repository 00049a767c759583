import ArgumentParser
import Foundation
import BPVIngest
import BPVKit
import BPVModel

/// `bpv import list`: a list of any record kind by hand (students, POKs, crebos...): the mapping's `produces:`
/// says which, and the list is imported as the nightly run would.
extension ImportCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Import a list of any record kind (students, POKs, crebo or SBB lists) with its mapping.",
            discussion: "Example: bpv import list --mapping mappings/sis/students-school.yaml students.csv")

        @Option(name: .long, help: "The mapping file; its produces: names the kind.") var mapping: String
        @Flag(name: .long, help: "Accept a list without usable rows.") var allowEmpty = false
        @OptionGroup var store: StoreOptions
        @Argument(help: "The list files.") var files: [String]

        func run() throws {
            let loaded = try MappingLoader().loadRecordMapping(path: mapping)
            let dossier = try store.openStore(.write)
            let settings = try store.referenceSettings()
            var results: [FileImportResult] = []
            for file in files {
                let outcome = try ListImports.importFile(path: file, mapping: loaded, store: dossier, settings: settings,
                                                         today: calendarDate(Date()), allowEmpty: allowEmpty)
                SummaryPrinter.printFile(outcome.file)
                ReferencePrinter.printFindings(outcome.findings)
                results.append(outcome.file)
            }
            try SummaryPrinter.finishImport(results, database: dossier.path)
        }
    }
}
