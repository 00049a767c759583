import BPVModel

/// Hours are signed off weekly by the praktijkopleider (domain.md): hours the export marks as not approved are
/// counted with a finding (`warn`, the default), counted silently (`count`), or not counted (`exclude`). Hours
/// whose export says nothing about approval are taken as they come.
public struct ApprovalRule: Rule {
    public static let id: RuleID = "hours.approval"
    public static let title = "Unapproved hours are reported, not silently counted"

    public enum Policy: String, Sendable, Equatable, CaseIterable {
        case count, warn, exclude
    }

    public struct Settings: Sendable, Equatable {
        public var policy: Policy
        public init(policy: Policy = .warn) { self.policy = policy }
    }

    public struct Input {
        public var entry: ReconcileEntry
        public var date: CalendarDate
        public init(entry: ReconcileEntry, date: CalendarDate) {
            self.entry = entry
            self.date = date
        }
    }

    public let settings: Settings
    public init(settings: Settings) { self.settings = settings }
    /// With the default settings.
    public init() { self.init(settings: Settings()) }

    public func evaluate(_ input: Input) -> RuleOutcome {
        let entry = input.entry.entry
        guard entry.approved == false, settings.policy != .count else { return RuleOutcome() }
        let explanation = "not approved by the praktijkopleider in \(entry.employerID)'s export"
        if settings.policy == .exclude {
            return RuleOutcome(reasons: [VerdictReason(.notApproved, rule: Self.id, explanation: explanation)])
        }
        return RuleOutcome(findings: [Finding(
            rule: Self.id, severity: .warning, date: entry.date, studentNumber: entry.studentNumber,
            leerbedrijfID: input.entry.leerbedrijfID, subject: "hours of \(entry.date) (\(entry.source))",
            evidence: "\(Minutes.text(entry.minutes)) \(explanation)",
            explanation: "Counted, but the praktijkopleider has not approved them yet: ask for the approval, or set "
                + "rules.approval: exclude to count approved hours only.")])
    }
}
