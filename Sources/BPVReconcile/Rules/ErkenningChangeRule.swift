import BPVModel

extension RuleID {
    /// ``ErkenningChangeRule``: an erkenning the previous list did not have.
    public static let erkenningAdded: RuleID = "erkenning.added"
    /// ``ErkenningChangeRule``: an end date appeared, or moved earlier.
    public static let erkenningEnded: RuleID = "erkenning.ended"
    /// ``ErkenningChangeRule``: absent from the new list.
    public static let erkenningWithdrawn: RuleID = "erkenning.withdrawn"
    /// ``ErkenningChangeRule``: another start, a later or no end, another leerweg.
    public static let erkenningChanged: RuleID = "erkenning.changed"
    /// ``ErkenningChangeRule``: the new list's row for it was rejected.
    public static let erkenningUnconfirmed: RuleID = "erkenning.unconfirmed"
    /// ``ErkenningChangeRule`` itself (its findings carry the id of their kind of change).
    public static let erkenningListChange: RuleID = "erkenning.list_change"

    /// The id of a finding about a change of this kind.
    public static func erkenning(_ kind: ErkenningChange.Kind) -> RuleID {
        switch kind {
        case .added: .erkenningAdded
        case .ended: .erkenningEnded
        case .withdrawn: .erkenningWithdrawn
        case .changed: .erkenningChanged
        case .unconfirmed: .erkenningUnconfirmed
        }
    }
}

/// Turns the changes between two snapshots of an SBB list (``ErkenningDiff``) into findings: one for every POK that
/// runs on the new list's retrieval date (or starts later) at the leerbedrijf and crebo that changed.
public struct ErkenningChangeRule: Rule {
    public static let id = RuleID.erkenningListChange
    public static let title = "An SBB list change affects a running POK"
    public static let findingIDs = ErkenningChange.Kind.allCases.map(RuleID.erkenning)

    /// One list import's changes and the POKs they may affect.
    public struct Input: Sendable {
        /// The list's source name (`sbb-erkenningen`).
        public var source: String
        /// The snapshot the new list was compared with (`nil`: named as "the previous list").
        public var previous: ErkenningSnapshot?
        /// The new list's retrieval date: the findings' date, and the day a POK must still run on.
        public var retrievedOn: CalendarDate
        public var changes: [ErkenningChange]
        /// The current POKs (leerbedrijf-IDs resolved through aliases, as the changes' are).
        public var poks: [POK]

        public init(source: String, previous: ErkenningSnapshot?, retrievedOn: CalendarDate,
                    changes: [ErkenningChange], poks: [POK]) {
            self.source = source
            self.previous = previous
            self.retrievedOn = retrievedOn
            self.changes = changes
            self.poks = poks
        }
    }

    public let settings: NoSettings

    public init(settings: NoSettings) {
        self.settings = settings
    }

    /// Findings in the order of the changes, and per change in the order of the POKs.
    public func evaluate(_ input: Input) -> RuleOutcome {
        let byPair = Dictionary(grouping: input.poks.filter { $0.isActive(on: input.retrievedOn) }) {
            LeerbedrijfCrebo(leerbedrijfID: $0.leerbedrijfID, crebo: $0.crebo)
        }
        var findings: [Finding] = []
        for change in input.changes {
            for pok in byPair[change.pair] ?? [] {
                let (severity, explanation) = assess(change, pok)
                findings.append(Finding(
                    rule: .erkenning(change.kind), severity: severity, date: input.retrievedOn,
                    studentNumber: pok.studentNumber, leerbedrijfID: pok.leerbedrijfID, crebo: pok.crebo,
                    subject: pok.subject, evidence: evidence(change, input), explanation: explanation))
            }
        }
        return RuleOutcome(findings: findings)
    }

    private func evidence(_ change: ErkenningChange, _ input: Input) -> String {
        let before = input.previous.map { "the list of \($0.retrievedOn) (snapshot \($0.id))" } ?? "the previous list"
        return "\(change.detail): \(before) compared with the list of \(input.retrievedOn) (\(input.source))"
    }

    private func assess(_ change: ErkenningChange, _ pok: POK) -> (Finding.Severity, String) {
        switch change.kind {
        case .withdrawn:
            return (.error, "SBB no longer lists this erkenning: the leerbedrijf may no longer be accredited for crebo "
                    + "\(pok.crebo). Hours after the withdrawal may not count; check with SBB and the leerbedrijf.")
        case .unconfirmed:
            return (.warning, "The new list's row for this erkenning was rejected, so it is not confirmed: fix the "
                    + "list (see the rejects) and import it again.")
        case .added:
            return (.info, "A new erkenning for this leerbedrijf and crebo: check whether it closes a gap in the POK's coverage.")
        case .ended, .changed:
            guard let after = change.after else { return (.warning, "The erkenning changed.") }
            if after.start > pok.begin {
                return (.warning, "The erkenning now starts on \(after.start), after the POK began (\(pok.begin)): "
                        + "the days before are not covered by it.")
            }
            if let end = after.end, end < pok.end {
                return (.warning, "The erkenning now ends on \(end), before the POK ends (\(pok.end)): the leerbedrijf "
                        + "needs a renewed erkenning, or the student another leerbedrijf.")
            }
            return (.info, "The erkenning still covers the POK (\(after.period)); no action needed.")
        }
    }
}
