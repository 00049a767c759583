import BPVKit
import BPVModel
import BPVReconcile
import BPVStore
import Testing

/// The comparison with the kept run gives the same changes whether the verdicts come in entry-id order (one merge,
/// as the store and the reconciliation give them) or not (looked up by id).
@Suite struct ReconciliationChangesOrderTests {
    typealias Verdict = StoredReconciliation.Verdict

    static let day = CalendarDate(year: 2026, month: 3, day: 1)!

    static func run(_ verdicts: [Verdict]) -> StoredReconciliation {
        StoredReconciliation(referenceDate: day, inputsFingerprint: "f", verdicts: verdicts, poks: [])
    }

    static func v(_ id: Int64, _ verdict: String = "counted") -> Verdict {
        Verdict(entryID: id, pokKey: nil, verdict: verdict, countedMinutes: 0)
    }

    static let result = ReconcileResult(referenceDate: day, verdicts: [], progress: [], findings: [])

    @Test(arguments: [false, true])
    func newGoneAndChangedEntriesInEitherOrder(reversed: Bool) {
        let before = [Self.v(1), Self.v(2), Self.v(4), Self.v(6), Self.v(8)]
        let after = [Self.v(0), Self.v(2, "overlap"), Self.v(3), Self.v(4), Self.v(6, "duplicate"), Self.v(9), Self.v(10)]
        let changes = ReconciliationChanges(previous: Self.run(reversed ? before.reversed() : before),
                                            current: Self.run(reversed ? after.reversed() : after), result: Self.result)
        #expect(changes.newEntries == 4, "0, 3, 9 and 10")
        #expect(changes.goneEntries == 2, "1 and 8: the first and the last kept")
        #expect(Set(changes.verdicts.map(\.entryID)) == [2, 6])
        #expect(changes.verdicts.map(\.entryID) == (reversed ? [6, 2] : [2, 6]), "in the order of the current run")
        #expect(changes.verdicts.first { $0.entryID == 2 }.map { [$0.before, $0.after] } == ["counted", "overlap"])
    }

    @Test func anEmptyPreviousRunMakesEveryEntryNew() {
        let changes = ReconciliationChanges(previous: Self.run([]), current: Self.run([Self.v(1), Self.v(2)]),
                                            result: Self.result)
        #expect(changes.newEntries == 2 && changes.goneEntries == 0 && changes.verdicts.isEmpty)
    }

    @Test func anEmptyCurrentRunMakesEveryEntryGone() {
        let changes = ReconciliationChanges(previous: Self.run([Self.v(1), Self.v(2)]), current: Self.run([]),
                                            result: Self.result)
        #expect(changes.newEntries == 0 && changes.goneEntries == 2 && changes.verdicts.isEmpty)
    }
}
