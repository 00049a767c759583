import BPVModel
import GRDB

/// POKs in SQLite (see ``POKStore``).
extension SQLiteStore: POKStore {
    /// v7: the POK as the student administration lists it (its number, signing day, status, early termination,
    /// second address), and why a later list superseded it: `replaced` (listed again) or `disappeared` (ended).
    static func registerPOKMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7: POKs from the student administration: number, signing, status, termination, second address, why superseded") { db in
            try db.execute(sql: """
                ALTER TABLE pok ADD COLUMN pok_number TEXT;
                ALTER TABLE pok ADD COLUMN signed_on TEXT;
                ALTER TABLE pok ADD COLUMN status TEXT;
                ALTER TABLE pok ADD COLUMN terminated_on TEXT;
                ALTER TABLE pok ADD COLUMN second_address INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE pok ADD COLUMN superseded_reason TEXT;
                UPDATE pok SET superseded_reason = 'replaced' WHERE superseded_by IS NOT NULL;
                CREATE INDEX pok_by_student ON pok(student_number);
                """)
        }
    }

    public func savePOKs(_ batch: NewImportBatch, poks: [POK], disappeared: [Int64], findings: [Finding],
                         rejects: [Reject], counts: ImportCounts) throws -> ImportBatch {
        try queue.write { db in
            let status: ImportBatch.Status = rejects.isEmpty ? .imported : .importedWithRejects
            let batchID = try insertBatch(db, batch, status: status, message: nil)
            try db.execute(sql: """
                UPDATE pok SET superseded_by = ?, superseded_reason = 'replaced'
                WHERE source_key = ? AND superseded_by IS NULL
                """, arguments: [batchID, batch.sourceKey])
            var counts = counts
            counts.superseded = db.changesCount
            let ended = try db.makeStatement(sql: """
                UPDATE pok SET superseded_reason = 'disappeared' WHERE id = ? AND superseded_by = ? AND source_key = ?
                """)
            for id in disappeared {
                try ended.execute(arguments: [id, batchID, batch.sourceKey])
            }
            let insert = try db.makeStatement(sql: """
                INSERT INTO pok (batch_id, source_key, source_line, student_number, leerbedrijf_id, crebo, begin_date,
                    end_date, minutes, leerweg, pok_number, signed_on, status, terminated_on, second_address)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for p in poks {
                try insert.execute(arguments: [batchID, batch.sourceKey, p.location?.line ?? 0, p.studentNumber,
                                               p.leerbedrijfID, p.crebo, p.begin.iso, p.end.iso, p.minutes,
                                               p.leerweg?.rawValue, p.pokNumber, p.signedOn?.iso, p.status?.rawValue,
                                               p.terminatedOn?.iso, p.secondAddress])
            }
            try Self.insertFindings(db, findings, batchID: batchID)
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
                Self.pok(row, leerbedrijfID: row["resolved"])
            }
        }
    }

    public func listedPOKs(sourceKey: String) throws -> [StoredPOK] {
        try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.*, b.file_path FROM pok p JOIN import_batch b ON b.id = p.batch_id
                WHERE p.source_key = ? AND p.superseded_by IS NULL ORDER BY p.id
                """, arguments: [sourceKey]).map(Self.storedPOK)
        }
    }

    public func pokHistory(studentNumber: String) throws -> [StoredPOK] {
        try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.*, b.file_path FROM pok p JOIN import_batch b ON b.id = p.batch_id
                WHERE p.student_number = ? ORDER BY p.id
                """, arguments: [studentNumber]).map(Self.storedPOK)
        }
    }

    static func storedPOK(_ row: Row) -> StoredPOK {
        StoredPOK(id: row["id"], batchID: row["batch_id"], pok: pok(row, leerbedrijfID: row["leerbedrijf_id"]),
                  supersededBy: row["superseded_by"], disappeared: (row["superseded_reason"] as String?) == "disappeared")
    }

    /// A `pok` row (joined with its batch's `file_path`) as a ``POK`` with the given leerbedrijf-ID.
    static func pok(_ row: Row, leerbedrijfID: String) -> POK {
        func date(_ column: String) -> CalendarDate? { (row[column] as String?).flatMap(CalendarDate.init(iso:)) }
        return POK(studentNumber: row["student_number"], leerbedrijfID: leerbedrijfID, crebo: row["crebo"],
                   begin: date("begin_date")!, end: date("end_date")!, minutes: row["minutes"],
                   leerweg: (row["leerweg"] as String?).flatMap(Leerweg.init(rawValue:)), pokNumber: row["pok_number"],
                   signedOn: date("signed_on"), status: (row["status"] as String?).flatMap(POKStatus.init(rawValue:)),
                   terminatedOn: date("terminated_on"), secondAddress: row["second_address"],
                   location: SourceLocation(file: row["file_path"], line: row["source_line"]))
    }
}
