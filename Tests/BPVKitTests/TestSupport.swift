import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// Paths and helpers shared by the BPVKit tests.
enum Fixture {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    /// A file under Tests/BPVKitTests/Fixtures/bad.
    static func bad(_ name: String) -> String { testsFolder.appendingPathComponent("Fixtures/bad/\(name)").path }

    /// A file of the repository (samples, mappings).
    static func repo(_ path: String) -> String { repository.appendingPathComponent(path).path }

    /// A fresh empty folder.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bpvkit-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The test mapping of the bad-input fixtures, optionally with its text changed first.
    static func timesheetMapping(_ edit: (String) -> String = { $0 }) throws -> HourMapping {
        let text = try String(contentsOfFile: bad("timesheet.yaml"), encoding: .utf8)
        let (mapping, diagnostics) = MappingLoader().check(yaml: edit(text), file: "timesheet.yaml")
        guard let mapping else { throw MappingError(diagnostics: diagnostics) }
        return mapping
    }
}

/// Imports `file` into a fresh in-memory store and returns the result and the store.
func importIntoFreshStore(_ file: String, mapping: HourMapping, employer: String = "test-employer")
    throws -> (FileImportResult, SQLiteStore) {
    let store = try SQLiteStore(path: ":memory:")
    let result = try HourImporter(store: store).importFile(path: file, mapping: mapping, employerID: employer)
    return (result, store)
}

/// The lines of a CSV of a run record (`rejects.csv`, `erkenning.csv`, ...), read after the UTF-8 byte-order mark
/// that every such file starts with (expected here).
func runRecordCSV(_ folder: URL, _ name: String) throws -> [String] {
    let data = try Data(contentsOf: folder.appendingPathComponent(name))
    #expect(Array(data.prefix(3)) == CSVTable.byteOrderMark, "\(name) starts with the UTF-8 byte-order mark")
    let text = String(decoding: data.dropFirst(3), as: UTF8.self)
    #expect(text.hasSuffix("\n"), "\(name) ends with a line feed")
    return text.components(separatedBy: "\n").dropLast()
}
