import BPVModel
@testable import BPVStore
import Foundation
import GRDB
import Testing

/// The kept reconciliation: a run writes only the verdicts that differ from the previous one when that one is
/// still the latest, and reads back exactly what a full write gives.
@Suite struct ReconcileStoreTests {
    typealias Verdict = StoredReconciliation.Verdict

    static let day = CalendarDate(year: 2026, month: 3, day: 1)!

    static func run(_ verdicts: [Verdict], fingerprint: String = "f1", day: CalendarDate = day) -> StoredReconciliation {
        StoredReconciliation(referenceDate: day, inputsFingerprint: fingerprint, verdicts: verdicts,
                             poks: [.init(pokKey: "2250476/100234567/25798/2025-09-01", status: "on_track",
                                          countedMinutes: verdicts.reduce(0) { $0 + $1.countedMinutes })])
    }

    static func v(_ id: Int64, _ verdict: String = "counted", minutes: Int = 60, pok: String? = "K") -> Verdict {
        Verdict(entryID: id, pokKey: pok, verdict: verdict, countedMinutes: verdict == "counted" ? minutes : 0)
    }

    /// The verdicts' rows with the run that last wrote each.
    static func rows(_ store: SQLiteStore) throws -> [[Int64]] {
        try store.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT entry_id, run_id FROM reconcile_verdict ORDER BY entry_id")
                .map { row -> [Int64] in [row[0], row[1]] }
        }
    }

    @Test func theDifferencesAreTheNewAndChangedVerdictsAndTheGoneIDs() throws {
        let previous = Self.run([Self.v(1), Self.v(2), Self.v(4), Self.v(6)])
        let current = Self.run([Self.v(2, "overlap"), Self.v(3), Self.v(4), Self.v(6, minutes: 30), Self.v(7)])
        let differences = try #require(current.verdictDifferences(from: previous))
        #expect(differences.changed.map(\.entryID) == [2, 3, 6, 7])
        #expect(differences.gone == [1])
    }

    @Test func nothingDiffersFromItselfAndEverythingFromNothing() throws {
        let run = Self.run([Self.v(1), Self.v(2)])
        #expect(run.verdictDifferences(from: run).map { $0.changed.isEmpty && $0.gone.isEmpty } == true)
        let empty = Self.run([])
        #expect(run.verdictDifferences(from: empty)?.changed == run.verdicts)
        #expect(empty.verdictDifferences(from: run)?.gone == [1, 2])
    }

    @Test func aPOKKeyAloneIsADifference() throws {
        let previous = Self.run([Self.v(1, pok: "A")]), current = Self.run([Self.v(1, pok: "B")])
        #expect(current.verdictDifferences(from: previous)?.changed.map(\.pokKey) == ["B"])
    }

    @Test func listsNotInEntryIDOrderHaveNoDifferences() {
        let sorted = Self.run([Self.v(1), Self.v(2)])
        #expect(Self.run([Self.v(2), Self.v(1)]).verdictDifferences(from: sorted) == nil)
        #expect(sorted.verdictDifferences(from: Self.run([Self.v(1), Self.v(1)])) == nil, "a repeated id is not in order")
    }

    @Test func aRunAfterTheLatestWritesOnlyWhatDiffersAndReadsBackAsAFullWrite() throws {
        let store = try SQLiteStore(path: ":memory:")
        let first = Self.run([Self.v(1), Self.v(2), Self.v(4)])
        let firstID = try store.saveReconciliation(first, previous: nil)
        let previous = try #require(try store.lastReconciliation())
        #expect(previous == first)
        let second = Self.run([Self.v(2, "duplicate"), Self.v(4), Self.v(5)], fingerprint: "f2")
        let secondID = try store.saveReconciliation(second, previous: previous)
        #expect(try store.lastReconciliation() == second)
        #expect(try Self.rows(store) == [[2, secondID], [4, firstID], [5, secondID]], "entry 4 did not change: not written")
    }

    @Test func aPreviousThatIsNoLongerTheLatestMeansAFullWrite() throws {
        let store = try SQLiteStore(path: ":memory:")
        let first = Self.run([Self.v(1), Self.v(2)])
        _ = try store.saveReconciliation(first, previous: nil)
        let stale = try #require(try store.lastReconciliation())
        // Another run was kept in between: what the caller read is no longer what the store holds.
        _ = try store.saveReconciliation(Self.run([Self.v(1, "overlap"), Self.v(3)], fingerprint: "f2"), previous: stale)
        let third = Self.run([Self.v(1), Self.v(2)], fingerprint: "f3")
        let thirdID = try store.saveReconciliation(third, previous: stale)
        #expect(try store.lastReconciliation() == third)
        #expect(try Self.rows(store) == [[1, thirdID], [2, thirdID]])
    }

    @Test func thePreviousOfAnotherDayIsNotTheLatest() throws {
        let store = try SQLiteStore(path: ":memory:")
        let first = Self.run([Self.v(1)])
        _ = try store.saveReconciliation(first, previous: nil)
        let other = Self.run([Self.v(1)], day: CalendarDate(year: 2026, month: 2, day: 28)!)
        let id = try store.saveReconciliation(Self.run([Self.v(1), Self.v(2)]), previous: other)
        #expect(try Self.rows(store) == [[1, id], [2, id]], "written in full: the store's latest run is not `other`")
    }
}
