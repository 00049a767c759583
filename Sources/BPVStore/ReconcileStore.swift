import BPVModel

/// The last reconciliation, kept so that the next one can say what changed: every entry's verdict and every POK's
/// status and counted minutes. Only the latest run's verdicts are kept (they are as many as the entries); every
/// run's POK statuses stay, one row per POK.
public protocol ReconcileStore: AnyObject {
    /// Replaces the kept verdicts with these and records the run; returns its id.
    func saveReconciliation(_ run: StoredReconciliation) throws -> Int64

    /// The latest saved run, if any.
    func lastReconciliation() throws -> StoredReconciliation?
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
