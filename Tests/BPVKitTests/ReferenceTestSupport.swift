import BPVIngest
@testable import BPVKit
import BPVModel
import BPVStore
import Foundation

/// Paths of fixtures and of the repository's samples and mappings, relative to this file.
enum Paths {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = here.deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String { here.appendingPathComponent("Fixtures/reference").appendingPathComponent(name).path }
    static func repo(_ path: String) -> String { repository.appendingPathComponent(path).path }

    static let snapshot1 = repo("samples/inbox/reference/sbb/erkenningen-2026-09-01.csv")
    static let snapshot2 = repo("samples/inbox/reference/sbb/erkenningen-2026-11-02.csv")
    static let poks = repo("samples/school/poks.csv")
    static let crebos = repo("samples/inbox/reference/crebo/crebolijst-2026-kwalificaties.csv")
    static let vervallen = repo("samples/inbox/reference/crebo-vervallen/crebolijst-2026-vervallen.csv")
}

func d(_ iso: String) -> CalendarDate {
    guard let date = CalendarDate(iso: iso) else { fatalError("not a date: \(iso)") }
    return date
}

/// An in-memory dossier with the sample mappings loaded.
struct ReferenceFixture {
    let store: SQLiteStore
    let sbb: RecordMapping
    let crebo: RecordMapping
    let vervallen: RecordMapping
    let poks: RecordMapping
    var settings = ReferenceSettings()
    var today = d("2026-11-02")

    init() throws {
        store = try SQLiteStore(path: ":memory:")
        let loader = MappingLoader()
        sbb = try loader.loadRecordMapping(path: Paths.repo("mappings/reference/sbb-erkenningen.yaml"), kind: .erkenningen)
        crebo = try loader.loadRecordMapping(path: Paths.repo("mappings/reference/sbb-crebolijst.yaml"), kind: .crebos)
        vervallen = try loader.loadRecordMapping(path: Paths.repo("mappings/reference/sbb-crebolijst-vervallen.yaml"), kind: .crebos)
        poks = try loader.loadRecordMapping(path: Paths.repo("mappings/sis/poks-school.yaml"), kind: .poks)
    }

    var importer: ErkenningListImporter { ErkenningListImporter(store: store, settings: settings, today: today) }

    @discardableResult
    func importSBB(_ path: String, retrieved: CalendarDate? = nil, allowEmpty: Bool = false) throws -> ErkenningImportResult {
        try importer.importFile(path: path, mapping: sbb, retrieved: retrieved, allowEmpty: allowEmpty)
    }

    @discardableResult
    func importPOKs(_ path: String = Paths.poks) throws -> FileImportResult {
        try POKListImporter(store: store, today: today).importFile(path: path, mapping: poks).file
    }

    func importCrebos() throws {
        _ = try CreboListImporter(store: store).importFile(path: Paths.crebos, mapping: crebo, edition: d("2026-08-01"))
        _ = try CreboListImporter(store: store).importFile(path: Paths.vervallen, mapping: vervallen, edition: d("2026-08-01"))
    }

    func check(crebo: String? = nil, leerbedrijf: String? = nil, on date: String,
               policy: ErkenningPolicy = ErkenningPolicy()) throws -> ErkenningCheck.Report {
        try ErkenningCheck(store: store).run(.init(crebo: crebo, leerbedrijf: leerbedrijf, referenceDate: d(date), policy: policy))
    }
}

extension FileImportResult {
    var failureMessage: String? {
        if case .failed(let message) = outcome { return message }
        return nil
    }
}
