import BPVModel

/// Hours count only within the POK's period (domain.md: the begin and end dates are binding), from the day the POK
/// was signed and handed in (PET gids 2.1), and not after it was ended early.
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
        var reasons: [VerdictReason] = []
        if let signed = pok.signedOn, day < signed {
            reasons.append(VerdictReason(.beforeSigned, rule: Self.id,
                explanation: "\(day) is before the POK was signed and handed in (\(signed))"))
        }
        if let terminated = pok.terminatedOn, day > terminated {
            reasons.append(VerdictReason(.afterTermination, rule: Self.id,
                explanation: "\(day) is after the POK was ended early (\(terminated))"))
        }
        return RuleOutcome(reasons: reasons)
    }
}
