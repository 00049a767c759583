import BPVModel

extension RuleID {
    /// ``BreakRule``.
    public static let worktimeBreak: RuleID = "worktime.break"
}

/// A shift of more than 5h30 worked needs a break of at least 30 minutes; under 18, more than 4h30
/// (Arbeidstijdenwet), the age taken on the shift's date.
///
/// The break is the time present less the time worked: (last end − first start) − minutes, over the entries of
/// the shift's date (see ``ShiftLengthRule``), so a gap between two entries is a break. A shift is judged only when
/// every entry has a start and an end.
public struct BreakRule: Rule {
    public static let id = RuleID.worktimeBreak
    public static let title = "Break in a long shift"

    public let settings: WorkingTimeSettings

    public init(settings: WorkingTimeSettings = WorkingTimeSettings()) {
        self.settings = settings
    }

    /// A finding per shift over the threshold with too short a break.
    public func evaluate(_ hours: StudentHours) -> RuleOutcome {
        let rule = settings.breaks
        var findings: [Finding] = []
        for shift in hours.shifts(settings) {
            guard let span = shift.span else { continue }
            let age = hours.ageGroup(on: shift.date)
            let upTo = age == .under18 ? rule.under18WorkedUpTo : rule.adultWorkedUpTo
            let worked = shift.minutes, present = span.end - span.start, taken = max(0, present - worked)
            guard upTo < worked, taken < rule.minimumBreak else { continue }
            let inconsistent = present < worked ? " (the times are shorter than the minutes worked)" : ""
            findings.append(hours.finding(
                Self.id, rule.severity, on: shift.date, leerbedrijfID: shift.leerbedrijfID,
                subject: hours.subject(shift.date),
                evidence: "\(hm(worked)) worked on \(shift.date) with a break of \(taken) minutes\(inconsistent), "
                    + "at least \(rule.minimumBreak) needed after more than \(hm(upTo)): \(shift.evidence)",
                explanation: "More than \(hm(upTo)) of work in a shift needs a break of at least \(rule.minimumBreak) "
                    + "minutes for \(age.phrase) (Arbeidstijdenwet); the times of this shift leave \(taken) minutes. "
                    + "Check the hours with the leerbedrijf; this finding does not change them."))
        }
        return RuleOutcome(findings: findings)
    }
}
