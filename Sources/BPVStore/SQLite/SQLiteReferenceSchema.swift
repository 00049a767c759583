import GRDB

extension SQLiteSchema {
    /// v2: reference data (SBB erkenning lists as snapshots, their changes, crebo lists, leerbedrijf aliases), POKs
    /// and findings. Register data is kept minimal (SBB licence): ids, crebos, dates, leerweg, a name; no addresses.
    static func registerReferenceMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2: reference snapshots, erkenningen, crebos, leerbedrijf aliases, POKs, findings") { db in
            try db.execute(sql: """
                CREATE TABLE leerbedrijf (
                    id TEXT PRIMARY KEY,
                    name TEXT,
                    batch_id INTEGER REFERENCES import_batch(id)
                );
                CREATE TABLE leerbedrijf_alias (
                    legacy_code TEXT PRIMARY KEY,
                    leerbedrijf_id TEXT NOT NULL,
                    origin TEXT NOT NULL,
                    batch_id INTEGER REFERENCES import_batch(id),
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE erkenning_snapshot (
                    id INTEGER PRIMARY KEY,
                    batch_id INTEGER NOT NULL UNIQUE REFERENCES import_batch(id),
                    source TEXT NOT NULL,
                    retrieved_on TEXT NOT NULL,
                    previous_id INTEGER REFERENCES erkenning_snapshot(id),
                    erkenningen INTEGER NOT NULL,
                    purged_at TEXT
                );
                CREATE INDEX erkenning_snapshot_by_source ON erkenning_snapshot(source, retrieved_on, id);
                CREATE TABLE erkenning (
                    snapshot_id INTEGER NOT NULL REFERENCES erkenning_snapshot(id),
                    leerbedrijf_ref TEXT NOT NULL,
                    crebo TEXT NOT NULL,
                    start_date TEXT NOT NULL,
                    end_date TEXT,
                    leerweg TEXT,
                    source_line INTEGER NOT NULL,
                    PRIMARY KEY (snapshot_id, leerbedrijf_ref, crebo, start_date)
                ) WITHOUT ROWID;
                CREATE INDEX erkenning_by_leerbedrijf ON erkenning(leerbedrijf_ref, crebo);
                CREATE TABLE erkenning_change (
                    id INTEGER PRIMARY KEY,
                    snapshot_id INTEGER NOT NULL REFERENCES erkenning_snapshot(id),
                    previous_snapshot_id INTEGER NOT NULL REFERENCES erkenning_snapshot(id),
                    kind TEXT NOT NULL,
                    leerbedrijf_id TEXT NOT NULL,
                    crebo TEXT NOT NULL,
                    old_start TEXT,
                    old_end TEXT,
                    old_leerweg TEXT,
                    new_start TEXT,
                    new_end TEXT,
                    new_leerweg TEXT
                );
                CREATE INDEX erkenning_change_by_snapshot ON erkenning_change(snapshot_id);
                CREATE INDEX erkenning_change_withdrawn ON erkenning_change(leerbedrijf_id, crebo) WHERE kind = 'withdrawn';
                CREATE TABLE kwalificatie (
                    crebo TEXT NOT NULL,
                    edition TEXT NOT NULL,
                    name TEXT,
                    niveau INTEGER,
                    soort TEXT,
                    leerweg TEXT,
                    einde_instroom TEXT,
                    einde_opleiding TEXT,
                    vervangen_door TEXT,
                    batch_id INTEGER NOT NULL REFERENCES import_batch(id),
                    source_line INTEGER NOT NULL,
                    PRIMARY KEY (crebo, edition)
                );
                CREATE TABLE pok (
                    id INTEGER PRIMARY KEY,
                    batch_id INTEGER NOT NULL REFERENCES import_batch(id),
                    source_key TEXT NOT NULL,
                    source_line INTEGER NOT NULL,
                    student_number TEXT NOT NULL,
                    leerbedrijf_id TEXT NOT NULL,
                    crebo TEXT NOT NULL,
                    begin_date TEXT NOT NULL,
                    end_date TEXT NOT NULL,
                    minutes INTEGER,
                    leerweg TEXT,
                    superseded_by INTEGER REFERENCES import_batch(id)
                );
                CREATE INDEX pok_current ON pok(crebo, leerbedrijf_id) WHERE superseded_by IS NULL;
                CREATE INDEX pok_by_source ON pok(source_key) WHERE superseded_by IS NULL;
                CREATE TABLE finding (
                    id INTEGER PRIMARY KEY,
                    rule TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    finding_date TEXT NOT NULL,
                    student_number TEXT,
                    leerbedrijf_id TEXT,
                    crebo TEXT,
                    subject TEXT NOT NULL,
                    evidence TEXT NOT NULL,
                    explanation TEXT NOT NULL,
                    batch_id INTEGER REFERENCES import_batch(id),
                    created_at TEXT NOT NULL
                );
                CREATE INDEX finding_by_batch ON finding(batch_id);
                """)
        }
    }
}
