import BPVModel

extension RuleID {
    /// ``SchoolDayRule``.
    public static let programmeSchoolDay: RuleID = "programme.school_day"
}

/// No bpv on the leerjaar's school days (`school_days:` in the programme file: ICT BBL one school day, PET year 2
/// Monday to Wednesday, PET year 3 the Thursday terugkomdag). A day in a school holiday is no school day; a day in
/// a school obligation is ``ThemeWeekRule``'s. Findings only: the hours still count.
public struct SchoolDayRule: Rule {
    public static let id = RuleID.programmeSchoolDay
    public static let title = "No bpv on a school day"

    public let settings: ProgrammeSettings

    public init(settings: ProgrammeSettings = ProgrammeSettings()) {
        self.settings = settings
    }

    /// A finding per date (and programme) with bpv hours on a school day of the student's leerjaar.
    public func evaluate(_ hours: ProgrammeHours) -> RuleOutcome {
        hours.findingsPerDay(settings) { day, first, date in
            guard let year = first.year, year.schoolDays.contains(date.isoWeekday), hours.isRegular(date, first)
            else { return nil }
            let weekday = Weekday.name(date.isoWeekday).capitalized
            let minutes = day.reduce(0) { $0 + $1.entry.minutes }
            return hours.finding(
                Self.id, settings, day,
                evidence: "\(hm(minutes)) on \(weekday) \(date), a school day of \(ProgrammeHours.describe(first)): "
                    + day.map { WorkingEntry($0.entry).evidence }.joined(separator: "; "),
                explanation: "\(weekday) is a school day in leerjaar \(first.leerjaar!) of "
                    + "\(first.programme.title ?? first.programme.name): the student is expected at school, not at "
                    + "the leerbedrijf. Check with the student and the leerbedrijf (a swapped day, a day without "
                    + "lessons?).")
        }
    }
}
