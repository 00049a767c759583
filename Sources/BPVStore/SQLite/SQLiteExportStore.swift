import BPVModel
import GRDB

/// The export state in SQLite (see ``ExportStore``): one row per layout and row key.
extension SQLiteStore: ExportStore {
    static func registerExportMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9: exported rows per export layout") { db in
            try db.execute(sql: """
                CREATE TABLE exported_row (
                    layout TEXT NOT NULL,
                    row_key TEXT NOT NULL,
                    row_hash TEXT NOT NULL,
                    outcome TEXT,
                    exported_on TEXT NOT NULL,
                    PRIMARY KEY (layout, row_key)
                );
                """)
        }
    }

    public func exportedRows(layout: String) throws -> [String: ExportedRow] {
        try queue.read { db in
            var rows: [String: ExportedRow] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT row_key, row_hash, outcome, exported_on FROM exported_row WHERE layout = ?",
                                        arguments: [layout]) {
                let day: String = row["exported_on"]
                rows[row["row_key"]] = ExportedRow(hash: row["row_hash"], outcome: row["outcome"],
                                                   exportedOn: CalendarDate(iso: day) ?? CalendarDate(year: 1970, month: 1, day: 1)!)
            }
            return rows
        }
    }

    public func saveExportedRows(layout: String, _ rows: [String: ExportedRow]) throws {
        try queue.write { db in
            let statement = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO exported_row (layout, row_key, row_hash, outcome, exported_on) VALUES (?, ?, ?, ?, ?)
                """)
            for (key, row) in rows.sorted(by: { $0.key < $1.key }) {
                try statement.execute(arguments: [layout, key, row.hash, row.outcome, row.exportedOn.iso])
            }
        }
    }
}
