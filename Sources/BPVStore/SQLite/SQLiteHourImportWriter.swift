import BPVModel
import GRDB
import GRDBSQLite

/// Streams one import's entries and rejects into SQLite with prepared statements bound through the C API (GRDB's
/// argument arrays cost more than the insert itself at a million rows). Lives inside the import's transaction.
final class SQLiteHourImportWriter: HourImportWriter {
    private let connection: OpaquePointer
    private let batchID: Int64
    private let sourceKey: String
    private let aliases: [String: [String: String]]   // employer -> identity key -> studentnummer
    private let supersedeByExternalID: Bool
    /// Whether the source had active entries with an external id before this import: only then, or when the id
    /// was written earlier in this file, can an `add` replace anything (saves an UPDATE per entry otherwise).
    private var sourceHadActiveIDs = true
    private var idsWritten = IDFilter()
    private var resolvedCache = IdentityCache()
    /// One row per statement: for the few entries left over at the end of a batch.
    private var insertEntry: OpaquePointer?
    /// ``rowsPerInsert`` rows per statement: one `sqlite3_step` (and one statement reset) per group of rows
    /// instead of per row, which is where most of SQLite's per-row overhead went.
    private var insertEntries: OpaquePointer?
    /// Entries (indices into the batch being written) waiting for a full group.
    private var pending: [Int] = []
    private var lastEmployerID: String?
    private var lastEmployerAliases: [String: String]?
    private var insertReject: OpaquePointer?
    private var supersedeByID: OpaquePointer?
    /// One row's text, laid end to end, bound without copies (SQLITE_STATIC) and reused for every row.
    private var scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
    private var recordNumber: Int64 = 0
    /// The first failed bind of the statement being filled (see ``check(_:)``).
    private var bindFailure = SQLITE_OK
    private(set) var entryCount = 0
    private(set) var rejectCount = 0
    private(set) var unresolvedCount = 0
    /// Earlier entries replaced by an entry with the same external id.
    private(set) var replacedCount = 0
    /// Earlier entries removed by a void.
    private(set) var voidedCount = 0
    private(set) var firstEntryID: Int64?
    private(set) var lastEntryID: Int64?
    private(set) var firstDate: CalendarDate?
    private(set) var lastDate: CalendarDate?
    var recordsRead = 0
    var blankRecords = 0
    var encoding: String?

    init(db: Database, batchID: Int64, sourceKey: String, aliases: [String: [String: String]],
         supersedeByExternalID: Bool) throws {
        guard let connection = db.sqliteConnection else { throw StoreError("the SQLite connection is closed") }
        self.connection = connection
        self.batchID = batchID
        self.sourceKey = sourceKey
        self.aliases = aliases
        self.supersedeByExternalID = supersedeByExternalID
        insertEntry = try prepare(Self.insertSQL(rows: 1))
        insertEntries = try prepare(Self.insertSQL(rows: Self.rowsPerInsert))
        // Entries carry no source key: the batches of the source name them (through the external-id index).
        supersedeByID = try prepare("""
            UPDATE hour_entry SET superseded_by = ?1, superseded_reason = ?2
            WHERE external_id = ?4 AND superseded_by IS NULL
              AND batch_id IN (SELECT id FROM import_batch WHERE source_key = ?3)
            """)
        if supersedeByExternalID {
            sourceHadActiveIDs = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM hour_entry WHERE superseded_by IS NULL AND external_id IS NOT NULL
                    AND batch_id IN (SELECT id FROM import_batch WHERE source_key = ?))
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
        sqlite3_finalize(insertEntries)
        sqlite3_finalize(insertReject)
        sqlite3_finalize(supersedeByID)
        scratch.deallocate()
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
    private func student(employerID: String, identity: String, direct: String?) -> String? {
        if let direct { return direct }
        // A file comes from one employer: look its table up once, not per row.
        if lastEmployerID != employerID {
            lastEmployerID = employerID
            lastEmployerAliases = aliases[employerID]
            resolvedCache.removeAll()
        }
        guard let table = lastEmployerAliases else { return nil }
        return resolvedCache.student(for: identity) { table[AliasKey.normalise($0)] }
    }

    /// Rows per multi-row INSERT: 18 parameters a row, well under SQLite's 32766 parameters per statement.
    static let rowsPerInsert = 32

    static func insertSQL(rows: Int) -> String {
        let columns = 18
        let groups = (0..<rows).map { row in
            "(" + (1...columns).map { "?\(row * columns + $0)" }.joined(separator: ", ") + ")"
        }
        return """
            INSERT INTO hour_entry (batch_id, record_number, source_line, byte_offset, employer_id,
                employee_identity, student_number, leerbedrijf_id, work_date, start_time, end_time,
                minutes, category, hour_type, approved, external_id, description, action)
            VALUES \(groups.joined(separator: ",\n"))
            """
    }

    func write(_ entries: [HourEntry]) throws {
        pending.removeAll(keepingCapacity: true)
        for index in entries.indices {
            // Fields are read in place (`entries[index].x`): a copy of the entry costs retains of all its strings.
            let action = entries[index].action
            if action == .void {
                // Earlier rows of this batch must be in the table before a correction looks for them.
                try flushPending(entries)
                try void(entries[index])
                continue
            }
            if let id = entries[index].externalID, action == .change || supersedeByExternalID {
                if action == .change || sourceHadActiveIDs || idsWritten.mightContain(id) {
                    try flushPending(entries)
                    replacedCount += try supersede(externalID: id, reason: "external_id")
                }
                idsWritten.insert(id)
            }
            pending.append(index)
            if pending.count == Self.rowsPerInsert {
                try insertRows(entries, pending[...], statement: insertEntries)
                pending.removeAll(keepingCapacity: true)
            }
        }
        try flushPending(entries)
    }

    /// Inserts the pending entries one row per statement (fewer than a group).
    private func flushPending(_ entries: [HourEntry]) throws {
        for k in pending.indices { try insertRows(entries, pending[k...k], statement: insertEntry) }
        pending.removeAll(keepingCapacity: true)
    }

    /// Binds `rows` (indices into `entries`) into `statement`, made for exactly that many rows, and runs it.
    private func insertRows(_ entries: [HourEntry], _ rows: ArraySlice<Int>, statement: OpaquePointer?) throws {
        guard let s = statement else { return }
        var text = RowText(buffer: scratch)
        var unresolved = 0
        entries.withUnsafeBufferPointer { buffer in
            // Through a pointer: each field is read in place, the entry as a whole is never copied.
            for (row, index) in rows.enumerated() {
                let entry = buffer.baseAddress! + index
                let student = student(employerID: entry.pointee.employerID, identity: entry.pointee.employeeIdentity,
                                      direct: entry.pointee.studentNumber)
                if student == nil { unresolved += 1 }
                bindRow(s, Int32(row * 18), entry, student: student, number: recordNumber + Int64(row) + 1,
                        text: &text)
            }
        }
        if text.bindFailure != SQLITE_OK { throw bindError(text.bindFailure) }
        if text.overflowed {
            // Rows longer than the scratch buffer (very long descriptions): grow it and bind again.
            scratch.deallocate()
            scratch = .allocate(byteCount: text.needed * 2, alignment: 8)
            return try insertRows(entries, rows, statement: statement)
        }
        try step(s)
        for index in rows {
            let date = entries[index].date
            if firstDate == nil || date < firstDate! { firstDate = date }
            if lastDate == nil || date > lastDate! { lastDate = date }
        }
        recordNumber += Int64(rows.count)
        unresolvedCount += unresolved
        entryCount += rows.count
        // The rows of one INSERT get consecutive ids (the table only grows at its end during an import).
        lastEntryID = sqlite3_last_insert_rowid(connection)
        if firstEntryID == nil { firstEntryID = lastEntryID! - Int64(rows.count) + 1 }
    }

    /// Binds one entry's 18 values at parameters `base + 1 ... base + 18`.
    @inline(__always)
    private func bindRow(_ s: OpaquePointer, _ base: Int32, _ entry: UnsafePointer<HourEntry>, student: String?, number: Int64,
                         text: inout RowText) {
        text.check(sqlite3_bind_int64(s, base + 1, batchID))
        text.check(sqlite3_bind_int64(s, base + 2, number))
        text.check(sqlite3_bind_int64(s, base + 3, Int64(entry.pointee.source.line)))
        bind(s, base + 4, entry.pointee.source.byteOffset)
        text.bind(s, base + 5, entry.pointee.employerID)
        text.bind(s, base + 6, entry.pointee.employeeIdentity)
        text.bind(s, base + 7, student)
        text.bind(s, base + 8, entry.pointee.leerbedrijfID)
        text.bindDate(s, base + 9, entry.pointee.date)
        text.bindTime(s, base + 10, entry.pointee.start)
        text.bindTime(s, base + 11, entry.pointee.end)
        text.check(sqlite3_bind_int64(s, base + 12, Int64(entry.pointee.minutes)))
        text.bind(s, base + 13, entry.pointee.category.rawValue)
        text.bind(s, base + 14, entry.pointee.hourType)
        bind(s, base + 15, entry.pointee.approved.map { $0 ? 1 : 0 })
        text.bind(s, base + 16, entry.pointee.externalID)
        text.bind(s, base + 17, entry.pointee.description)
        text.bind(s, base + 18, entry.pointee.action.rawValue)
    }

    /// Marks the active entries of this source with `externalID` as superseded by this batch; returns how many.
    private func supersede(externalID: String, reason: String) throws -> Int {
        guard let s = supersedeByID else { return 0 }
        var text = RowText(buffer: scratch)
        text.check(sqlite3_bind_int64(s, 1, batchID))
        text.bind(s, 2, reason)
        text.bind(s, 3, sourceKey)
        text.bind(s, 4, externalID)
        if text.bindFailure != SQLITE_OK { sqlite3_reset(s); throw bindError(text.bindFailure) }
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
            check(sqlite3_bind_int64(s, 1, batchID))
            check(sqlite3_bind_int64(s, 2, Int64(reject.location.line)))
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

    /// A value SQLite would not take (over its length limit): the import fails rather than store NULL in its place.
    private func bindError(_ rc: Int32) -> StoreError {
        StoreError("a value could not be stored (SQLite: \(String(cString: sqlite3_errstr(rc)))): nothing of the file is stored")
    }

    @inline(__always) private func step(_ statement: OpaquePointer) throws {
        if bindFailure != SQLITE_OK {
            let rc = bindFailure
            bindFailure = SQLITE_OK
            sqlite3_reset(statement)
            throw bindError(rc)
        }
        let rc = sqlite3_step(statement)
        sqlite3_reset(statement) // every parameter is bound again for the next row
        guard rc == SQLITE_DONE else {
            throw StoreError("insert failed: \(String(cString: sqlite3_errmsg(connection)))")
        }
    }

    @inline(__always) private func bind(_ s: OpaquePointer, _ index: Int32, _ value: String?) {
        guard let value else { check(sqlite3_bind_null(s, index)); return }
        var copy = value
        copy.withUTF8 { utf8 in
            guard let base = utf8.baseAddress, utf8.count > 0 else { check(sqlite3_bind_text(s, index, "", 0, nil)); return }
            guard utf8.count <= Int32.max else { check(SQLITE_TOOBIG); return }
            check(sqlite3_bind_text(s, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                    Int32(utf8.count), sqliteTransient))
        }
    }

    @inline(__always) private func bind(_ s: OpaquePointer, _ index: Int32, _ value: Int?) {
        guard let value else { check(sqlite3_bind_null(s, index)); return }
        check(sqlite3_bind_int64(s, index, Int64(value)))
    }

    /// Every bind's return code: the first failure is thrown by the next ``step(_:)``.
    @inline(__always) private func check(_ rc: Int32) {
        if rc != SQLITE_OK && bindFailure == SQLITE_OK { bindFailure = rc }
    }
}

/// SQLITE_TRANSIENT: SQLite copies the bound text before the call returns.
let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// How identities are compared: trimmed, NBSP removed, lower-cased.
enum AliasKey {
    static func normalise(_ identity: String) -> String { Identifier.clean(identity).lowercased() }
}

/// Lays one row's text end to end in a scratch buffer and binds each piece with SQLITE_STATIC: SQLite reads the
/// bytes during `sqlite3_step`, while the buffer is untouched, so no copy and no allocation per field.
struct RowText {
    let buffer: UnsafeMutableRawBufferPointer
    var used = 0
    var overflowed = false
    var needed = 0
    /// The first return code of a bind that failed (a value too big for SQLite), `SQLITE_OK` while none has.
    var bindFailure = SQLITE_OK

    @inline(__always) mutating func check(_ rc: Int32) {
        if rc != SQLITE_OK && bindFailure == SQLITE_OK { bindFailure = rc }
    }

    init(buffer: UnsafeMutableRawBufferPointer) { self.buffer = buffer }

    private mutating func reserve(_ count: Int) -> UnsafeMutablePointer<CChar>? {
        needed += count
        guard !overflowed, used + count <= buffer.count else { overflowed = true; return nil }
        let start = (buffer.baseAddress! + used).assumingMemoryBound(to: CChar.self)
        used += count
        return start
    }

    @inline(__always) mutating func bind(_ s: OpaquePointer, _ index: Int32, _ value: String?) {
        guard let value else { check(sqlite3_bind_null(s, index)); return }
        var copy = value
        copy.withUTF8 { utf8 in
            guard utf8.count > 0 else { check(sqlite3_bind_text(s, index, "", 0, nil)); return }
            guard utf8.count <= Int32.max else { check(SQLITE_TOOBIG); return }
            guard let target = reserve(utf8.count) else { return }
            UnsafeMutableRawPointer(target).copyMemory(from: utf8.baseAddress!, byteCount: utf8.count)
            check(sqlite3_bind_text(s, index, target, Int32(utf8.count), nil))
        }
    }

    /// `yyyy-MM-dd`, without a `String`.
    @inline(__always) mutating func bindDate(_ s: OpaquePointer, _ index: Int32, _ date: CalendarDate) {
        guard let b = reserve(10) else { return }
        func digits(_ value: Int, _ at: Int, _ count: Int) {
            var v = value
            for k in stride(from: at + count - 1, through: at, by: -1) { b[k] = CChar(48 + v % 10); v /= 10 }
        }
        digits(date.year, 0, 4); b[4] = 45; digits(date.month, 5, 2); b[7] = 45; digits(date.day, 8, 2)
        check(sqlite3_bind_text(s, index, b, 10, nil))
    }

    /// `HH:mm`, or `HH:mm:ss` when there are seconds.
    @inline(__always) mutating func bindTime(_ s: OpaquePointer, _ index: Int32, _ time: TimeOfDay?) {
        guard let time else { check(sqlite3_bind_null(s, index)); return }
        let length = time.second == 0 ? 5 : 8
        guard let b = reserve(length) else { return }
        func two(_ value: Int, _ at: Int) { b[at] = CChar(48 + value / 10); b[at + 1] = CChar(48 + value % 10) }
        two(time.hour, 0); b[2] = 58; two(time.minute, 3)
        if length == 8 { b[5] = 58; two(time.second, 6) }
        check(sqlite3_bind_text(s, index, b, Int32(length), nil))
    }
}

/// Employee identity -> studentnummer (or known to have none), for one employer's file: an open-addressing table
/// with an FNV hash over the identity's bytes, cheaper per row than a `Dictionary<String, String?>` (whose
/// SipHash cost about a thousand instructions a row in the import's profile).
struct IdentityCache {
    private var keys: [String?] = Array(repeating: nil, count: 1 << 12)
    private var values: [String?] = Array(repeating: nil, count: 1 << 12)
    private var count = 0

    mutating func removeAll() {
        if count == 0 { return }
        keys = Array(repeating: nil, count: 1 << 12); values = Array(repeating: nil, count: 1 << 12); count = 0
    }

    /// The cached student of `identity`, or `resolve(identity)` remembered.
    mutating func student(for identity: String, resolve: (String) -> String?) -> String? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var copy = identity
        copy.withUTF8 { for b in $0 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 } }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while let key = keys[slot] {
            if key == identity { return values[slot] }
            slot = (slot + 1) & mask
        }
        let found = resolve(identity)
        if count * 2 >= keys.count { grow() ; return student(for: identity) { _ in found } }
        keys[slot] = identity
        values[slot] = found
        count += 1
        return found
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: nil, count: oldKeys.count * 2)
        values = Array(repeating: nil, count: oldKeys.count * 2)
        count = 0
        for (key, value) in zip(oldKeys, oldValues) {
            if let key { _ = student(for: key) { _ in value } }
        }
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
