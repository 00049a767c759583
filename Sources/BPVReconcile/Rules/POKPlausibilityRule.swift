import BPVModel

/// A POK's own hours must be plausible (domain.md, Eduarte's rule): at most 40/52 × hours per week × weeks of the
/// POK, and never more than 5120 hours. Without the hours per week in the POK list, the rule takes the most a
/// week can hold (40 hours: a full-time BBL week); a POK stating more is a finding, never a changed norm.
public struct POKPlausibilityRule: Rule {
    public static let id: RuleID = "pok.implausible_hours"
    public static let title = "A POK's hours fit its weeks (Eduarte: at most 5120)"

    public struct Settings: Sendable, Equatable {
        public var hoursPerWeek = 40
        public var maximumHours = 5120
        public init() {}
    }

    public let settings: Settings
    public init(settings: Settings) { self.settings = settings }
    public init() { self.init(settings: Settings()) }

    public func evaluate(_ pok: POK) -> RuleOutcome {
        guard let minutes = pok.minutes else { return RuleOutcome() }
        let days = pok.end.dayNumber - pok.begin.dayNumber + 1
        // 40/52 × hours a week × weeks, in minutes: weeks = days / 7.
        let plausible = min(40 * settings.hoursPerWeek * 60 * days / (52 * 7), settings.maximumHours * 60)
        guard minutes > plausible else { return RuleOutcome() }
        return RuleOutcome(findings: [Finding(
            rule: Self.id, severity: .warning, date: pok.begin, studentNumber: pok.studentNumber,
            leerbedrijfID: pok.leerbedrijfID, crebo: pok.crebo, subject: pok.subject,
            evidence: "the POK states \(Minutes.text(minutes)); \(days) days allow at most \(Minutes.text(plausible)) "
                + "(40/52 × \(settings.hoursPerWeek) h a week × weeks, at most \(settings.maximumHours) h)",
            explanation: "The POK's hours are more than its weeks can hold: check the hours or the dates in the "
                + "student administration.")])
    }
}
