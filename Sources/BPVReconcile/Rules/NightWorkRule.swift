import BPVModel

extension RuleID {
    /// ``NightWorkRule``.
    public static let worktimeNight: RuleID = "worktime.night"
}

/// Night work (Arbeidstijdenwet), the age taken on the shift's date: from 18, a shift with more than 1 hour
/// between 00:00 and 06:00 is a night shift, which has its own, stricter limits (a warning to look at); under 18,
/// any work between 23:00 and 06:00 is not allowed (an error).
///
/// The time counted is the time present (start to end, the break included: where it fell is unknown), over the
/// entries of the shift's date with a start and an end; an overnight entry counts on both sides of midnight.
public struct NightWorkRule: Rule {
    public static let id = RuleID.worktimeNight
    public static let title = "Night work"

    public let settings: WorkingTimeSettings

    public init(settings: WorkingTimeSettings = WorkingTimeSettings()) {
        self.settings = settings
    }

    /// A finding per night shift (18 and over) or per shift with any night work (under 18).
    public func evaluate(_ hours: StudentHours) -> RuleOutcome {
        let night = settings.night
        var findings: [Finding] = []
        for shift in hours.shifts(settings) {
            let age = hours.ageGroup(on: shift.date), under18 = age == .under18
            let (from, until) = under18 ? (night.under18From, night.under18Until) : (night.adultFrom, night.adultUntil)
            let timed = shift.entries.filter { $0.span != nil && $0.minutes > 0 }
            let within = timed.reduce(0) { $0 + ($1.minutesWithin(from: from, until: until) ?? 0) }
            let upTo = under18 ? 0 : night.adultUpTo
            guard upTo < within else { continue }
            let times = timed.map(\.times).joined(separator: ", ")
            let explanation = under18
                ? "A student under 18 may not work between \(from) and "
                    + "\(until) (Arbeidstijdenwet); this shift (\(times)) has \(hm(within)) in that time."
                : "A shift with more than \(hm(upTo)) between \(from) and \(until) is a night shift for \(age.phrase) "
                    + "(Arbeidstijdenwet), with its own, stricter limits on the shift's length and the rest after it; "
                    + "this shift (\(times)) has \(hm(within)) in that time. Check it with the leerbedrijf."
            findings.append(hours.finding(
                Self.id, under18 ? night.under18Severity : night.adultSeverity, on: shift.date,
                leerbedrijfID: shift.leerbedrijfID, subject: hours.subject(shift.date),
                evidence: "\(hm(within)) between \(from) and \(until) in the shift of \(shift.date) "
                    + (under18 ? "(none allowed)" : "(more than \(hm(upTo)))") + ": "
                    + timed.map(\.evidence).joined(separator: "; "),
                explanation: explanation + " This finding does not change the hours."))
        }
        return RuleOutcome(findings: findings)
    }
}
