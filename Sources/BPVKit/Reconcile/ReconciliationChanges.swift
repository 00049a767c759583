import BPVModel
import BPVReconcile
import BPVStore
import Foundation

/// What changed since the last reconciliation: entries whose verdict changed (new and gone entries counted
/// apart) and POKs whose status changed. A POK whose counted hours went down is a finding: counted hours must
/// never shrink silently.
public struct ReconciliationChanges: Sendable {
    public struct VerdictChange: Sendable, Hashable {
        public var entryID: Int64
        public var before: String
        public var after: String
    }
    public struct StatusChange: Sendable, Hashable {
        public var pokKey: String
        public var before: String
        public var after: String
        public var countedBefore: Int
        public var countedAfter: Int
    }

    /// The reference date of the run compared with (`nil`: there was none).
    public var previousDate: CalendarDate?
    public var verdicts: [VerdictChange] = []
    public var newEntries = 0
    public var goneEntries = 0
    public var statuses: [StatusChange] = []
    public var findings: [Finding] = []

    /// Rule id of the finding for a POK whose counted hours went down.
    public static let countedDownRule: RuleID = "hours.counted_down"

    public init(previous: StoredReconciliation?, current: StoredReconciliation, result: ReconcileResult) {
        guard let previous else { return }
        previousDate = previous.referenceDate
        compareVerdicts(previous.verdicts, current.verdicts)
        let oldPOKs = Dictionary(uniqueKeysWithValues: previous.poks.map { ($0.pokKey, $0) })
        let progress = Dictionary(uniqueKeysWithValues: result.progress.map { ($0.pok.key, $0) })
        for p in current.poks {
            guard let old = oldPOKs[p.pokKey] else { continue }
            if old.status != p.status || old.countedMinutes != p.countedMinutes {
                statuses.append(.init(pokKey: p.pokKey, before: old.status, after: p.status,
                                      countedBefore: old.countedMinutes, countedAfter: p.countedMinutes))
            }
            if p.countedMinutes < old.countedMinutes, let pok = progress[p.pokKey]?.pok {
                findings.append(Finding(
                    rule: Self.countedDownRule, severity: .warning, date: result.referenceDate,
                    studentNumber: pok.studentNumber, leerbedrijfID: pok.leerbedrijfID, crebo: pok.crebo,
                    subject: pok.subject,
                    evidence: "counted \(Minutes.text(old.countedMinutes)) on \(previous.referenceDate), now "
                        + "\(Minutes.text(p.countedMinutes))",
                    explanation: "Hours that counted before no longer do (a corrected export, an alias, a POK or an "
                        + "erkenning changed): `bpv explain \(pok.studentNumber)` shows every entry's verdict now."))
            }
        }
        statuses = statuses.filter { $0.before != $0.after }
    }

    /// Counts the new and gone entries and lists the changed verdicts, in the order of `current`: one merge when
    /// both lists are in entry-id order (as the store and the reconciliation give them), else by lookup.
    private mutating func compareVerdicts(_ previous: [StoredReconciliation.Verdict],
                                          _ current: [StoredReconciliation.Verdict]) {
        func compare(_ old: StoredReconciliation.Verdict, _ v: StoredReconciliation.Verdict) {
            if old.verdict != v.verdict { verdicts.append(.init(entryID: v.entryID, before: old.verdict, after: v.verdict)) }
        }
        guard previous.isInEntryIDOrder, current.isInEntryIDOrder else {
            let before = Dictionary(uniqueKeysWithValues: previous.map { ($0.entryID, $0) })
            var seen = Set<Int64>()
            for v in current {
                seen.insert(v.entryID)
                if let old = before[v.entryID] { compare(old, v) } else { newEntries += 1 }
            }
            goneEntries = before.keys.filter { !seen.contains($0) }.count
            return
        }
        var i = 0
        for v in current {
            while i < previous.count, previous[i].entryID < v.entryID { goneEntries += 1; i += 1 }
            if i < previous.count, previous[i].entryID == v.entryID { compare(previous[i], v); i += 1 } else { newEntries += 1 }
        }
        goneEntries += previous.count - i
    }

    /// One line for the terminal.
    public var summary: String {
        guard let previousDate else { return "first reconciliation: nothing to compare with" }
        return "since the run of \(previousDate): \(verdicts.count) verdict(s) changed, \(newEntries) new entries, "
            + "\(goneEntries) gone, \(statuses.count) POK status(es) changed"
            + (findings.isEmpty ? "" : ", \(findings.count) POK(s) with fewer counted hours (findings)")
    }
}

extension StoredReconciliation {
    /// What the store keeps of a result.
    init(_ result: ReconcileResult, fingerprint: String) {
        self.init(referenceDate: result.referenceDate, inputsFingerprint: fingerprint,
                  verdicts: result.verdicts.map {
                      Verdict(entryID: $0.entry.id, pokKey: $0.pokKey, verdict: $0.primary.rawValue,
                              countedMinutes: $0.countedMinutes)
                  },
                  poks: result.progress.map { POKState(pokKey: $0.pok.key, status: $0.status.rawValue,
                                                        countedMinutes: $0.countedMinutes) })
    }
}
