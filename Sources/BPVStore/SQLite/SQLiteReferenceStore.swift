import BPVModel
import Foundation
import GRDB

/// SBB erkenning lists, crebo lists, aliases and findings in SQLite (see ``ReferenceStore``).
extension SQLiteStore: ReferenceStore {
    /// An erkenning's leerbedrijf as read: the alias's id for a legacy code, else the id as listed.
    private static let resolvedErkenningSQL = """
        SELECT e.*, COALESCE(a.leerbedrijf_id, e.leerbedrijf_ref) AS leerbedrijf_id, s.source, s.retrieved_on,
               b.file_path
        FROM erkenning e
        JOIN erkenning_snapshot s ON s.id = e.snapshot_id
        JOIN import_batch b ON b.id = s.batch_id
        LEFT JOIN leerbedrijf_alias a ON a.legacy_code = e.leerbedrijf_ref
        """

    private static let latestPerSourceSQL = """
        SELECT s.id FROM erkenning_snapshot s
        WHERE s.id = (SELECT s2.id FROM erkenning_snapshot s2 WHERE s2.source = s.source
                      ORDER BY s2.retrieved_on DESC, s2.id DESC LIMIT 1)
        """

    public func latestErkenningSnapshot(source: String) throws -> ErkenningSnapshot? {
        try queue.read { db in try Self.latestSnapshot(db, source: source) }
    }

    public func erkenningSnapshots() throws -> [ErkenningSnapshot] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM erkenning_snapshot ORDER BY retrieved_on DESC, id DESC")
                .map(Self.snapshot)
        }
    }

    public func erkenningen(snapshotID: Int64) throws -> [Erkenning] {
        try queue.read { db in
            try Row.fetchAll(db, sql: Self.resolvedErkenningSQL + " WHERE e.snapshot_id = ? ORDER BY e.source_line",
                             arguments: [snapshotID]).map(Self.erkenning)
        }
    }

    public func saveErkenningSnapshot(_ batch: NewImportBatch, snapshot: NewErkenningSnapshot,
                                      content: ErkenningSnapshotContent) throws -> (ImportBatch, ErkenningSnapshot) {
        try queue.write { db in
            let latest = try Self.latestSnapshot(db, source: snapshot.source)
            if let latest, latest.retrievedOn > snapshot.retrievedOn {
                throw SnapshotOrderError("the list was retrieved on \(snapshot.retrievedOn), before the latest snapshot "
                                         + "of \(snapshot.source) (\(latest.retrievedOn), snapshot \(latest.id))")
            }
            if latest?.id != snapshot.previousID {
                throw SnapshotOrderError("another snapshot of \(snapshot.source) was stored meanwhile; import again")
            }
            let status: ImportBatch.Status = content.rejects.isEmpty ? .imported : .importedWithRejects
            let batchID = try insertBatch(db, batch, status: status, message: nil)
            try db.execute(sql: """
                INSERT INTO erkenning_snapshot (batch_id, source, retrieved_on, previous_id, erkenningen)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [batchID, snapshot.source, snapshot.retrievedOn.iso, snapshot.previousID,
                                 content.erkenningen.count])
            let snapshotID = db.lastInsertedRowID
            let insert = try db.makeStatement(sql: """
                INSERT INTO erkenning (snapshot_id, leerbedrijf_ref, crebo, start_date, end_date, leerweg, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for e in content.erkenningen {
                try insert.execute(arguments: [snapshotID, e.leerbedrijfID, e.crebo, e.start.iso, e.end?.iso,
                                               e.leerweg?.rawValue, e.location?.line ?? 0])
            }
            for l in content.leerbedrijven {
                try db.execute(sql: """
                    INSERT INTO leerbedrijf (id, name, batch_id) VALUES (?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name = COALESCE(excluded.name, name), batch_id = excluded.batch_id
                    """, arguments: [l.id, l.name, batchID])
            }
            try Self.saveAliases(db, content.aliases, batchID: batchID)
            try Self.insertRejects(db, content.rejects, batchID: batchID)
            if let previous = snapshot.previousID {
                let change = try db.makeStatement(sql: """
                    INSERT INTO erkenning_change (snapshot_id, previous_snapshot_id, kind, leerbedrijf_id, crebo,
                        old_start, old_end, old_leerweg, new_start, new_end, new_leerweg)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for c in content.changes {
                    try change.execute(arguments: [snapshotID, previous, c.kind.rawValue, c.pair.leerbedrijfID,
                                                   c.pair.crebo, c.before?.start.iso, c.before?.end?.iso,
                                                   c.before?.leerweg?.rawValue, c.after?.start.iso, c.after?.end?.iso,
                                                   c.after?.leerweg?.rawValue])
                }
            }
            try Self.insertFindings(db, content.findings, batchID: batchID)
            try finishBatch(db, batchID, status: status, counts: content.counts)
            let stored = try Self.storedBatch(db, batchID)
            let snap = try Row.fetchOne(db, sql: "SELECT * FROM erkenning_snapshot WHERE id = ?",
                                        arguments: [snapshotID]).map(Self.snapshot)!
            return (stored, snap)
        }
    }

    @discardableResult
    public func purgeErkenningen(retrievedBefore date: CalendarDate) throws -> Int {
        try queue.write { db in
            let old = "SELECT id FROM erkenning_snapshot WHERE retrieved_on < ? AND purged_at IS NULL "
                + "AND id NOT IN (\(Self.latestPerSourceSQL))"
            try db.execute(sql: "DELETE FROM erkenning WHERE snapshot_id IN (\(old))", arguments: [date.iso])
            let removed = db.changesCount
            try db.execute(sql: "UPDATE erkenning_snapshot SET purged_at = ? WHERE id IN (\(old))",
                           arguments: [Self.now(), date.iso])
            return removed
        }
    }

    public func currentErkenningen(leerbedrijfIDs: Set<String>?) throws -> [Erkenning] {
        let all = try queue.read { db in
            try Row.fetchAll(db, sql: Self.resolvedErkenningSQL
                             + " WHERE e.snapshot_id IN (\(Self.latestPerSourceSQL)) ORDER BY leerbedrijf_id, e.crebo, e.start_date")
                .map(Self.erkenning)
        }
        guard let leerbedrijfIDs else { return all }
        return all.filter { leerbedrijfIDs.contains($0.leerbedrijfID) }
    }

    public func withdrawnErkenningen(leerbedrijfIDs: Set<String>?) throws -> [WithdrawnErkenning] {
        let all = try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.*, COALESCE(a.leerbedrijf_id, c.leerbedrijf_id) AS resolved, s.retrieved_on AS absent_from,
                       p.retrieved_on AS last_seen, s.source
                FROM erkenning_change c
                JOIN erkenning_snapshot s ON s.id = c.snapshot_id
                JOIN erkenning_snapshot p ON p.id = c.previous_snapshot_id
                LEFT JOIN leerbedrijf_alias a ON a.legacy_code = c.leerbedrijf_id
                WHERE c.kind = 'withdrawn' ORDER BY c.id
                """).compactMap { row -> WithdrawnErkenning? in
                guard let start = (row["old_start"] as String?).flatMap(CalendarDate.init(iso:)),
                      let lastSeen = CalendarDate(iso: row["last_seen"]),
                      let absentFrom = CalendarDate(iso: row["absent_from"]) else { return nil }
                let e = Erkenning(leerbedrijfID: row["resolved"], crebo: row["crebo"], start: start,
                                  end: (row["old_end"] as String?).flatMap(CalendarDate.init(iso:)),
                                  leerweg: (row["old_leerweg"] as String?).flatMap(Leerweg.init(rawValue:)),
                                  listSource: row["source"], retrievedOn: lastSeen)
                return WithdrawnErkenning(erkenning: e, lastSeen: lastSeen, absentFrom: absentFrom)
            }
        }
        guard let leerbedrijfIDs else { return all }
        return all.filter { leerbedrijfIDs.contains($0.erkenning.leerbedrijfID) }
    }

    public func erkenningChanges(snapshotID: Int64) throws -> [ErkenningChange] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM erkenning_change WHERE snapshot_id = ? ORDER BY id",
                             arguments: [snapshotID]).compactMap { row in
                let pair = LeerbedrijfCrebo(leerbedrijfID: row["leerbedrijf_id"], crebo: row["crebo"])
                func side(_ prefix: String) -> Erkenning? {
                    guard let start = (row[prefix + "_start"] as String?).flatMap(CalendarDate.init(iso:)) else { return nil }
                    return Erkenning(leerbedrijfID: pair.leerbedrijfID, crebo: pair.crebo, start: start,
                                     end: (row[prefix + "_end"] as String?).flatMap(CalendarDate.init(iso:)),
                                     leerweg: (row[prefix + "_leerweg"] as String?).flatMap(Leerweg.init(rawValue:)))
                }
                guard let kind = ErkenningChange.Kind(rawValue: row["kind"]) else { return nil }
                return ErkenningChange(kind: kind, pair: pair, before: side("old"), after: side("new"))
            }
        }
    }

    public func leerbedrijfAliases() throws -> [LeerbedrijfAlias] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM leerbedrijf_alias ORDER BY legacy_code").map {
                LeerbedrijfAlias(legacyCode: $0["legacy_code"], leerbedrijfID: $0["leerbedrijf_id"],
                                 origin: LeerbedrijfAlias.Origin(rawValue: $0["origin"]) ?? .list)
            }
        }
    }

    public func saveLeerbedrijfAliases(_ aliases: [LeerbedrijfAlias]) throws {
        try queue.write { db in try Self.saveAliases(db, aliases, batchID: nil) }
    }

    public func leerbedrijven(ids: Set<String>) throws -> [Leerbedrijf] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name FROM leerbedrijf ORDER BY id")
                .map { Leerbedrijf(id: $0["id"], name: $0["name"]) }
                .filter { ids.contains($0.id) }
        }
    }

    public func saveCrebos(_ batch: NewImportBatch, kwalificaties: [Crebo], rejects: [Reject],
                                  counts: ImportCounts) throws -> ImportBatch {
        try queue.write { db in
            let status: ImportBatch.Status = rejects.isEmpty ? .imported : .importedWithRejects
            let batchID = try insertBatch(db, batch, status: status, message: nil)
            let upsert = try db.makeStatement(sql: """
                INSERT INTO kwalificatie (crebo, edition, name, niveau, soort, leerweg, einde_instroom, einde_opleiding,
                    vervangen_door, batch_id, source_line, dossier)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (crebo, edition) DO UPDATE SET
                    name = COALESCE(excluded.name, name), niveau = COALESCE(excluded.niveau, niveau),
                    soort = COALESCE(excluded.soort, soort), leerweg = COALESCE(excluded.leerweg, leerweg),
                    einde_instroom = COALESCE(excluded.einde_instroom, einde_instroom),
                    einde_opleiding = COALESCE(excluded.einde_opleiding, einde_opleiding),
                    vervangen_door = COALESCE(excluded.vervangen_door, vervangen_door),
                    dossier = COALESCE(excluded.dossier, dossier),
                    batch_id = excluded.batch_id, source_line = excluded.source_line
                """)
            for k in kwalificaties {
                try upsert.execute(arguments: [k.crebo, k.geldigVanaf?.iso ?? "", k.name, k.niveau, k.soort,
                                               k.leerweg?.rawValue, k.eindeInstroom?.iso, k.eindeOpleiding?.iso,
                                               k.vervangenDoor.isEmpty ? nil : k.vervangenDoor.joined(separator: ","),
                                               batchID, k.location?.line ?? 0, k.dossier])
            }
            return try completeBatch(db, batchID, rejects: rejects, status: status, counts: counts)
        }
    }

    public func kwalificaties(crebos: Set<String>?) throws -> [Crebo] {
        let all = try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT k.*, b.file_path FROM kwalificatie k JOIN import_batch b ON b.id = k.batch_id
                ORDER BY k.crebo, k.edition
                """).map { row in
                let edition: String = row["edition"]
                return Crebo(
                    crebo: row["crebo"], name: row["name"], niveau: row["niveau"], soort: row["soort"],
                    leerweg: (row["leerweg"] as String?).flatMap(Leerweg.init(rawValue:)),
                    geldigVanaf: CalendarDate(iso: edition),
                    eindeInstroom: (row["einde_instroom"] as String?).flatMap(CalendarDate.init(iso:)),
                    eindeOpleiding: (row["einde_opleiding"] as String?).flatMap(CalendarDate.init(iso:)),
                    vervangenDoor: (row["vervangen_door"] as String?).map { $0.split(separator: ",").map(String.init) } ?? [],
                    dossier: row["dossier"],
                    location: SourceLocation(file: row["file_path"], line: row["source_line"]))
            }
        }
        guard let crebos else { return all }
        return all.filter { crebos.contains($0.crebo) }
    }

    public func findings(batchID: Int64) throws -> [Finding] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM finding WHERE batch_id = ? ORDER BY id", arguments: [batchID])
                .map(Self.finding)
        }
    }

    // MARK: - Rows

    /// The end of a reference import: its rejects stored, the batch finished with its counts; returns it as stored.
    func completeBatch(_ db: Database, _ batchID: Int64, rejects: [Reject], status: ImportBatch.Status,
                       counts: ImportCounts) throws -> ImportBatch {
        try Self.insertRejects(db, rejects, batchID: batchID)
        try finishBatch(db, batchID, status: status, counts: counts)
        return try Self.storedBatch(db, batchID)
    }

    func finishBatch(_ db: Database, _ batchID: Int64, status: ImportBatch.Status, counts: ImportCounts) throws {
        try db.execute(sql: """
            UPDATE import_batch SET finished_at = ?, status = ?, records_read = ?, entries_stored = ?, rejects = ?,
                blank_records = ?, superseded = ? WHERE id = ?
            """, arguments: [Self.now(), status.rawValue, counts.recordsRead, counts.entriesStored, counts.rejects,
                             counts.blankRecords, counts.superseded, batchID])
    }

    static func insertRejects(_ db: Database, _ rejects: [Reject], batchID: Int64) throws {
        guard !rejects.isEmpty else { return }
        let insert = try db.makeStatement(sql: """
            INSERT INTO import_reject (batch_id, source_line, byte_offset, element_path, column_name, column_number,
                value, reason, expected, record)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for r in rejects {
            try insert.execute(arguments: [batchID, r.location.line, r.location.byteOffset, r.location.elementPath,
                                           r.column, r.columnNumber, r.value, r.reason, r.expected, r.record])
        }
    }

    static func insertFindings(_ db: Database, _ findings: [Finding], batchID: Int64?) throws {
        guard !findings.isEmpty else { return }
        let insert = try db.makeStatement(sql: """
            INSERT INTO finding (rule, severity, finding_date, student_number, leerbedrijf_id, crebo, subject, evidence,
                explanation, batch_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let now = Self.now()
        for f in findings {
            try insert.execute(arguments: [f.rule, f.severity.rawValue, f.date.iso, f.studentNumber, f.leerbedrijfID,
                                           f.crebo, f.subject, f.evidence, f.explanation, batchID, now])
        }
    }

    /// A manual alias wins over one a list taught.
    static func saveAliases(_ db: Database, _ aliases: [LeerbedrijfAlias], batchID: Int64?) throws {
        for alias in aliases {
            try db.execute(sql: """
                INSERT INTO leerbedrijf_alias (legacy_code, leerbedrijf_id, origin, batch_id, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (legacy_code) DO UPDATE SET leerbedrijf_id = excluded.leerbedrijf_id,
                    origin = excluded.origin, batch_id = excluded.batch_id, updated_at = excluded.updated_at
                WHERE excluded.origin = 'manual' OR leerbedrijf_alias.origin <> 'manual'
                """, arguments: [alias.legacyCode, alias.leerbedrijfID, alias.origin.rawValue, batchID, Self.now()])
        }
    }

    static func latestSnapshot(_ db: Database, source: String) throws -> ErkenningSnapshot? {
        try Row.fetchOne(db, sql: """
            SELECT * FROM erkenning_snapshot WHERE source = ? ORDER BY retrieved_on DESC, id DESC LIMIT 1
            """, arguments: [source]).map(snapshot)
    }

    static func snapshot(_ row: Row) -> ErkenningSnapshot {
        ErkenningSnapshot(id: row["id"], batchID: row["batch_id"], source: row["source"],
                          retrievedOn: CalendarDate(iso: row["retrieved_on"])!, previousID: row["previous_id"],
                          erkenningCount: row["erkenningen"], purgedAt: row["purged_at"])
    }

    static func erkenning(_ row: Row) -> Erkenning {
        let resolved: String = row["leerbedrijf_id"]
        let listed: String = row["leerbedrijf_ref"]
        return Erkenning(leerbedrijfID: resolved, listedAs: listed == resolved ? nil : listed, crebo: row["crebo"],
                         start: CalendarDate(iso: row["start_date"])!,
                         end: (row["end_date"] as String?).flatMap(CalendarDate.init(iso:)),
                         leerweg: (row["leerweg"] as String?).flatMap(Leerweg.init(rawValue:)),
                         listSource: row["source"], retrievedOn: CalendarDate(iso: row["retrieved_on"]),
                         location: SourceLocation(file: row["file_path"], line: row["source_line"]))
    }

    static func finding(_ row: Row) -> Finding {
        Finding(rule: row["rule"], severity: Finding.Severity(rawValue: row["severity"]) ?? .warning,
                date: CalendarDate(iso: row["finding_date"])!, studentNumber: row["student_number"],
                leerbedrijfID: row["leerbedrijf_id"], crebo: row["crebo"], subject: row["subject"],
                evidence: row["evidence"], explanation: row["explanation"])
    }
}
