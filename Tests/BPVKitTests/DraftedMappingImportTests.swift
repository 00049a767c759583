import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// The onboarding path end to end: a mapping drafted from a sample export imports that export into a real dossier
/// store, and stores what the hand-written mapping stores.
@Suite("Drafted mapping imports")
struct DraftedMappingImportTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sample = repository.appendingPathComponent(
        "samples/inbox/hours/klankwerk-events/kimai-export-2026-10-01-2026-11-30.csv").path

    func temporaryStore() throws -> (SQLiteStore, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bpv-draft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (try SQLiteStore(path: folder.appendingPathComponent("bpv.sqlite").path), folder)
    }

    @Test("draft -> import into SQLite: every record stored, none rejected, same minutes per day as the hand-written mapping")
    func draftedMappingImports() throws {
        let draft = try MappingDrafter().draft(path: Self.sample, name: "kimai-nl-draft")
        let (mapping, diagnostics) = MappingLoader().check(yaml: draft.yaml, file: "kimai-nl-draft.yaml")
        let drafted = try #require(mapping, "\(diagnostics)")

        let (store, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try HourImporter(store: store).importFile(path: Self.sample, mapping: drafted,
                                                               employerID: "klankwerk-events")
        #expect(result.outcome == .imported)
        #expect(result.counts.recordsRead == 27)
        #expect(result.counts.entriesStored == 27)
        #expect(result.counts.rejects == 0)
        let again = try HourImporter(store: store).importFile(path: Self.sample, mapping: drafted,
                                                              employerID: "klankwerk-events")
        #expect(again.outcome == .alreadyImported(batchID: try #require(result.batchID)))

        let hand = try MappingLoader().loadHourMapping(path: Self.repository.appendingPathComponent(
            "mappings/hours/kimai-nl.yaml").path)
        let (handStore, handFolder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: handFolder) }
        _ = try HourImporter(store: handStore).importFile(path: Self.sample, mapping: hand, employerID: "klankwerk-events")

        func minutesPerDay(_ store: SQLiteStore) throws -> [String: Int] {
            var days: [String: Int] = [:]
            for stored in try store.activeHourEntries(employerID: "klankwerk-events", studentNumber: nil) {
                days["\(stored.entry.date) \(stored.entry.category.rawValue)", default: 0] += stored.entry.minutes
            }
            return days
        }
        let draftedDays = try minutesPerDay(store)
        #expect(draftedDays == (try minutesPerDay(handStore)))
        // The sum of the export's Duur column (H:MM), added up outside bpv: 162 hours.
        #expect(draftedDays.values.reduce(0, +) == 9720)
    }
}
