import BPVModel

extension RuleID {
    /// ``AgeUnknownRule``.
    public static let worktimeAgeUnknown: RuleID = "worktime.age_unknown"
}

/// Working-time limits depend on the age on each date worked; without a birth date the other working-time rules
/// apply the limits for 18 and over. This rule says so, once per student with working time.
public struct AgeUnknownRule: Rule {
    public static let id = RuleID.worktimeAgeUnknown
    public static let title = "Age unknown for the working-time rules"

    public let settings: WorkingTimeSettings

    public init(settings: WorkingTimeSettings = WorkingTimeSettings()) {
        self.settings = settings
    }

    /// One finding, dated the first date worked, when the birth date is unknown and there is working time.
    public func evaluate(_ hours: StudentHours) -> RuleOutcome {
        let entries = hours.workingEntries(settings)
        guard hours.birthDate == nil, let first = entries.first?.date, let last = entries.last?.date else {
            return RuleOutcome()
        }
        let s = settings
        let stricter = [s.shiftLength.under18.map { "\(hm($0)) a shift" }, s.weekTotal.under18.map { "\(hm($0)) a week" },
                        "no work between \(s.night.under18From) and \(s.night.under18Until)"]
            .compactMap { $0 }.joined(separator: ", ")
        return RuleOutcome(findings: [hours.finding(
            Self.id, settings.ageUnknownSeverity, on: first, subject: "student \(hours.studentNumber)",
            evidence: "no birth date; \(entries.count) working-time entries from \(first) to \(last) judged by the "
                + "limits for 18 and over",
            explanation: "The student's birth date is unknown, so the working-time rules applied the limits for 18 and "
                + "over. Under 18 the limits are stricter (\(stricter)): add the birth date in the student "
                + "administration.")])
    }
}
