import BPVModel

extension RuleID {
    /// ``SixteenWeekAverageRule``.
    public static let worktimeAverage16Weeks: RuleID = "worktime.average_16_weeks"
}

/// On average at most 48 hours a week over 16 weeks, from 18 (Arbeidstijdenwet): a sliding window of 16 whole ISO
/// weeks ending with each week worked (weeks without hours count as 0; the age on the last week's Monday). By
/// default it does not judge windows ending in a week the student is under 18: their 4-week limit is stricter.
public struct SixteenWeekAverageRule: Rule {
    public static let id = RuleID.worktimeAverage16Weeks
    public static let title = "16-week average within the legal maximum"

    public let settings: WorkingTimeSettings

    public init(settings: WorkingTimeSettings = WorkingTimeSettings()) {
        self.settings = settings
    }

    /// A finding per window over the limit, dated the Monday of its last week.
    public func evaluate(_ hours: StudentHours) -> RuleOutcome {
        AverageWindow(rule: Self.id, weeks: 16, limits: settings.sixteenWeekAverage).evaluate(hours, settings)
    }
}
