import BPVModel
import GRDB
import GRDBSQLite

/// Streams one import's entries and rejects into SQLite with prepared statements bound through the C API (GRDB's
/// argument arrays cost more than the insert itself at a million rows). Lives inside the import's transaction.
final class SQLiteHourImportWriter: HourImportWriter {
    private let connection: OpaquePointer
    private let batchID: Int64
    private let sourceKey: String
    private let identityKind: String
    private let aliases: [String: [String: String]]   // employer -> identity key -> studentnummer
    private let supersedeByExternalID: Bool
    /// Whether the source had active entries with an external id before this import: only then, or when the id
    /// was written earlier in this file, can an `add` replace anything (saves an UPDATE per entry otherwise).
    private var sourceHadActiveIDs = true
    private var idsWritten = IDFilter()
    private var resolvedCache: [String: String?] = [:]
    private var insertEntry: OpaquePointer?
    private var insertReject: OpaquePointer?
    private var supersedeByID: OpaquePointer?
    private var recordNumber: Int64 = 0
    private(set) var entryCount = 0
    private(set) var rejectCount = 0
    private(set) var unresolvedCount = 0
    /// Earlier entries replaced by an entry with the same external id.
    private(set) var replacedCount = 0
    /// Earlier entries removed by a void.
    private(set) var voidedCount = 0
    private(set) var firstDate: CalendarDate?
    private(set) var lastDate: CalendarDate?
    var recordsRead = 0
    var blankRecords = 0
    var encoding: String?

    init(db: Database, batchID: Int64, sourceKey: String, identityKind: EmployeeIdentityKind,
         aliases: [String: [String: String]], supersedeByExternalID: Bool) throws {
        guard let connection = db.sqliteConnection else { throw StoreError("the SQLite connection is closed") }
        self.connection = connection
        self.batchID = batchID
        self.sourceKey = sourceKey
        self.identityKind = identityKind.rawValue
        self.aliases = aliases
        self.supersedeByExternalID = supersedeByExternalID
        insertEntry = try prepare("""
            INSERT INTO hour_entry (batch_id, record_number, source_line, byte_offset, source_key, employer_id,
                employee_identity, identity_kind, student_number, leerbedrijf_id, work_date, start_time, end_time,
                minutes, category, hour_type, approved, external_id, description, action)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)
            """)
        supersedeByID = try prepare("""
            UPDATE hour_entry SET superseded_by = ?1, superseded_reason = ?2
            WHERE source_key = ?3 AND external_id = ?4 AND superseded_by IS NULL
            """)
        if supersedeByExternalID {
            sourceHadActiveIDs = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM hour_entry WHERE source_key = ? AND superseded_by IS NULL
                    AND external_id IS NOT NULL)
                """, arguments: [sourceKey]) ?? true
        }
        insertReject = try prepare("""
            INSERT INTO import_reject (batch_id, source_line, byte_offset, element_path, column_name, column_number,
                value, reason, expected, record)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            """)
    }

    deinit {
        sqlite3_finalize(insertEntry)
        sqlite3_finalize(insertReject)
        sqlite3_finalize(supersedeByID)
    }

    private func prepare(_ sql: String) throws -> OpaquePointer? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else {
            throw StoreError("cannot prepare statement: \(String(cString: sqlite3_errmsg(connection)))")
        }
        return statement
    }

    func setReaderCounts(recordsRead: Int, blankRecords: Int) {
        self.recordsRead = recordsRead
        self.blankRecords = blankRecords
    }

    func setEncoding(_ encoding: String) { self.encoding = encoding }

    /// The student for an employer's identity: mapped directly, else through the alias table (ignoring case).
    private func student(for entry: HourEntry) -> String? {
        if let direct = entry.studentNumber { return direct }
        guard let table = aliases[entry.employerID] else { return nil }
        if let cached = resolvedCache[entry.employeeIdentity] { return cached }
        let found = table[AliasKey.normalise(entry.employeeIdentity)]
        resolvedCache[entry.employeeIdentity] = found
        return found
    }

    func write(_ entries: [HourEntry]) throws {
        guard let s = insertEntry else { return }
        for entry in entries {
            if entry.action == .void {
                try void(entry)
                continue
            }
            if let id = entry.externalID, entry.action == .change || supersedeByExternalID {
                if entry.action == .change || sourceHadActiveIDs || idsWritten.mightContain(id) {
                    replacedCount += try supersede(externalID: id, reason: "external_id")
                }
                idsWritten.insert(id)
            }
            recordNumber += 1
            let student = student(for: entry)
            if student == nil { unresolvedCount += 1 }
            if firstDate == nil || entry.date < firstDate! { firstDate = entry.date }
            if lastDate == nil || entry.date > lastDate! { lastDate = entry.date }
            sqlite3_bind_int64(s, 1, batchID)
            sqlite3_bind_int64(s, 2, recordNumber)
            sqlite3_bind_int64(s, 3, Int64(entry.source.line))
            bind(s, 4, entry.source.byteOffset)
            bind(s, 5, sourceKey)
            bind(s, 6, entry.employerID)
            bind(s, 7, entry.employeeIdentity)
            bind(s, 8, identityKind)
            bind(s, 9, student)
            bind(s, 10, entry.leerbedrijfID)
            bind(s, 11, entry.date.iso)
            bind(s, 12, entry.start?.description)
            bind(s, 13, entry.end?.description)
            sqlite3_bind_int64(s, 14, Int64(entry.minutes))
            bind(s, 15, entry.category.rawValue)
            bind(s, 16, entry.hourType)
            bind(s, 17, entry.approved.map { $0 ? 1 : 0 })
            bind(s, 18, entry.externalID)
            bind(s, 19, entry.description)
            bind(s, 20, entry.action.rawValue)
            try step(s)
            entryCount += 1
        }
    }

    /// Marks the active entries of this source with `externalID` as superseded by this batch; returns how many.
    private func supersede(externalID: String, reason: String) throws -> Int {
        guard let s = supersedeByID else { return 0 }
        sqlite3_bind_int64(s, 1, batchID)
        bind(s, 2, reason)
        bind(s, 3, sourceKey)
        bind(s, 4, externalID)
        try step(s)
        return Int(sqlite3_changes(connection))
    }

    /// A void removes the active entry with its external id; with nothing to remove it becomes a reject, so that
    /// the correction is not lost silently.
    private func void(_ entry: HourEntry) throws {
        guard let id = entry.externalID else { return }
        let removed = try supersede(externalID: id, reason: "void")
        voidedCount += removed
        if removed == 0 {
            try write([Reject(location: entry.source, column: "external_id", value: id,
                              reason: "nothing to void: no active entry of this source has this id",
                              expected: "the id of an entry imported earlier from \(sourceKey)")])
        }
    }

    func write(_ rejects: [Reject]) throws {
        guard let s = insertReject else { return }
        for reject in rejects {
            sqlite3_bind_int64(s, 1, batchID)
            sqlite3_bind_int64(s, 2, Int64(reject.location.line))
            bind(s, 3, reject.location.byteOffset)
            bind(s, 4, reject.location.elementPath)
            bind(s, 5, reject.column)
            bind(s, 6, reject.columnNumber)
            bind(s, 7, reject.value)
            bind(s, 8, reject.reason)
            bind(s, 9, reject.expected)
            bind(s, 10, reject.record)
            try step(s)
            rejectCount += 1
        }
    }

    @inline(__always) private func step(_ statement: OpaquePointer) throws {
        let rc = sqlite3_step(statement)
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        guard rc == SQLITE_DONE else {
            throw StoreError("insert failed: \(String(cString: sqlite3_errmsg(connection)))")
        }
    }

    @inline(__always) private func bind(_ s: OpaquePointer, _ index: Int32, _ value: String?) {
        guard let value else { sqlite3_bind_null(s, index); return }
        var copy = value
        copy.withUTF8 { utf8 in
            guard let base = utf8.baseAddress, utf8.count > 0 else { _ = sqlite3_bind_text(s, index, "", 0, nil); return }
            _ = sqlite3_bind_text(s, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                  Int32(utf8.count), sqliteTransient)
        }
    }

    @inline(__always) private func bind(_ s: OpaquePointer, _ index: Int32, _ value: Int?) {
        guard let value else { sqlite3_bind_null(s, index); return }
        sqlite3_bind_int64(s, index, Int64(value))
    }
}

/// A Bloom filter of the external ids written in one import (1 MiB, three hashes): "not written" is certain,
/// "written" may be wrong a few percent of the time, which only costs an UPDATE that finds nothing.
struct IDFilter {
    private var words: [UInt64] = []
    private static let bits = 1 << 23

    mutating func insert(_ id: String) {
        if words.isEmpty { words = Array(repeating: 0, count: Self.bits / 64) }
        let (a, b, c) = Self.positions(id)
        for bit in [a, b, c] { words[bit >> 6] |= 1 << UInt64(bit & 63) }
    }

    func mightContain(_ id: String) -> Bool {
        guard !words.isEmpty else { return false }
        let (a, b, c) = Self.positions(id)
        @inline(__always) func isSet(_ bit: Int) -> Bool { words[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
        return isSet(a) && isSet(b) && isSet(c)
    }

    private static func positions(_ id: String) -> (Int, Int, Int) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        let h1 = Int(truncatingIfNeeded: hash & 0xFFFF_FFFF), h2 = Int(truncatingIfNeeded: hash >> 32) | 1
        return (h1 & (bits - 1), (h1 &+ h2) & (bits - 1), (h1 &+ 2 &* h2) & (bits - 1))
    }
}

/// SQLITE_TRANSIENT: SQLite copies the bound text before the call returns.
let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// How identities are compared: trimmed, NBSP removed, lower-cased.
enum AliasKey {
    static func normalise(_ identity: String) -> String { Identifier.clean(identity).lowercased() }
}
