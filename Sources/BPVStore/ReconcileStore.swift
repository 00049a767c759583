import BPVModel

/// The last reconciliation, kept so that the next one can say what changed: every entry's verdict and every POK's
/// status and counted minutes. Only the latest run's verdicts are kept (they are as many as the entries); every
/// run's POK statuses stay, one row per POK.
public protocol ReconcileStore: AnyObject {
    /// Replaces the kept verdicts with these and records the run; returns its id. `previous` is the run the
    /// caller read with ``lastReconciliation()`` (or `nil`): when it is still the latest, only the verdicts that
    /// differ from it are written (a nightly run changes few of millions); otherwise all are.
    func saveReconciliation(_ run: StoredReconciliation, previous: StoredReconciliation?) throws -> Int64

    /// The latest saved run, if any.
    func lastReconciliation() throws -> StoredReconciliation?
}

extension ReconcileStore {
    /// Replaces all kept verdicts with these and records the run; returns its id.
    public func saveReconciliation(_ run: StoredReconciliation) throws -> Int64 {
        try saveReconciliation(run, previous: nil)
    }
}

extension StoredReconciliation {
    /// What to write to turn the kept verdicts of `previous` into those of `self`: the verdicts that are new or
    /// differ, and the entry ids that are gone. `nil` when either list is not in entry-id order (then write all).
    public func verdictDifferences(from previous: StoredReconciliation)
        -> (changed: [Verdict], gone: [Int64])? {
        let old = previous.verdicts, new = verdicts
        guard old.isInEntryIDOrder, new.isInEntryIDOrder else { return nil }
        var changed: [Verdict] = [], gone: [Int64] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if j == new.count || (i < old.count && old[i].entryID < new[j].entryID) {
                gone.append(old[i].entryID); i += 1
            } else if i == old.count || new[j].entryID < old[i].entryID {
                changed.append(new[j]); j += 1
            } else {
                if old[i] != new[j] { changed.append(new[j]) }
                i += 1; j += 1
            }
        }
        return (changed, gone)
    }
}

extension Array where Element == StoredReconciliation.Verdict {
    /// Whether the entry ids strictly increase.
    public var isInEntryIDOrder: Bool {
        indices.dropFirst().allSatisfy { self[$0 - 1].entryID < self[$0].entryID }
    }
}

/// One reconciliation as the store keeps it.
public struct StoredReconciliation: Sendable, Equatable {
    public struct Verdict: Sendable, Equatable {
        public var entryID: Int64
        public var pokKey: String?
        public var verdict: String
        public var countedMinutes: Int
        public init(entryID: Int64, pokKey: String?, verdict: String, countedMinutes: Int) {
            self.entryID = entryID
            self.pokKey = pokKey
            self.verdict = verdict
            self.countedMinutes = countedMinutes
        }
    }
    public struct POKState: Sendable, Equatable {
        public var pokKey: String
        public var status: String
        public var countedMinutes: Int
        public init(pokKey: String, status: String, countedMinutes: Int) {
            self.pokKey = pokKey
            self.status = status
            self.countedMinutes = countedMinutes
        }
    }
    public var referenceDate: CalendarDate
    /// What the run looked at (see BPVKit's `Reconciler`): the same inputs and date give the same results.
    public var inputsFingerprint: String
    public var verdicts: [Verdict]
    public var poks: [POKState]

    public init(referenceDate: CalendarDate, inputsFingerprint: String, verdicts: [Verdict], poks: [POKState]) {
        self.referenceDate = referenceDate
        self.inputsFingerprint = inputsFingerprint
        self.verdicts = verdicts
        self.poks = poks
    }
}
