import BPVModel
import GRDB

/// POKs in SQLite (see ``POKStore``).
extension SQLiteStore: POKStore {
    public func savePOKs(_ batch: NewImportBatch, poks: [POK], rejects: [Reject], counts: ImportCounts) throws -> ImportBatch {
        try queue.write { db in
            let status: ImportBatch.Status = rejects.isEmpty ? .imported : .importedWithRejects
            let batchID = try insertBatch(db, batch, status: status, message: nil)
            try db.execute(sql: "UPDATE pok SET superseded_by = ? WHERE source_key = ? AND superseded_by IS NULL",
                           arguments: [batchID, batch.sourceKey])
            var counts = counts
            counts.superseded = db.changesCount
            let insert = try db.makeStatement(sql: """
                INSERT INTO pok (batch_id, source_key, source_line, student_number, leerbedrijf_id, crebo, begin_date,
                    end_date, minutes, leerweg)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for p in poks {
                try insert.execute(arguments: [batchID, batch.sourceKey, p.location?.line ?? 0, p.studentNumber,
                                               p.leerbedrijfID, p.crebo, p.begin.iso, p.end.iso, p.minutes,
                                               p.leerweg?.rawValue])
            }
            return try completeBatch(db, batchID, rejects: rejects, status: status, counts: counts)
        }
    }

    public func currentPOKs(crebo: String?, leerbedrijfID: String?) throws -> [POK] {
        try queue.read { db in
            var sql = """
                SELECT p.*, COALESCE(a.leerbedrijf_id, p.leerbedrijf_id) AS resolved, b.file_path
                FROM pok p JOIN import_batch b ON b.id = p.batch_id
                LEFT JOIN leerbedrijf_alias a ON a.legacy_code = p.leerbedrijf_id
                WHERE p.superseded_by IS NULL
                """
            var arguments: StatementArguments = []
            if let crebo { sql += " AND p.crebo = ?"; arguments += [crebo] }
            if let leerbedrijfID { sql += " AND COALESCE(a.leerbedrijf_id, p.leerbedrijf_id) = ?"; arguments += [leerbedrijfID] }
            sql += " ORDER BY resolved, p.crebo, p.begin_date, p.student_number"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                POK(studentNumber: row["student_number"], leerbedrijfID: row["resolved"], crebo: row["crebo"],
                    begin: CalendarDate(iso: row["begin_date"])!, end: CalendarDate(iso: row["end_date"])!,
                    minutes: row["minutes"], leerweg: (row["leerweg"] as String?).flatMap(Leerweg.init(rawValue:)),
                    location: SourceLocation(file: row["file_path"], line: row["source_line"]))
            }
        }
    }
}
