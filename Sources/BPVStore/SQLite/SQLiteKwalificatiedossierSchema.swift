import GRDB

extension SQLiteSchema {
    /// v4: the structure of SBB's kwalificatiedossiers: kerntaken and werkprocessen per dossier, for the basisdeel
    /// (`crebo = ''`: every qualification of the dossier) or one profile's crebo; and the dossier of each crebo
    /// edition; the dossiers' titles. Public qualification texts only (codes and titles).
    static func registerKwalificatiedossierMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4: kwalificatiedossier kerntaken and werkprocessen, dossier per crebo") { db in
            try db.execute(sql: """
                ALTER TABLE kwalificatie ADD COLUMN dossier TEXT;
                CREATE TABLE kwalificatiedossier (
                    nr TEXT PRIMARY KEY,
                    titel TEXT,
                    batch_id INTEGER NOT NULL REFERENCES import_batch(id)
                );
                CREATE TABLE kerntaak (
                    dossier TEXT NOT NULL,
                    crebo TEXT NOT NULL DEFAULT '',
                    code TEXT NOT NULL,
                    titel TEXT,
                    batch_id INTEGER NOT NULL REFERENCES import_batch(id),
                    PRIMARY KEY (dossier, crebo, code)
                );
                CREATE TABLE werkproces (
                    dossier TEXT NOT NULL,
                    crebo TEXT NOT NULL DEFAULT '',
                    kerntaak TEXT NOT NULL,
                    code TEXT NOT NULL,
                    titel TEXT NOT NULL,
                    batch_id INTEGER NOT NULL REFERENCES import_batch(id),
                    source_line INTEGER NOT NULL,
                    element_path TEXT,
                    PRIMARY KEY (dossier, crebo, code),
                    FOREIGN KEY (dossier, crebo, kerntaak) REFERENCES kerntaak(dossier, crebo, code)
                );
                CREATE INDEX werkproces_by_crebo ON werkproces(crebo) WHERE crebo <> '';
                """)
        }
    }
}
