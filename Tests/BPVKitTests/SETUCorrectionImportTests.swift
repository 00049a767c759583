import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// SETU TimeCards through the importer into SQLite: correction cards void and change earlier intervals by id, and a
/// broken file stores nothing.
@Suite struct SETUCorrectionImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/xml")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let folder: URL
    let store: SQLiteStore
    let importer: HourImporter
    let mapping: HourMapping
    let employer = "tijdwerk-uitzend"

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bpv-setu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try SQLiteStore(path: folder.appendingPathComponent("bpv.sqlite").path)
        importer = HourImporter(store: store)
        mapping = try MappingLoader().loadHourMapping(
            path: Self.repository.appendingPathComponent("mappings/hours/setu-timecard.yaml").path)
    }

    private func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    private func importFile(_ name: String) throws -> FileImportResult {
        try importer.importFile(path: fixture(name), mapping: mapping, employerID: employer)
    }

    private func active() throws -> [String: HourEntry] {
        var byID: [String: HourEntry] = [:]
        for stored in try store.activeHourEntries(employerID: employer, studentNumber: nil) {
            let id = try #require(stored.entry.externalID)
            #expect(byID[id] == nil, "two active entries with id \(id)")
            byID[id] = stored.entry
        }
        return byID
    }

    /// The line of the `<TimeInterval` start tag before the first line holding `marker`.
    private func recordLine(_ marker: String, in name: String) throws -> Int {
        let lines = try String(contentsOfFile: fixture(name), encoding: .utf8).components(separatedBy: "\n")
        let hit = try #require(lines.firstIndex { $0.contains(marker) })
        return try #require(lines[...hit].lastIndex { $0.contains("<TimeInterval") }) + 1
    }

    @Test func aCorrectionCardVoidsChangesAndAddsByIntervalID() throws {
        let original = try importFile("setu-original-card.xml")
        #expect(original.outcome == .imported)
        #expect(original.counts.entriesStored == 7)
        let before = try active()
        #expect(before.count == 7)
        #expect(before["TW-40117-20261201-1"]?.minutes == 8 * 60)
        #expect(before["TW-40117-20261204-1"]?.category == .sick)

        let correction = try importFile("setu-correction-card.xml")
        #expect(correction.outcome == .imported)
        #expect(correction.counts.recordsRead == 4)
        #expect(correction.counts.entriesStored == 3)   // Unchanged, Change, Add; the Void stores nothing
        #expect(correction.counts.voided == 1)
        #expect(correction.counts.superseded == 2)      // Unchanged and Change replace their earlier intervals

        let after = try active()
        #expect(after.count == 7 - 1 + 1)
        #expect(after["TW-40117-20261204-1"] == nil)     // voided: the sick time is gone
        let changed = try #require(after["TW-40117-20261201-1"])
        #expect(changed.minutes == 6 * 60 + 30)          // 6.50 instead of 8.00
        #expect(changed.end == TimeOfDay(hour: 15, minute: 0))
        #expect(changed.action == .change)
        #expect(after["TW-40117-20261205-1"]?.minutes == 4 * 60)  // added
        #expect(after["TW-40117-20261130-1"]?.minutes == 8 * 60)  // repeated unchanged, still once
        #expect(after["TW-40117-20261202-1"]?.minutes == 3 * 60)  // untouched by the correction

        let batches = try store.importBatches(limit: 5)
        #expect(batches.first?.counts.voided == 1)
    }

    @Test func theSameCardTwiceChangesNothingAndAResentCardReplacesByID() throws {
        _ = try importFile("setu-original-card.xml")
        let again = try importFile("setu-original-card.xml")
        guard case .alreadyImported = again.outcome else {
            Issue.record("expected alreadyImported, got \(again.outcome)")
            return
        }
        // The same card sent again with other bytes (a comment added): each interval replaces itself.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: fixture("setu-original-card.xml")))
        bytes.append(contentsOf: Array("<!-- sent again -->\n".utf8))
        let resent = folder.appendingPathComponent("resent.xml")
        try bytes.write(to: resent)
        let result = try importer.importFile(path: resent.path, mapping: mapping, employerID: employer)
        #expect(result.outcome == .imported)
        #expect(result.counts.superseded == 7)
        #expect(try active().count == 7)
    }

    @Test func aVoidWithNothingToVoidIsAStoredReject() throws {
        let result = try importFile("setu-correction-card.xml")
        #expect(result.outcome == .importedWithRejects)
        #expect(result.counts.rejects == 1)
        #expect(result.counts.voided == 0)
        let batchID = try #require(result.batchID)
        let reject = try #require(try store.rejects(batchID: batchID).first)
        #expect(reject.reason == "nothing to void: no active entry of this source has this id")
        #expect(reject.value == "TW-40117-20261204-1")
        #expect(reject.column == "external_id")
        #expect(reject.location.line == (try recordLine("TW-40117-20261204-1", in: "setu-correction-card.xml")))
        #expect(reject.location.elementPath == "//TimeCard[1]/ReportedTime[1]/TimeInterval[3]")
    }

    @Test func aTruncatedCardStoresNothingAndIsRecordedAsFailed() throws {
        // The card's first interval is complete before the cut: the reader hands it out before it meets the end.
        let result = try importFile("setu-truncated-card.xml")
        guard case .failed(let message) = result.outcome else {
            Issue.record("expected failed, got \(result.outcome)")
            return
        }
        let lines = try String(contentsOfFile: fixture("setu-truncated-card.xml"), encoding: .utf8)
            .split(separator: "\n").count
        #expect(message.contains("setu-truncated-card.xml:\(lines):"))
        #expect(message.contains("truncated"))
        #expect(try store.activeHourEntries(employerID: nil, studentNumber: nil).isEmpty)
        let batch = try #require(try store.importBatches(limit: 1).first)
        #expect(batch.status == .failed)
        #expect(batch.counts.entriesStored == 0)
        #expect(try store.rejects(batchID: batch.id).isEmpty)
    }
}
