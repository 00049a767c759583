import BPVModel
@testable import BPVStore
import Foundation
import GRDB
import Testing

/// POKs in the SQLite store: every field of the student administration's list kept and read back, a list that
/// ends the POKs it no longer has, and migration v7 on a store that held POKs before it.
@Suite struct POKStoreTests {
    static let v6 = "v6: keyed records (students and later kinds without a table of their own)"

    static func batch(_ fingerprint: String, key: String = "poks/poks-school") -> NewImportBatch {
        NewImportBatch(sourceKey: key, employerID: nil, mappingName: "poks-school", mappingRevision: 2,
                       filePath: "poks-\(fingerprint).csv", fileSize: 10, contentFingerprint: fingerprint,
                       encoding: "utf-8", identityKind: .personeelsnummer, supersedeByPeriod: false, kind: "poks")
    }

    static let full = POK(studentNumber: "2240562", leerbedrijfID: "100966213", crebo: "25605",
                          begin: CalendarDate(year: 2025, month: 8, day: 25)!, end: CalendarDate(year: 2027, month: 1, day: 29)!,
                          minutes: 900 * 60, leerweg: .bbl, pokNumber: "P2025-0562",
                          signedOn: CalendarDate(year: 2025, month: 8, day: 18)!, status: .ended,
                          terminatedOn: CalendarDate(year: 2026, month: 11, day: 20)!, secondAddress: true,
                          location: SourceLocation(file: "poks-f1.csv", line: 4))

    @Test func everyFieldIsStoredAndReadBack() throws {
        let store = try SQLiteStore(path: ":memory:")
        let plain = POK(studentNumber: "2250114", leerbedrijfID: "101145779", crebo: "25604",
                        begin: CalendarDate(year: 2025, month: 9, day: 1)!, end: CalendarDate(year: 2027, month: 7, day: 9)!,
                        location: SourceLocation(file: "poks-f1.csv", line: 2))
        let saved = try store.savePOKs(Self.batch("f1"), poks: [plain, Self.full], disappeared: [], findings: [],
                                       rejects: [], counts: ImportCounts())
        let current = try store.currentPOKs(crebo: nil, leerbedrijfID: nil)
        #expect(Set(current) == [plain, Self.full])
        let listed = try store.listedPOKs(sourceKey: "poks/poks-school")
        #expect(listed.map(\.pok) == [plain, Self.full], "in file order")
        #expect(listed.allSatisfy { $0.batchID == saved.id && $0.supersededBy == nil && !$0.disappeared })
        #expect(try store.listedPOKs(sourceKey: "poks/other").isEmpty)
    }

    @Test func aListEndsTheGivenPOKsOfItsSourceAndStoresItsFindings() throws {
        let store = try SQLiteStore(path: ":memory:")
        _ = try store.savePOKs(Self.batch("f1"), poks: [Self.full], disappeared: [], findings: [], rejects: [],
                               counts: ImportCounts())
        let other = try store.savePOKs(Self.batch("o1", key: "poks/other"), poks: [Self.full], disappeared: [],
                                       findings: [], rejects: [], counts: ImportCounts())
        let gone = try #require(try store.listedPOKs(sourceKey: "poks/poks-school").first)
        let otherID = try #require(try store.listedPOKs(sourceKey: "poks/other").first?.id)
        let finding = Finding(rule: "pok.disappeared", severity: .warning, date: CalendarDate(year: 2026, month: 12, day: 4)!,
                              studentNumber: "2240562", subject: Self.full.subject, evidence: "e", explanation: "x")
        // An id of another source is not touched.
        let second = try store.savePOKs(Self.batch("f2"), poks: [], disappeared: [gone.id, otherID],
                                        findings: [finding], rejects: [], counts: ImportCounts())
        #expect(second.counts.superseded == 1)
        #expect(try store.findings(batchID: second.id) == [finding])
        let history = try store.pokHistory(studentNumber: "2240562")
        #expect(history.map(\.id) == [gone.id, otherID])
        #expect(history.map(\.supersededBy) == [second.id, nil])
        #expect(history.map(\.disappeared) == [true, false])
        #expect(history.first?.pok == Self.full)
        #expect(history.last?.batchID == other.id)
    }

    @Test func aStoreCreatedAtV6KeepsItsPOKsAndNamesWhyTheEarlierOnesWereSuperseded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bpv-v7-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bpv.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteSchema.migrator.migrate(queue, upTo: Self.v6)
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO import_batch (id, kind, source_key, mapping_name, mapping_revision, file_path, file_size,
                        content_fingerprint, started_at, status)
                    VALUES (1, 'poks', 'poks/poks-school', 'poks-school', 1, 'a.csv', 10, 'f0', '2026-11-01', 'imported'),
                           (2, 'poks', 'poks/poks-school', 'poks-school', 1, 'b.csv', 10, 'f1', '2026-11-02', 'imported');
                    INSERT INTO pok (batch_id, source_key, source_line, student_number, leerbedrijf_id, crebo, begin_date,
                        end_date, minutes, leerweg, superseded_by)
                    VALUES (1, 'poks/poks-school', 2, '2250114', '101145779', '25604', '2025-09-01', '2027-07-09', 73200, NULL, 2),
                           (2, 'poks/poks-school', 2, '2250114', '101145779', '25604', '2025-09-01', '2027-07-09', 73200, NULL, NULL);
                    """)
            }
        }
        let store = try SQLiteStore(path: path)
        let applied = try store.queue.read { db in try SQLiteSchema.migrator.appliedIdentifiers(db) }
        #expect(applied.contains { $0.hasPrefix("v7:") })
        let history = try store.pokHistory(studentNumber: "2250114")
        #expect(history.map(\.supersededBy) == [2, nil])
        #expect(history.map(\.disappeared) == [false, false])
        let reasons = try store.queue.read { db in
            try String?.fetchAll(db, sql: "SELECT superseded_reason FROM pok ORDER BY id")
        }
        #expect(reasons == ["replaced", nil])
        let pok = try #require(history.last?.pok)
        #expect(pok.pokNumber == nil && pok.signedOn == nil && pok.status == nil && pok.terminatedOn == nil)
        #expect(!pok.secondAddress)
        #expect(pok.minutes == 73200 && pok.location == SourceLocation(file: "b.csv", line: 2))
    }
}
