import BPVModel
import Foundation
import GRDB
import GRDBSQLite

/// The last reconciliation in SQLite (see ``ReconcileStore``).
extension SQLiteStore: ReconcileStore {
    static func registerReconcileMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8: the last reconciliation (verdicts) and every run's POK states") { db in
            try db.execute(sql: """
                CREATE TABLE reconcile_run (
                    id INTEGER PRIMARY KEY,
                    run_at TEXT NOT NULL,
                    reference_date TEXT NOT NULL,
                    inputs_fingerprint TEXT NOT NULL
                );
                CREATE TABLE reconcile_verdict (
                    entry_id INTEGER PRIMARY KEY,
                    run_id INTEGER NOT NULL REFERENCES reconcile_run(id),
                    pok_key TEXT,
                    verdict TEXT NOT NULL,
                    counted_minutes INTEGER NOT NULL
                );
                CREATE TABLE reconcile_pok (
                    run_id INTEGER NOT NULL REFERENCES reconcile_run(id),
                    pok_key TEXT NOT NULL,
                    status TEXT NOT NULL,
                    counted_minutes INTEGER NOT NULL,
                    PRIMARY KEY (run_id, pok_key)
                );
                """)
        }
    }

    /// The kept verdicts are the latest run's; a row's `run_id` is the run that last wrote it (only the verdicts
    /// that differ from the previous run are written when `previous` is still the latest run).
    public func saveReconciliation(_ run: StoredReconciliation, previous: StoredReconciliation?) throws -> Int64 {
        try queue.write { db in
            let latest = try Row.fetchOne(
                db, sql: "SELECT reference_date, inputs_fingerprint FROM reconcile_run ORDER BY id DESC LIMIT 1")
            let differences = previous.flatMap { previous -> (changed: [StoredReconciliation.Verdict], gone: [Int64])? in
                guard let latest, latest[0] as String == previous.referenceDate.iso,
                      latest[1] as String == previous.inputsFingerprint else { return nil }
                return run.verdictDifferences(from: previous)
            }
            try db.execute(sql: "INSERT INTO reconcile_run (run_at, reference_date, inputs_fingerprint) VALUES (?, ?, ?)",
                           arguments: [Self.now(), run.referenceDate.iso, run.inputsFingerprint])
            let id = db.lastInsertedRowID
            if let differences {
                let delete = try db.makeStatement(sql: "DELETE FROM reconcile_verdict WHERE entry_id = ?")
                for entryID in differences.gone { try delete.execute(arguments: [entryID]) }
                try Self.insertVerdicts(db, differences.changed, runID: id, replacing: true)
            } else {
                try db.execute(sql: "DELETE FROM reconcile_verdict")
                try Self.insertVerdicts(db, run.verdicts, runID: id)
            }
            let pok = try db.makeStatement(sql: """
                INSERT INTO reconcile_pok (run_id, pok_key, status, counted_minutes) VALUES (?, ?, ?, ?)
                """)
            for p in run.poks { try pok.execute(arguments: [id, p.pokKey, p.status, p.countedMinutes]) }
            return id
        }
    }

    /// The verdicts through one prepared statement bound with the C API: a large school has millions, and GRDB's
    /// argument arrays cost several times the insert itself.
    static func insertVerdicts(_ db: Database, _ verdicts: [StoredReconciliation.Verdict], runID: Int64,
                               replacing: Bool = false) throws {
        guard let connection = db.sqliteConnection else { throw StoreError("the SQLite connection is closed") }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, """
            INSERT \(replacing ? "OR REPLACE " : "")INTO reconcile_verdict (entry_id, run_id, pok_key, verdict, counted_minutes) VALUES (?1, ?2, ?3, ?4, ?5)
            """, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw StoreError("cannot prepare statement: \(String(cString: sqlite3_errmsg(connection)))")
        }
        defer { sqlite3_finalize(statement) }
        func text(_ index: Int32, _ value: String?) -> Int32 {
            guard let value else { return sqlite3_bind_null(statement, index) }
            return sqlite3_bind_text(statement, index, value, -1, sqliteTransient)
        }
        for v in verdicts {
            let binds = [sqlite3_bind_int64(statement, 1, v.entryID), sqlite3_bind_int64(statement, 2, runID),
                         text(3, v.pokKey), text(4, v.verdict), sqlite3_bind_int64(statement, 5, Int64(v.countedMinutes))]
            guard binds.allSatisfy({ $0 == SQLITE_OK }) else {
                throw StoreError("a verdict could not be stored (SQLite: \(String(cString: sqlite3_errmsg(connection))))")
            }
            let rc = sqlite3_step(statement)
            sqlite3_reset(statement)
            guard rc == SQLITE_DONE else {
                throw StoreError("insert failed: \(String(cString: sqlite3_errmsg(connection)))")
            }
        }
    }

    public func lastReconciliation() throws -> StoredReconciliation? {
        try queue.read { db -> StoredReconciliation? in
            guard let run = try Row.fetchOne(db, sql: "SELECT * FROM reconcile_run ORDER BY id DESC LIMIT 1") else { return nil }
            let id: Int64 = run["id"]
            // By column position, texts shared: a large school keeps millions of verdicts. Every row is the
            // latest run's, whatever run last wrote it (see saveReconciliation(_:previous:)).
            var verdicts: [StoredReconciliation.Verdict] = []
            var shared: [String: String] = [:]
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT entry_id, pok_key, verdict, counted_minutes FROM reconcile_verdict ORDER BY entry_id
                """)
            // A text equal to the row before's is taken from there without hashing.
            var before: [String?] = [nil, nil]
            func share(_ text: String, _ column: Int) -> String {
                if let last = before[column], last == text { return last }
                var kept = text
                if let known = shared[text] { kept = known } else { shared[text] = text }
                before[column] = kept
                return kept
            }
            while let row = try cursor.next() {
                let pok: String? = row[1], verdict: String = row[2]
                verdicts.append(StoredReconciliation.Verdict(entryID: row[0], pokKey: pok.map { share($0, 0) },
                                                             verdict: share(verdict, 1), countedMinutes: row[3]))
            }
            let poks = try Row.fetchAll(db, sql: "SELECT * FROM reconcile_pok WHERE run_id = ? ORDER BY pok_key",
                                        arguments: [id]).map {
                StoredReconciliation.POKState(pokKey: $0["pok_key"], status: $0["status"], countedMinutes: $0["counted_minutes"])
            }
            return StoredReconciliation(referenceDate: CalendarDate(iso: run["reference_date"])!,
                                        inputsFingerprint: run["inputs_fingerprint"], verdicts: verdicts, poks: poks)
        }
    }
}
