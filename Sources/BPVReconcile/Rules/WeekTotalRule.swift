import BPVModel

extension RuleID {
    /// ``WeekTotalRule``.
    public static let worktimeWeekTotal: RuleID = "worktime.week_total"
}

/// At most 60 hours' work in a week, 45 under 18 (Arbeidstijdenwet; school time counts as working time).
///
/// The week is the ISO week, Monday 00:00 to Sunday 24:00 (an entry past Sunday midnight is split there, see
/// ``ISOWeek``). The age is taken on the week's Monday: a student who turns 18 during a week has the limit for
/// under 18 for the whole of that week.
public struct WeekTotalRule: Rule {
    public static let id = RuleID.worktimeWeekTotal
    public static let title = "Week total within the legal maximum"

    public let settings: WorkingTimeSettings

    public init(settings: WorkingTimeSettings = WorkingTimeSettings()) {
        self.settings = settings
    }

    /// A finding per week over the limit, dated the week's Monday.
    public func evaluate(_ hours: StudentHours) -> RuleOutcome {
        let limits = settings.weekTotal
        let days = hours.minutesByDay(settings)
        let weeks = Dictionary(grouping: days.keys) { ISOWeek(containing: $0) }
        var findings: [Finding] = []
        for week in weeks.keys.sorted() {
            let worked = weeks[week]!.reduce(0) { $0 + days[$1]! }
            let age = hours.ageGroup(on: week.monday)
            guard let limit = limits.limit(for: age), limit < worked else { continue }
            let perDay = weeks[week]!.sorted().map { "\($0) \(hm(days[$0]!))" }.joined(separator: ", ")
            findings.append(hours.finding(
                Self.id, limits.severity, on: week.monday, subject: hours.subject(week),
                evidence: "\(hm(worked)) worked in week \(week) (\(week.monday) – \(week.sunday)), limit \(hm(limit)): "
                    + perDay,
                explanation: "In week \(week) the student worked \(hm(worked)), more than the \(hm(limit)) \(age.phrase) "
                    + "may work in one week (Arbeidstijdenwet; the age on the week's Monday). Check the hours with the "
                    + "leerbedrijf; this finding does not change them."))
        }
        return RuleOutcome(findings: findings)
    }
}
