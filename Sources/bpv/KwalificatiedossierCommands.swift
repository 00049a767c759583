import ArgumentParser
import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Foundation

extension ImportCommand {
    /// `bpv import dossier`: SBB's kwalificatiedossier XML, read by one or more mappings.
    struct Dossier: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dossier",
            abstract: "Import SBB's kwalificatiedossier XML: crebo editions and dates, kerntaken and werkprocessen.",
            discussion: """
                Each --mapping reads the file once: one that produces crebos stores the dossier's crebos with their \
                dates (merged per crebo and edition into the crebo lists); one that produces werkprocessen stores the \
                kerntaken and werkprocessen (each dossier part given replaces the stored one).
                Example: bpv import dossier --mapping mappings/reference/sbb-kwalificatiedossier-crebos.yaml \
                --mapping mappings/reference/sbb-kwalificatiedossier-basis.yaml \
                --mapping mappings/reference/sbb-kwalificatiedossier-profielen.yaml kwalificatiedossiers.xml
                """)

        @Option(name: .long, help: "A mapping file (produces: crebos or werkprocessen); repeat for several.")
        var mapping: [String]
        @Flag(name: .long, help: "Accept a file in which a mapping finds nothing.") var allowEmpty = false
        @OptionGroup var store: StoreOptions
        @Argument(help: "The kwalificatiedossier XML file.") var file: String

        func run() throws {
            guard !mapping.isEmpty else { throw ValidationError("give at least one --mapping") }
            let loader = MappingLoader()
            var mappings: [RecordMapping] = []
            for path in mapping {
                let (checked, diagnostics) = loader.checkRecordMapping(path: path, kind: nil)
                guard let loaded = checked else { throw MappingError(diagnostics: diagnostics) }
                mappings.append(loaded)
            }
            let dossier = try store.openStore(.write)
            let results: [FileImportResult]
            do {
                results = try KwalificatiedossierImporter(store: dossier).importFile(path: file, mappings: mappings,
                                                                                    allowEmpty: allowEmpty)
            } catch let error as KwalificatiedossierImporter.WrongKind {
                throw ValidationError(error.description)
            }
            for result in results { SummaryPrinter.printFile(result, showMapping: true) }
            try SummaryPrinter.finishImport(results, database: dossier.path)
        }
    }
}

/// `bpv dossier --crebo 25798`: the kerntaken and werkprocessen a crebo's bpv must cover.
struct KwalificatiedossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "List a crebo's kerntaken and werkprocessen (basisdeel and its profieldeel) from the kwalificatiedossier.",
        discussion: "Example: bpv dossier --crebo 25798 --format csv")

    @Option(name: .long, help: "The crebo (5 digits).") var crebo: String
    @Option(name: .long, help: "The reference date (yyyy-MM-dd) for the crebo's edition. Default: today.") var on: String?
    @Option(name: .long, help: "table (for people), csv or json.") var format: ErkenningCommand.Format = .table
    @OptionGroup var csv: CSVOutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let code = Identifier.crebo(crebo) else { throw ValidationError("--crebo '\(crebo)' is not a crebo (5 digits)") }
        let date = try on.map { try parseDate($0, option: "--on") } ?? calendarDate(Date())
        let dossier = try store.openStore(.read)
        let result = try KwalificatiedossierLookup(store: dossier).lookup(crebo: code, on: date)
        switch format {
        case .table: print(result.table(), terminator: "")
        case .csv: csv.print(result.csv())
        case .json: print(String(decoding: try result.json(), as: UTF8.self))
        }
        if result.kerntaken.isEmpty { throw ExitCode(.error) }
    }
}
