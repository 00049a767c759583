import BPVModel
import Foundation
import GRDB

/// Keyed record kinds in SQLite (see ``KeyedRecordStore``): one table for every such kind.
extension SQLiteStore: KeyedRecordStore {
    static func registerKeyedRecordMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6: keyed records (students and later kinds without a table of their own)") { db in
            try db.execute(sql: """
                CREATE TABLE keyed_record (
                    id INTEGER PRIMARY KEY,
                    batch_id INTEGER NOT NULL REFERENCES import_batch(id),
                    kind TEXT NOT NULL,
                    source_key TEXT NOT NULL,
                    record_key TEXT NOT NULL,
                    source_line INTEGER NOT NULL,
                    value_json BLOB NOT NULL,
                    superseded_by INTEGER REFERENCES import_batch(id)
                );
                CREATE INDEX keyed_record_current ON keyed_record(kind, record_key) WHERE superseded_by IS NULL;
                CREATE INDEX keyed_record_by_source ON keyed_record(source_key) WHERE superseded_by IS NULL;
                """)
        }
    }

    public func saveKeyedRecords(_ batch: NewImportBatch, kind: String, records: [KeyedRecord], rejects: [Reject],
                                 counts: ImportCounts) throws -> ImportBatch {
        try queue.write { db in
            let status: ImportBatch.Status = rejects.isEmpty ? .imported : .importedWithRejects
            let batchID = try insertBatch(db, batch, status: status, message: nil)
            try db.execute(sql: """
                UPDATE keyed_record SET superseded_by = ? WHERE source_key = ? AND kind = ? AND superseded_by IS NULL
                """, arguments: [batchID, batch.sourceKey, kind])
            var counts = counts
            counts.superseded = db.changesCount
            let insert = try db.makeStatement(sql: """
                INSERT INTO keyed_record (batch_id, kind, source_key, record_key, source_line, value_json)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
            for record in records {
                try insert.execute(arguments: [batchID, kind, batch.sourceKey, record.key, record.line,
                                               Data(record.json)])
            }
            return try completeBatch(db, batchID, rejects: rejects, status: status, counts: counts)
        }
    }

    public func keyedRecords(kind: String) throws -> [KeyedRecord] {
        try queue.read { db in
            // A cursor, columns by position: a kind may hold a few hundred thousand values.
            try Array(Row.fetchCursor(db, sql: """
                SELECT record_key, source_line, value_json FROM keyed_record
                WHERE kind = ? AND superseded_by IS NULL ORDER BY record_key, id
                """, arguments: [kind]).map { row in
                KeyedRecord(key: row[0], line: row[1], json: Array(row[2] as Data))
            })
        }
    }
}
