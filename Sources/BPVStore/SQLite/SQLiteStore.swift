import BPVModel
import Foundation
import GRDB

/// The dossier in one SQLite file (no server), through GRDB. Migrates the schema when opened.
public final class SQLiteStore: Store {
    public let path: String
    let queue: DatabaseQueue

    /// Opens (or creates) the database at `path` and brings its schema up to date. `":memory:"` for tests.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        // A reader that meets the nightly import's write lock waits for it instead of failing at once.
        configuration.busyMode = .timeout(60)
        configuration.prepareDatabase { db in
            // The rollback journal, not WAL: an import appends pages, which the journal writes once, where WAL writes
            // every page twice (into the log, then back at the checkpoint). BENCHMARKS.md: 5M rows 13.0 s in WAL
            // against 11.0 s, peak RSS 66 against 57 MiB. The nightly job is the only writer; readers wait
            // (busyMode above) while a large import commits.
            if db.configuration.readonly == false && path != ":memory:" {
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            try db.execute(sql: "PRAGMA cache_size = -8192") // 8 MiB page cache: bounded memory (imports only append)
            // The one definition of how identities match (trimmed, NBSP removed, lower-cased), also in SQL.
            db.add(function: DatabaseFunction("bpv_identity_key", argumentCount: 1, pure: true) { values in
                (String.fromDatabaseValue(values[0])).map(AliasKey.normalise)
            })
        }
        do {
            if path == ":memory:" {
                queue = try DatabaseQueue(configuration: configuration)
            } else {
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                queue = try DatabaseQueue(path: path, configuration: configuration)
            }
            try SQLiteSchema.migrator.migrate(queue)
        } catch {
            throw StoreError("cannot open the store \(path): \(error)")
        }
        if path != ":memory:" { chmod(path, 0o600) } // personal data: not world-readable
    }

    public func findImport(sourceKey: String, contentFingerprint: String, fileSize: Int,
                           legacyFingerprint: String?) throws -> ImportBatch? {
        let found = try queue.read { db in
            try Row.fetchOne(db, sql: """
                SELECT * FROM import_batch WHERE source_key = ? AND content_fingerprint = ? AND file_size = ?
                    AND status <> 'failed' ORDER BY id DESC LIMIT 1
                """, arguments: [sourceKey, contentFingerprint, fileSize]).map(Self.batch)
        }
        guard found == nil, let legacyFingerprint else { return found }
        return try queue.write { db in
            guard let legacy = try Row.fetchOne(db, sql: """
                SELECT * FROM import_batch WHERE source_key = ? AND content_fingerprint = ? AND file_size = ?
                    AND status <> 'failed' ORDER BY id DESC LIMIT 1
                """, arguments: [sourceKey, legacyFingerprint, fileSize]).map(Self.batch) else { return nil }
            try db.execute(sql: "UPDATE import_batch SET content_fingerprint = ? WHERE id = ?",
                           arguments: [contentFingerprint, legacy.id])
            return try Self.storedBatch(db, legacy.id)
        }
    }

    public func importHours(_ batch: NewImportBatch, body: (any HourImportWriter) throws -> Void) throws -> ImportBatch {
        try queue.write { db in
            let batchID = try insertBatch(db, batch, status: .imported, message: nil)
            let aliases = try loadAliases(db, employerID: batch.employerID)
            let writer = try SQLiteHourImportWriter(db: db, batchID: batchID, sourceKey: batch.sourceKey,
                                                    aliases: aliases,
                                                    supersedeByExternalID: batch.supersedeByExternalID)
            try body(writer)
            var counts = ImportCounts()
            counts.recordsRead = writer.recordsRead
            counts.blankRecords = writer.blankRecords
            counts.entriesStored = writer.entryCount
            counts.rejects = writer.rejectCount
            counts.unresolved = writer.unresolvedCount
            counts.superseded = writer.replacedCount
            counts.voided = writer.voidedCount
            if let replaced = batch.replacesBatchID {
                try db.execute(sql: """
                    UPDATE hour_entry SET superseded_by = ?, superseded_reason = 'reimport'
                    WHERE batch_id = ? AND superseded_by IS NULL
                    """, arguments: [batchID, replaced])
                counts.superseded += db.changesCount
                try db.execute(sql: "UPDATE import_batch SET replaced_batch = ? WHERE id = ?", arguments: [replaced, batchID])
            }
            if batch.supersedeByPeriod, let first = writer.firstDate, let last = writer.lastDate {
                counts.superseded += try supersede(db, by: batchID, sourceKey: batch.sourceKey, from: first, to: last)
            }
            let status: ImportBatch.Status = counts.rejects > 0 ? .importedWithRejects : .imported
            try db.execute(sql: """
                UPDATE import_batch SET finished_at = ?, status = ?, encoding = COALESCE(?, encoding),
                    period_start = ?, period_end = ?, records_read = ?, entries_stored = ?, rejects = ?,
                    blank_records = ?, superseded = ?, unresolved = ?, first_entry_id = ?, last_entry_id = ?, voided = ?
                WHERE id = ?
                """, arguments: [Self.now(), status.rawValue, writer.encoding, writer.firstDate?.iso,
                                 writer.lastDate?.iso, counts.recordsRead, counts.entriesStored, counts.rejects,
                                 counts.blankRecords, counts.superseded, counts.unresolved, writer.firstEntryID,
                                 writer.lastEntryID, counts.voided, batchID])
            return try Self.storedBatch(db, batchID)
        }
    }

    /// The supersede rule: earlier active entries of the same source dated within the new batch's period. Each
    /// earlier batch whose period overlaps is visited through its id range, so no date index is needed.
    private func supersede(_ db: Database, by batchID: Int64, sourceKey: String, from first: CalendarDate,
                           to last: CalendarDate) throws -> Int {
        let earlier = try Row.fetchAll(db, sql: """
            SELECT first_entry_id, last_entry_id FROM import_batch
            WHERE source_key = ? AND id <> ? AND status <> 'failed' AND first_entry_id IS NOT NULL
              AND period_start <= ? AND period_end >= ?
            """, arguments: [sourceKey, batchID, last.iso, first.iso])
        var count = 0
        for range in earlier {
            try db.execute(sql: """
                UPDATE hour_entry SET superseded_by = ?, superseded_reason = 'period'
                WHERE id BETWEEN ? AND ? AND superseded_by IS NULL AND work_date BETWEEN ? AND ?
                """, arguments: [batchID, range["first_entry_id"] as Int64, range["last_entry_id"] as Int64,
                                 first.iso, last.iso])
            count += db.changesCount
        }
        return count
    }

    public func recordFailedImport(_ batch: NewImportBatch, message: String, counts: ImportCounts) throws -> ImportBatch {
        try queue.write { db in
            let earlier = try Int64.fetchOne(db, sql: """
                SELECT id FROM import_batch WHERE source_key = ? AND content_fingerprint = ? AND file_size = ?
                    AND status = 'failed' ORDER BY id DESC LIMIT 1
                """, arguments: [batch.sourceKey, batch.contentFingerprint, batch.fileSize])
            let id: Int64
            if let earlier {
                id = earlier
                try db.execute(sql: """
                    UPDATE import_batch SET attempts = attempts + 1, message = ?, file_path = ?, mapping_name = ?,
                        mapping_revision = ? WHERE id = ?
                    """, arguments: [message, batch.filePath, batch.mappingName, batch.mappingRevision, id])
            } else {
                id = try insertBatch(db, batch, status: .failed, message: message)
            }
            try db.execute(sql: """
                UPDATE import_batch SET finished_at = ?, records_read = ?, rejects = ?, blank_records = ? WHERE id = ?
                """, arguments: [Self.now(), counts.recordsRead, counts.rejects, counts.blankRecords, id])
            return try Self.storedBatch(db, id)
        }
    }

    public func saveAliases(_ aliases: [EmployeeAlias], origin: AliasOrigin) throws -> AliasSaveResult {
        try queue.write { db in
            var result = AliasSaveResult()
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO employee_alias (employer_id, identity_key, identity, student_number, updated_at, origin)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (employer_id, identity_key) DO UPDATE
                    SET identity = excluded.identity, student_number = excluded.student_number,
                        updated_at = excluded.updated_at, origin = excluded.origin
                    WHERE student_number <> excluded.student_number OR identity <> excluded.identity
                """)
            let now = Self.now()
            for alias in aliases {
                let key = AliasKey.normalise(alias.identity)
                if let earlier = try Row.fetchOne(db, sql: """
                    SELECT student_number, origin, updated_at FROM employee_alias WHERE employer_id = ? AND identity_key = ?
                    """, arguments: [alias.employerID, key]) {
                    let student: String = earlier["student_number"]
                    if student != alias.studentNumber {
                        if origin == .file && (earlier["origin"] as String) == AliasOrigin.command.rawValue {
                            result.conflicts.append(.init(fileAlias: alias, commandStudent: student,
                                                          commandSetAt: earlier["updated_at"]))
                        }
                        // The entries linked through this alias follow it to the new student.
                        try db.execute(sql: """
                            UPDATE hour_entry SET student_number = ?
                            WHERE employer_id = ? AND student_number = ? AND bpv_identity_key(employee_identity) = ?
                            """, arguments: [alias.studentNumber, alias.employerID, student, key])
                        result.moves.append(.init(alias: alias, previousStudent: student, entriesMoved: db.changesCount))
                    }
                }
                try upsert.execute(arguments: [alias.employerID, key, alias.identity, alias.studentNumber, now,
                                               origin.rawValue])
            }
            // Link the stored unresolved entries in one pass per employer (the partial index holds only those).
            for employer in Set(aliases.map(\.employerID)).sorted() {
                try db.execute(sql: """
                    UPDATE hour_entry SET student_number = (
                        SELECT a.student_number FROM employee_alias a
                        WHERE a.employer_id = hour_entry.employer_id
                          AND a.identity_key = bpv_identity_key(hour_entry.employee_identity))
                    WHERE student_number IS NULL AND employer_id = ?
                      AND bpv_identity_key(employee_identity) IN
                          (SELECT identity_key FROM employee_alias WHERE employer_id = ?)
                    """, arguments: [employer, employer])
                result.resolved += db.changesCount
            }
            return result
        }
    }

    public func employerLeerbedrijven() throws -> [String: String] {
        try queue.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT id, leerbedrijf_id FROM employer WHERE leerbedrijf_id IS NOT NULL
                """).map { ($0["id"] as String, $0["leerbedrijf_id"] as String) })
        }
    }

    public func employerIDs() throws -> [String] {
        try queue.read { db in try String.fetchAll(db, sql: "SELECT id FROM employer ORDER BY id") }
    }

    public func saveEmployer(id: String, name: String?, leerbedrijfID: String?) throws {
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO employer (id, name, leerbedrijf_id) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, leerbedrijf_id = excluded.leerbedrijf_id
                """, arguments: [id, name, leerbedrijfID])
        }
    }

    public func activeHourEntries(employerID: String?, studentNumber: String?) throws -> [StoredHourEntry] {
        try queue.read { db in
            var sql = "SELECT h.*, b.file_path FROM hour_entry h JOIN import_batch b ON b.id = h.batch_id WHERE h.superseded_by IS NULL"
            var arguments: StatementArguments = []
            if let employerID { sql += " AND h.employer_id = ?"; arguments += [employerID] }
            if let studentNumber { sql += " AND h.student_number = ?"; arguments += [studentNumber] }
            sql += " ORDER BY h.work_date, h.start_time, h.id"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.storedEntry)
        }
    }

    public func forEachActiveHourEntry(_ body: (StoredHourEntry) throws -> Void) throws {
        try queue.read { db in
            // Columns by position and repeated texts shared: reading 3.5M entries by column name cost more than
            // the reconciliation itself (GRDB lower-cases every name it looks up).
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT h.id, h.batch_id, h.employer_id, h.employee_identity, h.student_number, h.leerbedrijf_id,
                    h.work_date, h.start_time, h.end_time, h.minutes, h.category, h.hour_type, h.approved,
                    h.external_id, h.action, h.description, b.file_path, h.source_line, h.byte_offset
                FROM hour_entry h JOIN import_batch b ON b.id = h.batch_id
                WHERE h.superseded_by IS NULL ORDER BY h.id
                """)
            // A text equal to the same column's in the row before (an export's rows share employer, file, ...)
            // is taken from there without hashing; else from the texts seen so far.
            var shared: [String: String] = [:]
            var before = [String?](repeating: nil, count: 19)
            func share(_ text: String?, _ column: Int) -> String? {
                guard let text else { return nil }
                if let last = before[column], last == text { return last }
                var kept = text
                if let known = shared[text] { kept = known } else if shared.count < 100_000 { shared[text] = text }
                before[column] = kept
                return kept
            }
            var dates: [String: CalendarDate] = [:]
            var lastDay = "", lastDate = CalendarDate(year: 2000, month: 1, day: 1)!
            while let row = try cursor.next() {
                let day: String = row[6]
                let date: CalendarDate
                if day == lastDay {
                    date = lastDate
                } else if let known = dates[day] {
                    date = known
                } else {
                    date = CalendarDate(iso: day)!
                    dates[day] = date
                }
                (lastDay, lastDate) = (day, date)
                let approved: Int? = row[12]
                let entry = HourEntry(
                    employerID: share(row[2], 2)!, employeeIdentity: share(row[3], 3)!, studentNumber: share(row[4], 4),
                    leerbedrijfID: share(row[5], 5), date: date,
                    start: (row[7] as String?).flatMap { TimeOfDay(storage: $0) },
                    end: (row[8] as String?).flatMap { TimeOfDay(storage: $0) },
                    minutes: row[9], category: HourCategory(rawValue: row[10]) ?? .other, hourType: share(row[11], 11),
                    approved: approved.map { $0 != 0 }, externalID: row[13],
                    action: EntryAction(rawValue: row[14]) ?? .add, description: row[15],
                    source: SourceLocation(file: share(row[16], 16)!, line: row[17], byteOffset: row[18]))
                try body(StoredHourEntry(id: row[0], batchID: row[1], entry: entry, supersededBy: nil))
            }
        }
    }

    public func rejects(batchID: Int64) throws -> [Reject] {
        try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.*, b.file_path FROM import_reject r JOIN import_batch b ON b.id = r.batch_id
                WHERE r.batch_id = ? ORDER BY r.id
                """, arguments: [batchID]).map { row in
                Reject(location: SourceLocation(file: row["file_path"], line: row["source_line"],
                                                byteOffset: row["byte_offset"], elementPath: row["element_path"]),
                       column: row["column_name"], columnNumber: row["column_number"], value: row["value"],
                       reason: row["reason"], expected: row["expected"], record: row["record"])
            }
        }
    }

    public func importBatches(limit: Int) throws -> [ImportBatch] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM import_batch ORDER BY id DESC LIMIT ?", arguments: [limit])
                .map(Self.batch)
        }
    }

    public func unresolvedIdentities() throws -> [(employerID: String, identity: String, entries: Int)] {
        try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT employer_id, employee_identity, COUNT(*) AS n FROM hour_entry
                WHERE student_number IS NULL AND superseded_by IS NULL
                GROUP BY employer_id, employee_identity ORDER BY employer_id, employee_identity
                """).map { ($0["employer_id"], $0["employee_identity"], $0["n"]) }
        }
    }

    // MARK: - Rows

    func insertBatch(_ db: Database, _ batch: NewImportBatch, status: ImportBatch.Status,
                     message: String?) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO import_batch (kind, source_key, employer_id, mapping_name, mapping_revision, identity_kind,
                file_path, file_size, content_fingerprint, encoding, started_at, status, message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [batch.kind, batch.sourceKey, batch.employerID, batch.mappingName, batch.mappingRevision,
                             batch.identityKind.rawValue,
                             batch.filePath, batch.fileSize, batch.contentFingerprint, batch.encoding, Self.now(),
                             status.rawValue, message])
        return db.lastInsertedRowID
    }

    private func loadAliases(_ db: Database, employerID: String?) throws -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        let rows = try Row.fetchAll(db, sql: "SELECT employer_id, identity_key, student_number FROM employee_alias")
        for row in rows {
            result[row["employer_id"], default: [:]][row["identity_key"]] = row["student_number"]
        }
        return result
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date())
    }

    /// The import batch `id` as stored.
    static func storedBatch(_ db: Database, _ id: Int64) throws -> ImportBatch {
        try Row.fetchOne(db, sql: "SELECT * FROM import_batch WHERE id = ?", arguments: [id]).map(Self.batch)!
    }

    static func batch(_ row: Row) -> ImportBatch {
        var counts = ImportCounts()
        counts.recordsRead = row["records_read"]
        counts.entriesStored = row["entries_stored"]
        counts.rejects = row["rejects"]
        counts.blankRecords = row["blank_records"]
        counts.superseded = row["superseded"]
        counts.unresolved = row["unresolved"]
        counts.voided = row["voided"]
        return ImportBatch(id: row["id"], sourceKey: row["source_key"], employerID: row["employer_id"],
                           mappingName: row["mapping_name"], mappingRevision: row["mapping_revision"],
                           filePath: row["file_path"], fileSize: row["file_size"],
                           contentFingerprint: row["content_fingerprint"], encoding: row["encoding"],
                           startedAt: row["started_at"],
                           status: ImportBatch.Status(rawValue: row["status"]) ?? .failed, message: row["message"],
                           periodStart: (row["period_start"] as String?).flatMap { CalendarDate(iso: $0) },
                           periodEnd: (row["period_end"] as String?).flatMap { CalendarDate(iso: $0) },
                           counts: counts, attempts: row["attempts"] ?? 1)
    }

    static func storedEntry(_ row: Row) -> StoredHourEntry {
        let approved: Int? = row["approved"]
        let entry = HourEntry(
            employerID: row["employer_id"], employeeIdentity: row["employee_identity"],
            studentNumber: row["student_number"], leerbedrijfID: row["leerbedrijf_id"],
            date: CalendarDate(iso: row["work_date"])!,
            start: (row["start_time"] as String?).flatMap { TimeOfDay(storage: $0) },
            end: (row["end_time"] as String?).flatMap { TimeOfDay(storage: $0) },
            minutes: row["minutes"], category: HourCategory(rawValue: row["category"]) ?? .other,
            hourType: row["hour_type"], approved: approved.map { $0 != 0 }, externalID: row["external_id"],
            action: EntryAction(rawValue: row["action"]) ?? .add, description: row["description"],
            source: SourceLocation(file: row["file_path"], line: row["source_line"], byteOffset: row["byte_offset"]))
        return StoredHourEntry(id: row["id"], batchID: row["batch_id"], entry: entry, supersededBy: row["superseded_by"])
    }
}
