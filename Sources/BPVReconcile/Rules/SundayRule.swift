import BPVModel

extension RuleID {
    /// ``SundayRule``.
    public static let worktimeSundays: RuleID = "worktime.sundays"
}

/// At least 13 free Sundays in a calendar year (Arbeidstijdenwet): with 52 Sundays in the year, a 40th Sunday
/// worked is a finding (with 53, a 41st). Under 18, Sunday work is allowed only where the nature of the work needs
/// it: a yearly note lists the Sundays worked under 18.
///
/// A Sunday counts as worked when working time falls on it, also from an entry that started on the Saturday and
/// runs past midnight. Sundays without hours here count as free (other employers' hours are not known here).
public struct SundayRule: Rule {
    public static let id = RuleID.worktimeSundays
    public static let title = "Free Sundays"

    public let settings: WorkingTimeSettings

    public init(settings: WorkingTimeSettings = WorkingTimeSettings()) {
        self.settings = settings
    }

    /// Per calendar year: a finding on the Sunday that leaves too few free, and the note on Sundays under 18.
    public func evaluate(_ hours: StudentHours) -> RuleOutcome {
        let rule = settings.sundays
        let worked = hours.minutesByDay(settings).filter { $0.key.isoWeekday == 7 && $0.value > 0 }.keys
        let byYear = Dictionary(grouping: worked, by: \.year)
        var findings: [Finding] = []
        for year in byYear.keys.sorted() {
            let sundays = byYear[year]!.sorted(), inYear = Self.sundays(in: year), free = inYear - sundays.count
            let subject = "student \(hours.studentNumber), Sundays in \(year)"
            if free < rule.minimumFree {
                let crossing = sundays[min(sundays.count - 1, max(0, inYear - rule.minimumFree))]
                findings.append(hours.finding(
                    Self.id, rule.severity, on: crossing, subject: subject,
                    evidence: "\(sundays.count) of the \(inYear) Sundays of \(year) worked, \(free) free, at least "
                        + "\(rule.minimumFree) needed (too few from \(crossing)): "
                        + sundays.map(\.iso).joined(separator: ", "),
                    explanation: "A student must have at least \(rule.minimumFree) free Sundays in a calendar year "
                        + "(Arbeidstijdenwet); in \(year) this student had \(free). Check the schedule with the "
                        + "leerbedrijf; this finding does not change the hours."))
            }
            let under18 = sundays.filter { hours.isUnder18(on: $0) }
            if let first = under18.first {
                findings.append(hours.finding(
                    Self.id, rule.under18Severity, on: first, subject: subject,
                    evidence: "\(under18.count) Sunday(s) of \(year) worked under 18: "
                        + under18.map(\.iso).joined(separator: ", "),
                    explanation: "A student under 18 may work on Sundays only where the nature of the work needs it "
                        + "(Arbeidstijdenwet); check that it did. This finding does not change the hours."))
            }
        }
        return RuleOutcome(findings: findings)
    }

    /// 52 or 53.
    static func sundays(in year: Int) -> Int {
        let january1 = CalendarDate(year: year, month: 1, day: 1)!, december31 = CalendarDate(year: year, month: 12, day: 31)!
        let first = january1.adding(days: (7 - january1.isoWeekday) % 7)
        return (december31.dayNumber - first.dayNumber) / 7 + 1
    }
}
