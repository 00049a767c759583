@testable import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

@Suite("SBB list import: snapshots, changes, refusals")
struct ErkenningImportTests {
    @Test("two sample snapshots: the changes and the findings for running POKs follow from the files")
    func sampleSnapshots() throws {
        let fixture = try ReferenceFixture()
        let oracle = try SampleOracle()
        try fixture.importPOKs()
        let first = try fixture.importSBB(Paths.snapshot1)
        #expect(first.file.outcome == .imported)
        #expect(first.snapshot?.retrievedOn == oracle.retrieved1)   // from the Peildatum column
        #expect(first.changes.isEmpty)
        let second = try fixture.importSBB(Paths.snapshot2)
        #expect(second.previous?.id == first.snapshot?.id)

        let found = Dictionary(uniqueKeysWithValues: second.changes.map { ("\($0.pair.leerbedrijfID)/\($0.pair.crebo)", $0.kind.rawValue) })
        #expect(found == oracle.expectedChanges)
        #expect(Set(found.values) == ["added", "ended", "withdrawn", "changed"])
        // The legacy-code row of the first list and the id row of the second are one erkenning: no change.
        #expect(found["100812046/25798"] == nil)
        #expect(try fixture.store.erkenningChanges(snapshotID: second.snapshot!.id).count == second.changes.count)

        // One finding per change and per POK at that leerbedrijf and crebo that still runs on the retrieval date.
        var expected: Set<String> = []
        for (pair, kind) in oracle.expectedChanges {
            for pok in oracle.poks where "\(pok.leerbedrijf)/\(pok.crebo)" == pair && pok.lastDay >= oracle.retrieved2 {
                expected.insert("erkenning.\(kind) \(pok.student) \(pok.leerbedrijf)")
            }
        }
        #expect(Set(second.findings.map { "\($0.rule) \($0.studentNumber ?? "") \($0.leerbedrijfID ?? "")" }) == expected)
        #expect(second.findings.filter { $0.rule == "erkenning.withdrawn" }.allSatisfy { $0.severity == .error })
        #expect(try fixture.store.findings(batchID: second.file.batchID!).count == second.findings.count)

        // The same file again changes nothing.
        let again = try fixture.importSBB(Paths.snapshot2)
        #expect(again.file.outcome == .alreadyImported(batchID: second.file.batchID!))
        #expect(try fixture.store.erkenningSnapshots().count == 2)
    }

    @Test("a list retrieved before the latest snapshot is refused, and nothing of it is stored")
    func olderSnapshotRefused() throws {
        let fixture = try ReferenceFixture()
        try fixture.importSBB(Paths.snapshot2)
        let older = try fixture.importSBB(Paths.snapshot1)
        let message = try #require(older.file.failureMessage)
        #expect(message.contains(Paths.snapshot1))
        #expect(message.contains("retrieved on 2026-09-01, before the latest snapshot"))
        #expect(message.contains("2026-11-02"))
        #expect(try fixture.store.erkenningSnapshots().count == 1)
        let batch = try #require(try fixture.store.importBatches(limit: 1).first)
        #expect(batch.status == .failed)
        #expect(batch.filePath == Paths.snapshot1)
        // The same day again is allowed (a corrected list of that day).
        let sameDay = try fixture.importSBB(Paths.fixture("erkenningen-duplicates.csv"))
        #expect(sameDay.file.failureMessage == nil)
    }

    @Test("a list without rows is refused unless allowed; allowed, everything reads as withdrawn")
    func emptyList() throws {
        let fixture = try ReferenceFixture()
        try fixture.importPOKs()
        let first = try fixture.importSBB(Paths.snapshot1)
        let path = Paths.fixture("erkenningen-header-only.csv")
        let refused = try fixture.importSBB(path, retrieved: d("2026-11-02"))
        let message = try #require(refused.file.failureMessage)
        #expect(message.contains(path))
        #expect(message.contains("holds no erkenningen (no rows)"))
        #expect(message.contains("--allow-empty"))
        #expect(try fixture.store.erkenningSnapshots().count == 1)

        let allowed = try fixture.importSBB(path, retrieved: d("2026-11-02"), allowEmpty: true)
        #expect(allowed.file.outcome == .imported)
        #expect(allowed.changes.count == first.snapshot!.erkenningCount)
        #expect(allowed.changes.allSatisfy { $0.kind == .withdrawn })
    }

    @Test("conflicting duplicates are all rejected naming each other; the same row twice is kept once; a rejected pair is unconfirmed, not withdrawn")
    func duplicates() throws {
        let fixture = try ReferenceFixture()
        try fixture.importSBB(Paths.snapshot1)
        let path = Paths.fixture("erkenningen-duplicates.csv")
        let result = try fixture.importSBB(path)
        #expect(result.file.outcome == .importedWithRejects)
        #expect(result.snapshot?.erkenningCount == 2)           // lines 4 (= 5) and 6
        #expect(result.file.notes.contains { $0.contains("1 row(s) repeat an erkenning") })
        let rejects = try fixture.store.rejects(batchID: result.file.batchID!)
        #expect(rejects.map(\.location.line) == [2, 3])
        for (reject, other) in zip(rejects, [3, 2]) {
            #expect(reject.location.file == path)
            #expect(reject.column == "Einddatum erkenning")
            #expect(reject.columnNumber == 14)
            #expect(reject.reason.contains("conflicting duplicate"))
            #expect(reject.reason.contains("line \(other)"))
            #expect(reject.record?.contains("100581320") == true)
        }
        #expect(rejects.map(\.value) == ["31-12-2026", "31-12-2027"])
        let klankwerk = result.changes.filter { $0.pair == LeerbedrijfCrebo(leerbedrijfID: "100581320", crebo: "25798") }
        #expect(klankwerk.map(\.kind) == [.unconfirmed])
    }

    @Test("a list that is mostly rejects fails as a whole (max_reject_percent) and the failure names the count")
    func mostlyRejects() throws {
        let fixture = try ReferenceFixture()
        let path = Paths.repo("Tests/BPVIngestTests/Fixtures/reference/erkenningen-bad.csv")
        let result = try fixture.importSBB(path)
        let message = try #require(result.file.failureMessage)
        #expect(message.contains("12 of 16 records rejected"))
        #expect(try fixture.store.erkenningSnapshots().isEmpty)
        #expect(result.file.firstRejects.count == 12)
        #expect(result.file.firstRejects.first?.description.hasPrefix("\(path):4: column \"Leerbedrijf ID\" (2): value \"12345\": not a leerbedrijf-ID") == true)
    }

    @Test("erkenningen for crebos the crebo lists do not have are named on import")
    func unknownCrebo() throws {
        let fixture = try ReferenceFixture()
        _ = try CreboListImporter(store: fixture.store).importFile(path: Paths.crebos, mapping: fixture.crebo,
                                                                   edition: d("2026-08-01"))
        let result = try fixture.importSBB(Paths.snapshot1)
        // 25951 is only in the Vervallen sheet, which was not imported here.
        #expect(result.file.notes.contains("crebo(s) not in the imported crebo lists: 25951"))
    }

    @Test("retention removes erkenning rows of older snapshots, never a source's latest")
    func retention() throws {
        var fixture = try ReferenceFixture()
        fixture.settings.retentionDays = 90
        let first = try fixture.importSBB(Paths.snapshot1)
        try fixture.importSBB(Paths.snapshot2)
        #expect(try fixture.store.erkenningen(snapshotID: first.snapshot!.id).count == 8)   // 62 days old: kept

        fixture.settings.retentionDays = 30
        fixture.today = d("2027-06-01")
        let purged = try fixture.store.purgeErkenningen(retrievedBefore: fixture.today.adding(days: -fixture.settings.retentionDays))
        #expect(purged == 8)
        #expect(try fixture.store.erkenningen(snapshotID: first.snapshot!.id).isEmpty)
        #expect(try fixture.store.currentErkenningen(leerbedrijfIDs: nil).count == 8)      // the latest stays
        #expect(try fixture.store.erkenningSnapshots().first { $0.id == first.snapshot!.id }?.purgedAt != nil)
    }

    @Test("a leerbedrijf with two IDs: the legacy code counts once an alias links it, from a list or by hand")
    func legacyAlias() throws {
        let fixture = try ReferenceFixture()
        try fixture.importPOKs()
        let first = try fixture.importSBB(Paths.snapshot1)     // Theater De Vechtkamer only under its legacy code
        #expect(first.file.notes.contains { $0.contains("without a known leerbedrijf-ID: 31KC7731HG0000003") })
        let before = try fixture.check(leerbedrijf: "100812046", on: "2026-09-01")
        #expect(before.rows.map(\.result.status) == [.noErkenning])
        try fixture.store.saveLeerbedrijfAliases([LeerbedrijfAlias(legacyCode: "31KC7731HG0000003", leerbedrijfID: "100812046",
                                                                   origin: .manual)])
        let after = try fixture.check(leerbedrijf: "100812046", on: "2026-09-01")
        #expect(after.rows.map(\.result.status) == [.covered])
        #expect(after.rows.first?.result.erkenningen.first?.listedAs == "31KC7731HG0000003")
        // Asking by the legacy code finds the same POK.
        #expect(try fixture.check(leerbedrijf: "31KC7731HG0000003", on: "2026-09-01").rows.count == 1)
    }
}
