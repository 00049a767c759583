import BPVModel

/// Hours count only on days an erkenning of the POK's leerbedrijf for the POK's crebo covers (domain.md,
/// "Accreditation"): the days ``ErkenningCoverageRule`` found uncovered (its gaps, with the successor-crebo policy
/// applied there).
public struct ErkenningOnDateRule: Rule {
    public static let id: RuleID = "hours.erkenning"
    public static let title = "Hours count only while the leerbedrijf is erkend"

    public struct Input {
        public var entry: HourEntry
        public var pok: POK
        /// The days of the POK's period that no erkenning covers.
        public var gaps: [DateRange]
        public init(entry: HourEntry, pok: POK, gaps: [DateRange]) {
            self.entry = entry
            self.pok = pok
            self.gaps = gaps
        }
    }

    public let settings: NoSettings
    public init(settings: NoSettings) { self.settings = settings }

    public func evaluate(_ input: Input) -> RuleOutcome {
        guard let gap = input.gaps.first(where: { $0.contains(input.entry.date) }) else { return RuleOutcome() }
        return RuleOutcome(reasons: [VerdictReason(.notAccredited, rule: Self.id,
            explanation: "no erkenning of leerbedrijf \(input.pok.leerbedrijfID) for crebo \(input.pok.crebo) on "
                + "\(input.entry.date) (not covered \(gap))")])
    }
}
