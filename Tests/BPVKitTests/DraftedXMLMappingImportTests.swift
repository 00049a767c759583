import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// The XML onboarding path end to end: a mapping drafted from an XML sample, taken as it is (its `# CHECK` marks are
/// comments), imports the employer's files into a real dossier store and stores what the hand-written mapping stores,
/// SETU correction cards included.
@Suite("Drafted XML mapping imports")
struct DraftedXMLMappingImportTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func sample(_ path: String) -> String {
        repository.appendingPathComponent("samples/inbox/hours").appendingPathComponent(path).path
    }

    static func handWritten(_ name: String) throws -> HourMapping {
        try MappingLoader().loadHourMapping(path: repository.appendingPathComponent("mappings/hours/\(name).yaml").path)
    }

    static func drafted(from sample: String, name: String) throws -> HourMapping {
        let draft = try MappingDrafter().draft(path: sample, name: name)
        let (mapping, diagnostics) = MappingLoader().check(yaml: draft.yaml, file: "\(name).yaml")
        return try #require(mapping, "\(diagnostics)\n\(draft.yaml)")
    }

    /// Imports `files` in order with `mapping` into a new store; the active entries' minutes per day and category.
    static func minutesPerDay(_ files: [String], mapping: HourMapping, employer: String) throws
        -> (days: [String: Int], rejects: Int) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bpv-xml-draft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("bpv.sqlite").path)
        var rejects = 0
        for file in files {
            let result = try HourImporter(store: store).importFile(path: file, mapping: mapping, employerID: employer)
            #expect(result.outcome == .imported, "\(file)")
            rejects += result.counts.rejects
        }
        var days: [String: Int] = [:]
        for stored in try store.activeHourEntries(employerID: employer, studentNumber: nil) {
            days["\(stored.entry.date) \(stored.entry.category.rawValue)", default: 0] += stored.entry.minutes
        }
        return (days, rejects)
    }

    @Test("Vechtgroep: the draft imports every Dienst with the minutes of the hand-written mapping")
    func vechtgroep() throws {
        let file = Self.sample("vechtgroep-holding/Urenverantwoording_VG_2026-12.xml")
        let drafted = try Self.minutesPerDay([file], mapping: try Self.drafted(from: file, name: "vg-draft"),
                                             employer: "vechtgroep-holding")
        let hand = try Self.minutesPerDay([file], mapping: try Self.handWritten("vechtgroep-urenverantwoording"),
                                          employer: "vechtgroep-holding")
        #expect(drafted.rejects == 0)
        #expect(drafted.days == hand.days)
        #expect(drafted.days.count == 7)
    }

    @Test("SETU: drafted from the first card, the mapping also applies the correction card (change, void, unchanged)")
    func setuWithCorrections() throws {
        let first = Self.sample("tijdwerk-uitzend/TimeCard_TW-40117_2026-W49.xml")
        let correction = Self.sample("tijdwerk-uitzend/TimeCard_TW-40117_2026-W49_correctie.xml")
        let mapping = try Self.drafted(from: first, name: "setu-draft")
        let drafted = try Self.minutesPerDay([first, correction], mapping: mapping, employer: "tijdwerk-uitzend")
        let hand = try Self.minutesPerDay([first, correction], mapping: try Self.handWritten("setu-timecard"),
                                          employer: "tijdwerk-uitzend")
        #expect(drafted.rejects == hand.rejects)
        #expect(drafted.days == hand.days)
        // The correction changed something: the result differs from the first card alone.
        let firstOnly = try Self.minutesPerDay([first], mapping: mapping, employer: "tijdwerk-uitzend")
        #expect(firstOnly.days != drafted.days)
    }
}
