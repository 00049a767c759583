import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// What makes a file "the same file": its SHA-256 and size, per source (the employer), and what happens when the
/// same bytes come again read with another mapping, or keep failing.
@Suite struct ImportIdentityTests {
    static let rows = """
        Personeelsnummer;Naam;Datum;Starttijd;Eindtijd;Pauze;Soort;Omschrijving
        P100;Daan Veldkamp;05-10-2026;08:00;16:30;30;Werk;Opbouw
        P100;Daan Veldkamp;06-10-2026;08:00;16:30;30;Werk;Afbouw

        """

    func write(_ text: String, name: String = "export.csv") throws -> String {
        let path = Fixture.temporaryFolder().appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func theContentIdentityIsTheSHA256OfTheBytes() throws {
        let content = try FileContent.of(path: try write("abc"))
        #expect(content.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(content.size == 3)
        let (result, store) = try importIntoFreshStore(try write(Self.rows), mapping: try Fixture.timesheetMapping())
        let batch = try #require(try store.importBatches(limit: 1).first)
        #expect(batch.id == result.batchID)
        #expect(batch.contentFingerprint.count == 64)
    }

    @Test func theSameFingerprintWithAnotherSizeIsAnotherFile() throws {
        let (result, store) = try importIntoFreshStore(try write(Self.rows), mapping: try Fixture.timesheetMapping())
        let batch = try #require(try store.importBatches(limit: 1).first)
        #expect(try store.findImport(sourceKey: batch.sourceKey, contentFingerprint: batch.contentFingerprint,
                                     fileSize: batch.fileSize)?.id == result.batchID)
        #expect(try store.findImport(sourceKey: batch.sourceKey, contentFingerprint: batch.contentFingerprint,
                                     fileSize: batch.fileSize + 1) == nil)
    }

    @Test func aBatchStoredWithTheOldXXH64FingerprintIsRecognisedAndUpgraded() throws {
        let path = try write(Self.rows)
        let content = try FileContent.of(path: path)
        let store = try SQLiteStore(path: ":memory:")
        // A batch as an older BPVKit stored it: the XXH64 fingerprint.
        var old = NewImportBatch(sourceKey: "test-employer", employerID: "test-employer", mappingName: "test-timesheet",
                                 mappingRevision: 1, filePath: path, fileSize: content.size,
                                 contentFingerprint: content.legacyXXH64, encoding: "utf-8",
                                 identityKind: .personeelsnummer, supersedeByPeriod: true)
        old.kind = "hours"
        let stored = try store.importHours(old) { _ in }
        let result = try HourImporter(store: store).importFile(path: path, mapping: try Fixture.timesheetMapping(),
                                                              employerID: "test-employer")
        #expect(result.outcome == .alreadyImported(batchID: stored.id))
        #expect(try store.importBatches(limit: 5).map(\.contentFingerprint) == [content.sha256])
    }

    @Test func theSameFileReadWithAnotherMappingReplacesTheEarlierImportInsteadOfDoublingIt() throws {
        let path = try write(Self.rows)
        let store = try SQLiteStore(path: ":memory:")
        let importer = HourImporter(store: store)
        let first = try importer.importFile(path: path, mapping: try Fixture.timesheetMapping(), employerID: "e1")
        #expect(first.counts.entriesStored == 2)
        let renamed = try Fixture.timesheetMapping { $0.replacingOccurrences(of: "name: test-timesheet", with: "name: other-layout") }
        let second = try importer.importFile(path: path, mapping: renamed, employerID: "e1")
        #expect(second.outcome == .imported)
        #expect(second.counts.superseded == 2)
        #expect(second.notes.contains { $0.contains("this import replaces it") })
        let active = try store.activeHourEntries(employerID: "e1", studentNumber: nil)
        #expect(active.count == 2, "the hours are in the store once")
        #expect(Set(active.map(\.batchID)) == [second.batchID!])
        // Read a third time with the mapping now in use: nothing changes.
        #expect(try importer.importFile(path: path, mapping: renamed, employerID: "e1").outcome
                == .alreadyImported(batchID: second.batchID!))
    }

    @Test func aNewRevisionOfTheSameMappingReadsTheFileAgainAndReplacesIt() throws {
        let path = try write(Self.rows)
        let store = try SQLiteStore(path: ":memory:")
        let importer = HourImporter(store: store)
        _ = try importer.importFile(path: path, mapping: try Fixture.timesheetMapping(), employerID: "e1")
        let revised = try Fixture.timesheetMapping { $0.replacingOccurrences(of: "revision: 1", with: "revision: 2") }
        let again = try importer.importFile(path: path, mapping: revised, employerID: "e1")
        #expect(again.outcome == .imported)
        #expect(try store.activeHourEntries(employerID: "e1", studentNumber: nil).count == 2)
    }

    @Test func aFileThatKeepsFailingIsOneFailedBatchWithItsAttemptsCounted() throws {
        let path = try write("Personeelsnummer;Naam\n")  // a header without the mapped columns
        let store = try SQLiteStore(path: ":memory:")
        let importer = HourImporter(store: store)
        let mapping = try Fixture.timesheetMapping()
        for _ in 0..<3 { _ = try importer.importFile(path: path, mapping: mapping, employerID: "e1") }
        let batches = try store.importBatches(limit: 10)
        #expect(batches.count == 1)
        #expect(batches.first?.status == .failed)
        #expect(batches.first?.attempts == 3)
        // Other bytes that fail are their own batch.
        _ = try importer.importFile(path: try write("Personeelsnummer;Datum\n"), mapping: mapping, employerID: "e1")
        #expect(try store.importBatches(limit: 10).count == 2)
    }
}
