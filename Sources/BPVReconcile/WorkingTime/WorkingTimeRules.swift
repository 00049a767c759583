import BPVModel

/// The front of the working-time rules (Arbeidstijdenwet): runs them all on one student's hours, in a fixed order.
/// Findings only: the hours are never changed. Each rule is also listed in ``RuleRegistry`` and can run alone.
public enum WorkingTimeRules {
    /// Every working-time finding for `hours`, sorted by date, then rule id (a rule's own order within).
    public static func findings(for hours: StudentHours,
                                settings: WorkingTimeSettings = WorkingTimeSettings()) -> [Finding] {
        let hours = hours.prepared(settings)
        let outcomes = [
            AgeUnknownRule(settings: settings).evaluate(hours),
            ShiftLengthRule(settings: settings).evaluate(hours),
            BreakRule(settings: settings).evaluate(hours),
            NightWorkRule(settings: settings).evaluate(hours),
            WeekTotalRule(settings: settings).evaluate(hours),
            FourWeekAverageRule(settings: settings).evaluate(hours),
            SixteenWeekAverageRule(settings: settings).evaluate(hours),
            SundayRule(settings: settings).evaluate(hours),
        ]
        return outcomes.flatMap(\.findings).enumerated()
            .sorted { ($0.element.date, $0.element.ruleID, $0.offset) < ($1.element.date, $1.element.ruleID, $1.offset) }
            .map(\.element)
    }
}
