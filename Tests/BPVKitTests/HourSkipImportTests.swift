import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// Skipped records (issue 16, item 2) reach the import's result: one note per reason, stored and dry-run alike.
@Suite struct HourSkipImportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let notes = [
        "1 record skipped: hour type Pauze (code table 'regeltypes': skip)",
        "1 record skipped: planned, not worked",
        "1 record skipped: empty duration and no start and end (duration is optional)",
        "2 records skipped: total row",
        "1 record skipped: cancelled shift",
    ]

    @Test func anImportNotesEverySkipReasonWithItsCount() throws {
        let mapping = try MappingLoader().loadHourMapping(path: Self.root.appendingPathComponent("mappings/hours/planbord-roosterregels.yaml").path)
        let sample = Self.root.appendingPathComponent("samples/mapping-shapes/planbord-roosterregels.csv").path
        let (result, _) = try importIntoFreshStore(sample, mapping: mapping)
        #expect(result.outcome == .importedWithRejects)
        #expect(result.counts.recordsRead == 12)
        #expect(result.counts.entriesStored == 5)
        #expect(result.counts.rejects == 1)
        #expect(result.notes == Self.notes)

        let dry = try HourImporter(store: nil).importFile(path: sample, mapping: mapping, employerID: "e1")
        #expect(dry.counts.entriesStored == 5)
        #expect(dry.notes == Self.notes)
    }
}
