import BPVModel

extension RuleID {
    /// ``FourWeekAverageRule``.
    public static let worktimeAverage4Weeks: RuleID = "worktime.average_4_weeks"
}

/// On average at most 55 hours a week over 4 weeks, 40 under 18 (Arbeidstijdenwet): a sliding window of 4 whole
/// ISO weeks ending with each week worked (weeks without hours count as 0; the age on the last week's Monday).
public struct FourWeekAverageRule: Rule {
    public static let id = RuleID.worktimeAverage4Weeks
    public static let title = "4-week average within the legal maximum"

    public let settings: WorkingTimeSettings

    public init(settings: WorkingTimeSettings = WorkingTimeSettings()) {
        self.settings = settings
    }

    /// A finding per window over the limit, dated the Monday of its last week.
    public func evaluate(_ hours: StudentHours) -> RuleOutcome {
        AverageWindow(rule: Self.id, weeks: 4, limits: settings.fourWeekAverage).evaluate(hours, settings)
    }
}
