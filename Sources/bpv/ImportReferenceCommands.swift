import ArgumentParser
import BPVIngest
import BPVKit
import BPVModel
import BPVStore

/// `bpv import sbb|crebo|poks`: reference lists and POKs by hand.
extension ImportCommand {
    struct Sbb: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sbb",
            abstract: "Import an SBB erkenning list as a new snapshot; report what changed since the previous one.",
            discussion: """
                Example: bpv import sbb --mapping mappings/reference/sbb-erkenningen.yaml --retrieved 2026-11-02 list.csv
                A list retrieved before the latest snapshot of its source is refused; so is a list without usable \
                rows, unless --allow-empty.
                """)

        @Option(name: .long, help: "The mapping file (produces: erkenningen).") var mapping: String
        @Option(name: .long, help: "The date the list was retrieved from SBB (yyyy-MM-dd). Default: the list's own date column, else the file's modification date.")
        var retrieved: String?
        @Option(name: .long, help: "The list's source name; snapshots of one source are compared. Default: the mapping's name.")
        var source: String?
        @Flag(name: .long, help: "Accept a list without erkenningen (every erkenning of the source then reads as withdrawn).")
        var allowEmpty = false
        @OptionGroup var store: StoreOptions
        @Argument(help: "The list file.") var file: String

        func run() throws {
            let loaded = try MappingLoader().loadRecordMapping(path: mapping, kind: .erkenningen)
            let date = try retrieved.map { try parseDate($0, option: "--retrieved") }
            let dossier = try store.openStore(.write)
            let importer = ErkenningListImporter(store: dossier, settings: try store.referenceSettings())
            let result = try importer.importFile(path: file, mapping: loaded, retrieved: date, source: source,
                                                 allowEmpty: allowEmpty)
            ReferencePrinter.printErkenningImport(result)
            try SummaryPrinter.finishImport([result.file], database: dossier.path)
        }
    }

    struct Crebo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "crebo",
            abstract: "Import an SBB crebo list (qualifications, or the Vervallen part with end dates and successors).")

        @Option(name: .long, help: "The mapping file (produces: crebos).") var mapping: String
        @Option(name: .long, help: "The list's edition date, geldig vanaf (yyyy-MM-dd), when the file has no column for it.")
        var edition: String?
        @Flag(name: .long, help: "Accept a list without crebos.") var allowEmpty = false
        @OptionGroup var store: StoreOptions
        @Argument(help: "The list file.") var file: String

        func run() throws {
            let loaded = try MappingLoader().loadRecordMapping(path: mapping, kind: .crebos)
            let date = try edition.map { try parseDate($0, option: "--edition") }
            let dossier = try store.openStore(.write)
            let result = try CreboListImporter(store: dossier).importFile(path: file, mapping: loaded, edition: date,
                                                                         allowEmpty: allowEmpty)
            SummaryPrinter.printFile(result)
            try SummaryPrinter.finishImport([result], database: dossier.path)
        }
    }

    struct Poks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "poks",
            abstract: "Import the POK list from the student-administration system (replaces that source's earlier POKs; "
                + "a POK the list no longer has is ended, with a finding).")

        @Option(name: .long, help: "The mapping file (produces: poks).") var mapping: String
        @Flag(name: .long, help: "Accept a list without POKs (every POK of the source then ends).") var allowEmpty = false
        @OptionGroup var store: StoreOptions
        @Argument(help: "The POK list.") var file: String

        func run() throws {
            let loaded = try MappingLoader().loadRecordMapping(path: mapping, kind: .poks)
            let dossier = try store.openStore(.write)
            let result = try POKListImporter(store: dossier).importFile(path: file, mapping: loaded, allowEmpty: allowEmpty)
            SummaryPrinter.printFile(result.file)
            ReferencePrinter.printFindings(result.findings)
            try SummaryPrinter.finishImport([result.file], database: dossier.path)
        }
    }
}

/// A date option: `yyyy-MM-dd`.
func parseDate(_ text: String, option: String) throws -> CalendarDate {
    guard let date = CalendarDate(iso: text.trimmingWhitespace()) else {
        throw ValidationError("\(option) '\(text)' is not a date like 2026-11-02")
    }
    return date
}
