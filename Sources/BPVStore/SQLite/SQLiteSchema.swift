import GRDB

/// The dossier schema, as GRDB migrations. Add a migration for every change; never edit a released one.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        // Hour entries carry no index that every insert must update: a batch's entries are one range of ids
        // (import_batch.first_entry_id ... last_entry_id), so finding them needs none; only unresolved entries
        // (few) are indexed, for alias resolution. An index by student (random-order inserts: it halved import
        // speed in BENCHMARKS.md) is left to the reconciliation, which reads all active entries in one pass.
        migrator.registerMigration("v1: employers, import batches, hour entries, rejects, aliases") { db in
            try db.execute(sql: """
                CREATE TABLE employer (
                    id TEXT PRIMARY KEY,
                    name TEXT,
                    leerbedrijf_id TEXT
                );
                CREATE TABLE import_batch (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL DEFAULT 'hours',
                    source_key TEXT NOT NULL,
                    employer_id TEXT,
                    mapping_name TEXT NOT NULL,
                    mapping_revision INTEGER NOT NULL,
                    identity_kind TEXT,
                    file_path TEXT NOT NULL,
                    file_size INTEGER NOT NULL,
                    content_fingerprint TEXT NOT NULL,
                    encoding TEXT,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    status TEXT NOT NULL,
                    message TEXT,
                    period_start TEXT,
                    period_end TEXT,
                    records_read INTEGER NOT NULL DEFAULT 0,
                    entries_stored INTEGER NOT NULL DEFAULT 0,
                    rejects INTEGER NOT NULL DEFAULT 0,
                    blank_records INTEGER NOT NULL DEFAULT 0,
                    superseded INTEGER NOT NULL DEFAULT 0,
                    unresolved INTEGER NOT NULL DEFAULT 0,
                    first_entry_id INTEGER,
                    last_entry_id INTEGER
                );
                CREATE INDEX import_batch_by_content ON import_batch(source_key, content_fingerprint);
                CREATE TABLE hour_entry (
                    id INTEGER PRIMARY KEY,
                    batch_id INTEGER NOT NULL REFERENCES import_batch(id),
                    record_number INTEGER NOT NULL,
                    source_line INTEGER NOT NULL,
                    byte_offset INTEGER,
                    employer_id TEXT NOT NULL,
                    employee_identity TEXT NOT NULL,
                    student_number TEXT,
                    leerbedrijf_id TEXT,
                    work_date TEXT NOT NULL,
                    start_time TEXT,
                    end_time TEXT,
                    minutes INTEGER NOT NULL,
                    category TEXT NOT NULL,
                    hour_type TEXT,
                    approved INTEGER,
                    external_id TEXT,
                    description TEXT,
                    superseded_by INTEGER REFERENCES import_batch(id)
                );
                CREATE INDEX hour_entry_unresolved ON hour_entry(employer_id)
                    WHERE student_number IS NULL;
                CREATE TABLE import_reject (
                    id INTEGER PRIMARY KEY,
                    batch_id INTEGER NOT NULL REFERENCES import_batch(id),
                    source_line INTEGER NOT NULL,
                    byte_offset INTEGER,
                    element_path TEXT,
                    column_name TEXT,
                    column_number INTEGER,
                    value TEXT,
                    reason TEXT NOT NULL,
                    expected TEXT,
                    record TEXT
                );
                CREATE INDEX import_reject_by_batch ON import_reject(batch_id);
                CREATE TABLE employee_alias (
                    employer_id TEXT NOT NULL,
                    identity_key TEXT NOT NULL,
                    identity TEXT NOT NULL,
                    student_number TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    PRIMARY KEY (employer_id, identity_key)
                );
                """)
        }
        registerReferenceMigration(&migrator)
        migrator.registerMigration("v3: entry actions, corrections by external id") { db in
            // action: what the source asked (add or change; voids are not stored as entries).
            // superseded_reason: why superseded_by is set: period (a re-export of the period), external_id (an
            // entry with the same id replaced it) or void (a void removed it).
            // The external-id index holds only active entries that have an id (sources with corrections).
            try db.execute(sql: """
                ALTER TABLE hour_entry ADD COLUMN action TEXT NOT NULL DEFAULT 'add';
                ALTER TABLE hour_entry ADD COLUMN superseded_reason TEXT;
                UPDATE hour_entry SET superseded_reason = 'period' WHERE superseded_by IS NOT NULL;
                ALTER TABLE import_batch ADD COLUMN voided INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX hour_entry_by_external_id ON hour_entry(external_id)
                    WHERE superseded_by IS NULL AND external_id IS NOT NULL;
                """)
        }
        registerKwalificatiedossierMigration(&migrator)
        migrator.registerMigration("v5: hour sources per employer, failed attempts, alias origin") { db in
            // An hour source is the employer (its feed), whatever mapping reads it: a mapping switch must not
            // import the same file again as a new source. Failed imports of the same content are one row with
            // an attempt count. Aliases remember whether the alias file or `bpv alias add` set them.
            try db.execute(sql: """
                UPDATE import_batch SET source_key = employer_id WHERE kind = 'hours' AND employer_id IS NOT NULL;
                ALTER TABLE import_batch ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
                ALTER TABLE import_batch ADD COLUMN replaced_batch INTEGER;
                ALTER TABLE employee_alias ADD COLUMN origin TEXT NOT NULL DEFAULT 'file';
                CREATE INDEX import_batch_by_size ON import_batch(source_key, file_size);
                """)
        }
        SQLiteStore.registerKeyedRecordMigration(&migrator)
        SQLiteStore.registerPOKMigration(&migrator)
        SQLiteStore.registerReconcileMigration(&migrator)
        SQLiteStore.registerExportMigration(&migrator)
        return migrator
    }
}
