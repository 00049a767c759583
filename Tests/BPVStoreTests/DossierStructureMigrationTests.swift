import BPVModel
@testable import BPVStore
import Foundation
import GRDB
import Testing

/// Migration v4 (kerntaken, werkprocessen, the dossier of a crebo) on a store created before it.
@Suite struct DossierStructureMigrationTests {
    static let v3 = "v3: entry actions, corrections by external id"

    static func batch(_ key: String, fingerprint: String) -> NewImportBatch {
        NewImportBatch(sourceKey: key, employerID: nil, mappingName: "m", mappingRevision: 1, filePath: "d.xml",
                       fileSize: 10, contentFingerprint: fingerprint, encoding: "utf-8",
                       identityKind: .personeelsnummer, supersedeByPeriod: false, kind: "werkprocessen")
    }

    static func werkproces(_ code: String, _ titel: String, dossier: String = "23914", crebo: String? = nil) -> Werkproces {
        Werkproces(dossier: dossier, crebo: crebo, code: WerkprocesCode(code)!, titel: titel, kerntaakTitel: "Kerntaak \(code.prefix(5))",
                   location: SourceLocation(file: "d.xml", line: 7, elementPath: "/sbb/dossiers[1]/dossier[1]"))
    }

    @Test func aStoreCreatedAtV3IsMigratedKeepingItsCreboRows() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bpv-v4-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bpv.sqlite").path

        // A dossier as the previous release left it: migrated up to v3, with a crebo list imported.
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteSchema.migrator.migrate(queue, upTo: Self.v3)
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO import_batch (id, kind, source_key, mapping_name, mapping_revision, file_path, file_size,
                        content_fingerprint, started_at, status)
                    VALUES (1, 'crebos', 'crebos/sbb-crebolijst', 'sbb-crebolijst', 1, 'c.csv', 10, 'f0', '2026-11-01', 'imported');
                    INSERT INTO kwalificatie (crebo, edition, name, niveau, batch_id, source_line)
                    VALUES ('25798', '2026-08-01', 'Allround podium- en evenemententechnicus', 4, 1, 12);
                    """)
            }
            #expect(try queue.read { db in try db.tableExists("werkproces") } == false)
        }

        let store = try SQLiteStore(path: path)
        let applied = try store.queue.read { db in try SQLiteSchema.migrator.appliedIdentifiers(db) }
        #expect(applied.contains { $0.hasPrefix("v4:") })
        // The old row is there, without a dossier; a dossier row for the same crebo and edition fills it in.
        #expect(try store.kwalificaties(crebos: ["25798"]).map(\.dossier) == [nil])
        var linked = Crebo(crebo: "25798", geldigVanaf: CalendarDate(iso: "2026-08-01"), dossier: "23914")
        linked.location = SourceLocation(file: "d.xml", line: 3)
        _ = try store.saveCrebos(Self.batch("crebos/dossier", fingerprint: "f1"), kwalificaties: [linked],
                                        rejects: [], counts: ImportCounts())
        let merged = try #require(try store.kwalificaties(crebos: ["25798"]).first)
        #expect(merged.dossier == "23914")
        #expect(merged.name == "Allround podium- en evenemententechnicus")   // not erased by the dossier row

        // The new tables take werkprocessen; a second import of the same part replaces it, other parts stay.
        _ = try store.saveWerkprocessen(Self.batch("werkprocessen/basis", fingerprint: "f2"), werkprocessen: [
            Self.werkproces("B1-K1-W1", "Verzamelt"), Self.werkproces("B1-K1-W2", "Laadt en lost"),
            Self.werkproces("P3-K1-W1", "Verzamelt informatie", crebo: "25798"),
        ], rejects: [], counts: ImportCounts())
        _ = try store.saveWerkprocessen(Self.batch("werkprocessen/basis", fingerprint: "f3"), werkprocessen: [
            Self.werkproces("B1-K1-W1", "Verzamelt (versie 2)"),
        ], rejects: [], counts: ImportCounts())
        let stored = try store.werkprocessen(dossiers: ["23914"])
        #expect(stored.map(\.code.description) == ["B1-K1-W1", "P3-K1-W1"])
        #expect(stored.first?.titel == "Verzamelt (versie 2)")
        #expect(stored.first?.kerntaakTitel == "Kerntaak B1-K1")
        #expect(stored.first?.location?.elementPath == "/sbb/dossiers[1]/dossier[1]")
        #expect(try store.dossiers(ofProfileCrebo: "25798") == ["23914"])
        #expect(try store.werkprocessen(dossiers: ["23911"]).isEmpty)
    }
}
