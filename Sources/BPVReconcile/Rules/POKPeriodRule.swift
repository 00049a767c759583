import BPVModel

/// Hours count only within the POK's period (domain.md: the begin and end dates are binding).
public struct POKPeriodRule: Rule {
    public static let id: RuleID = "hours.pok_period"
    public static let title = "Hours count only within the POK's dates"

    public struct Input {
        public var entry: HourEntry
        public var pok: POK
        public init(entry: HourEntry, pok: POK) {
            self.entry = entry
            self.pok = pok
        }
    }

    public let settings: NoSettings
    public init(settings: NoSettings) { self.settings = settings }

    public func evaluate(_ input: Input) -> RuleOutcome {
        let day = input.entry.date, pok = input.pok
        if day < pok.begin {
            return RuleOutcome(reasons: [VerdictReason(.outsidePeriod, rule: Self.id,
                explanation: "\(day) is before the POK's begin (\(pok.begin))")])
        }
        if day > pok.end {
            return RuleOutcome(reasons: [VerdictReason(.outsidePeriod, rule: Self.id,
                explanation: "\(day) is after the POK's end (\(pok.end))")])
        }
        return RuleOutcome()
    }
}
