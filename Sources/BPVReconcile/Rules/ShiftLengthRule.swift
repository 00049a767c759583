import BPVModel

extension RuleID {
    /// ``ShiftLengthRule``.
    public static let worktimeShiftLength: RuleID = "worktime.shift_length"
}

/// At most 12 hours' work in one shift, 9 under 18 (Arbeidstijdenwet), the age taken on the shift's date.
///
/// A shift is the working-time entries of one date (an overnight entry belongs to the date it started): exports
/// split a day into hour types, such as work and travel between jobs, that are one shift for the law.
public struct ShiftLengthRule: Rule {
    public static let id = RuleID.worktimeShiftLength
    public static let title = "Shift within the legal maximum"

    public let settings: WorkingTimeSettings

    public init(settings: WorkingTimeSettings = WorkingTimeSettings()) {
        self.settings = settings
    }

    /// A finding per date whose worked minutes go over the limit for the age on that date.
    public func evaluate(_ hours: StudentHours) -> RuleOutcome {
        let limits = settings.shiftLength
        var findings: [Finding] = []
        for shift in hours.shifts(settings) {
            let age = hours.ageGroup(on: shift.date)
            guard let limit = limits.limit(for: age), limit < shift.minutes else { continue }
            findings.append(hours.finding(
                Self.id, limits.severity, on: shift.date, leerbedrijfID: shift.leerbedrijfID,
                subject: hours.subject(shift.date),
                evidence: "\(hm(shift.minutes)) worked on \(shift.date), limit \(hm(limit)): \(shift.evidence)",
                explanation: "The shift of \(shift.date) has \(hm(shift.minutes)) of work, more than the \(hm(limit)) "
                    + "\(age.phrase) may work in one shift (Arbeidstijdenwet). Check the hours with the leerbedrijf; "
                    + "this finding does not change them."))
        }
        return RuleOutcome(findings: findings)
    }
}
