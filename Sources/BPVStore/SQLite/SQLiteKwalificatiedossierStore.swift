import BPVModel
import GRDB

/// Kerntaken and werkprocessen of kwalificatiedossiers in SQLite (see ``ReferenceStore``).
extension SQLiteStore {
    public func saveWerkprocessen(_ batch: NewImportBatch, werkprocessen: [Werkproces], rejects: [Reject],
                                  counts: ImportCounts) throws -> ImportBatch {
        try queue.write { db in
            let status: ImportBatch.Status = rejects.isEmpty ? .imported : .importedWithRejects
            let batchID = try insertBatch(db, batch, status: status, message: nil)
            // Each part the file gives replaces what was stored for it (werkprocessen first: they refer to kerntaken).
            let parts = Set(werkprocessen.map { PartKey(dossier: $0.dossier, crebo: $0.crebo ?? "") })
            for part in parts {
                for table in ["werkproces", "kerntaak"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE dossier = ? AND crebo = ?",
                                   arguments: [part.dossier, part.crebo])
                }
            }
            let kerntaak = try db.makeStatement(sql: """
                INSERT INTO kerntaak (dossier, crebo, code, titel, batch_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (dossier, crebo, code) DO UPDATE SET titel = COALESCE(titel, excluded.titel)
                """)
            let werkproces = try db.makeStatement(sql: """
                INSERT INTO werkproces (dossier, crebo, kerntaak, code, titel, batch_id, source_line, element_path)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let dossier = try db.makeStatement(sql: """
                INSERT INTO kwalificatiedossier (nr, titel, batch_id) VALUES (?, ?, ?)
                ON CONFLICT (nr) DO UPDATE SET titel = COALESCE(excluded.titel, titel), batch_id = excluded.batch_id
                """)
            for (nr, titel) in Dictionary(werkprocessen.map { ($0.dossier, $0.dossierTitel) }, uniquingKeysWith: { a, b in a ?? b }) {
                try dossier.execute(arguments: [nr, titel, batchID])
            }
            for w in werkprocessen {
                try kerntaak.execute(arguments: [w.dossier, w.crebo ?? "", w.kerntaak.description, w.kerntaakTitel, batchID])
                try werkproces.execute(arguments: [w.dossier, w.crebo ?? "", w.kerntaak.description, w.code.description,
                                                   w.titel, batchID, w.location?.line ?? 0, w.location?.elementPath])
            }
            return try completeBatch(db, batchID, rejects: rejects, status: status, counts: counts)
        }
    }

    public func werkprocessen(dossiers: Set<String>?) throws -> [Werkproces] {
        let all = try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT w.*, k.titel AS kerntaak_titel, d.titel AS dossier_titel, b.file_path
                FROM werkproces w
                JOIN kerntaak k ON k.dossier = w.dossier AND k.crebo = w.crebo AND k.code = w.kerntaak
                LEFT JOIN kwalificatiedossier d ON d.nr = w.dossier
                JOIN import_batch b ON b.id = w.batch_id
                """).compactMap { row -> Werkproces? in
                guard let code = WerkprocesCode(row["code"]) else { return nil }
                let crebo: String = row["crebo"]
                return Werkproces(dossier: row["dossier"], crebo: crebo.isEmpty ? nil : crebo, code: code,
                                  titel: row["titel"], kerntaakTitel: row["kerntaak_titel"], dossierTitel: row["dossier_titel"],
                                  location: SourceLocation(file: row["file_path"], line: row["source_line"],
                                                           elementPath: row["element_path"]))
            }
        }
        let wanted = dossiers.map { set in all.filter { set.contains($0.dossier) } } ?? all
        return wanted.sorted { ($0.dossier, $0.crebo ?? "", $0.code) < ($1.dossier, $1.crebo ?? "", $1.code) }
    }

    public func dossiers(ofProfileCrebo crebo: String) throws -> Set<String> {
        try queue.read { db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT dossier FROM werkproces WHERE crebo = ?", arguments: [crebo]))
        }
    }

    private struct PartKey: Hashable { var dossier: String; var crebo: String }
}
