import BPVModel

/// Every reconciliation rule, in one list. A rule that is not here is not run, documented or tested for a unique
/// id (`RuleRegistryTests` checks that every file in `Rules/` is listed).
public enum RuleRegistry {
    /// All rules, in the order reports list them.
    public static let all: [any Rule.Type] = [
        ErkenningCoverageRule.self,
        ErkenningChangeRule.self,
        // The verdict of every hour entry, in the order the engine applies them (see VerdictCode.precedence).
        POKAttributionRule.self,
        POKPeriodRule.self,
        HourCategoryRule.self,
        ErkenningOnDateRule.self,
        DuplicateEntryRule.self,
        OverlapRule.self,
        ApprovalRule.self,
        // Working time (Arbeidstijdenwet), in the order WorkingTimeRules runs them.
        AgeUnknownRule.self,
        ShiftLengthRule.self,
        BreakRule.self,
        NightWorkRule.self,
        WeekTotalRule.self,
        FourWeekAverageRule.self,
        SixteenWeekAverageRule.self,
        SundayRule.self,
        // The programme's timetable and the school calendar, in the order ProgrammeRules runs them.
        ThemeWeekRule.self,
        SchoolDayRule.self,
        LessonTimeRule.self,
        SundayLateRule.self,
        POKDisappearanceRule.self,
        POKPlausibilityRule.self,
    ]

    /// The rule with this id, or whose findings carry it (`erkenning.withdrawn` → ``ErkenningChangeRule``).
    public static func rule(for id: RuleID) -> (any Rule.Type)? {
        all.first { $0.id == id || $0.findingIDs.contains(id) }
    }
}
