import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// Records and fields over the default size limits (4 MiB a record, 1 MiB a field) through the whole import: each
/// is a stored reject naming its line and column, and every good row around it is stored whole.
@Suite struct RecordLimitImportTests {
    static let header = "Personeelsnummer;Naam;Datum;Starttijd;Eindtijd;Pauze;Soort;Omschrijving\n"
    static func row(_ day: Int, _ description: String) -> String {
        "P100;Daan Veldkamp;\(String(format: "%02d", day))-10-2026;08:00;16:30;30;Werk;\(description)\n"
    }

    func importText(_ text: String) throws -> (FileImportResult, SQLiteStore) {
        let folder = Fixture.temporaryFolder()
        let path = folder.appendingPathComponent("long.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try importIntoFreshStore(path, mapping: try Fixture.timesheetMapping())
    }

    @Test func aTwentyMegabyteFieldOnOneLineIsOneRejectAndTheRowsAfterItAreStored() throws {
        let huge = String(repeating: "lang verhaal ", count: 20 << 20 / 13)
        let (result, store) = try importText(Self.header + Self.row(5, "Opbouw") + Self.row(6, huge)
                                             + Self.row(7, "Afbouw") + Self.row(8, "\"quoted \"\"x\"\"\""))
        #expect(result.outcome == .importedWithRejects)
        #expect(result.counts.entriesStored == 3)
        #expect(result.counts.rejects == 1)
        let reject = try #require(try store.rejects(batchID: result.batchID!).first)
        #expect(reject.location.line == 3)
        #expect(reject.column == "Omschrijving")
        #expect(reject.columnNumber == 8)
        #expect(reject.reason.hasPrefix("the record is \(Self.row(6, huge).utf8.count) bytes long (line 3), more than the limit of 4 MiB"))
        #expect((reject.record ?? "").count < 200, "the reject keeps the record's start, not 20 MB")
        let descriptions = try store.activeHourEntries(employerID: nil, studentNumber: nil).map(\.entry.description)
        #expect(descriptions == ["Opbouw", "Afbouw", "quoted \"x\""])
    }

    @Test func aTwoMegabyteQuotedFieldRejectsItsRecordNamingTheColumn() throws {
        let big = "\"" + String(repeating: "y", count: 2 << 20) + "\""
        let (result, store) = try importText(Self.header + Self.row(5, big) + Self.row(6, "Opbouw"))
        #expect(result.counts.entriesStored == 1)
        let reject = try #require(try store.rejects(batchID: result.batchID!).first)
        #expect(reject.location.line == 2)
        #expect(reject.column == "Omschrijving")
        #expect(reject.reason == "field 8 is \(2 << 20) bytes long, more than the limit of 1 MiB a field: the record is left out")
        #expect(reject.value?.hasSuffix("… (\(2 << 20) bytes)") == true)
    }

    @Test func aFieldOfExactlyOneMebibyteIsStoredWhole() throws {
        let atLimit = String(repeating: "z", count: 1 << 20)
        let (result, store) = try importText(Self.header + Self.row(5, atLimit))
        #expect(result.outcome == .imported)
        let stored = try store.activeHourEntries(employerID: nil, studentNumber: nil)
        #expect(stored.first?.entry.description?.utf8.count == 1 << 20)
    }
}
