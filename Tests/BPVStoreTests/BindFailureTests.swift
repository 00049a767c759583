@testable import BPVModel
@testable import BPVStore
import Foundation
import GRDB
import GRDBSQLite
import Testing

/// A value SQLite refuses to bind (longer than its length limit) fails the import instead of being stored as NULL:
/// the return code of every bind is checked. The limit is lowered on the connection so the test needs no gigabyte.
@Suite struct BindFailureTests {
    func storeWithLengthLimit(_ bytes: Int32) throws -> SQLiteStore {
        let store = try SQLiteStore(path: ":memory:")
        try store.queue.inDatabase { db in _ = sqlite3_limit(db.sqliteConnection, SQLITE_LIMIT_LENGTH, bytes) }
        return store
    }

    @Test func anEntryWithADescriptionOverSQLitesLimitFailsTheImportAndStoresNothing() throws {
        let store = try storeWithLengthLimit(5000)
        var long = SQLiteDossierStoreTests.entry(6)
        long.description = String(repeating: "x", count: 6000)
        #expect(throws: StoreError.self) {
            _ = try store.importHours(SQLiteDossierStoreTests.batch()) { writer in
                try writer.write([SQLiteDossierStoreTests.entry(5), long])
            }
        }
        #expect(try store.activeHourEntries(employerID: nil, studentNumber: nil).isEmpty)
    }

    @Test func aRejectWithARecordOverSQLitesLimitFailsTheImport() throws {
        let store = try storeWithLengthLimit(5000)
        let reject = Reject(location: SourceLocation(file: "x.csv", line: 9), reason: "not a valid date",
                            record: String(repeating: "y", count: 6000))
        #expect(throws: StoreError.self) {
            _ = try store.importHours(SQLiteDossierStoreTests.batch()) { writer in try writer.write([reject]) }
        }
    }

    @Test func aLongDescriptionUnderTheLimitIsStoredWhole() throws {
        let store = try storeWithLengthLimit(5000)
        var entry = SQLiteDossierStoreTests.entry(6)
        entry.description = String(repeating: "x", count: 1000)
        _ = try store.importHours(SQLiteDossierStoreTests.batch()) { writer in try writer.write([entry]) }
        #expect(try store.activeHourEntries(employerID: nil, studentNumber: nil).first?.entry.description == entry.description)
    }
}
