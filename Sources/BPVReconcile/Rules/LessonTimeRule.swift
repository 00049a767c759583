import BPVModel

extension RuleID {
    /// ``LessonTimeRule``.
    public static let programmeLessonTime: RuleID = "programme.lesson_time"
}

/// No bpv during the regular lessons (`lesson_hours:` in the programme file; PET year 1: Monday to Friday
/// 08:30–16:30): an entry whose times overlap the lessons of its date, or of the next day for one that runs past
/// midnight. Touching the window's edge (ending at 08:30, starting at 16:30) is outside it. Evenings and weekends
/// are allowed; days in a school holiday have no lessons, days of a school obligation are ``ThemeWeekRule``'s.
/// An entry without start and end times cannot be judged and is left alone. Findings only.
public struct LessonTimeRule: Rule {
    public static let id = RuleID.programmeLessonTime
    public static let title = "No bpv during regular lessons"

    public let settings: ProgrammeSettings

    public init(settings: ProgrammeSettings = ProgrammeSettings()) {
        self.settings = settings
    }

    /// A finding per date (and programme) whose entries overlap lesson hours.
    public func evaluate(_ hours: ProgrammeHours) -> RuleOutcome {
        hours.findingsPerDay(settings) { day, first, date in
            guard let lessons = first.year?.lessonHours else { return nil }
            let within = day.map { (entry: $0, minutes: overlap(WorkingEntry($0.entry), lessons, hours, $0)) }
                .filter { $0.minutes > 0 }
            guard !within.isEmpty else { return nil }
            let minutes = within.reduce(0) { $0 + $1.minutes }
            return hours.finding(
                Self.id, settings, within.map(\.entry),
                evidence: "\(hm(minutes)) within the lessons (\(lessons.from)–\(lessons.until), "
                    + lessons.weekdays.sorted().map(Weekday.name).joined(separator: ", ")
                    + ") of \(ProgrammeHours.describe(first)) on \(date): "
                    + within.map { WorkingEntry($0.entry.entry).evidence }.joined(separator: "; "),
                explanation: "In leerjaar \(first.leerjaar!) of \(first.programme.title ?? first.programme.name) "
                    + "the bpv may not fall during regular lessons (evenings and weekends are allowed). Check the "
                    + "times with the student and the leerbedrijf.")
        }
    }

    /// The entry's minutes within the lessons of its date and the next day.
    func overlap(_ entry: WorkingEntry, _ lessons: Programme.LessonHours, _ hours: ProgrammeHours,
                 _ programmeEntry: ProgrammeHours.Entry) -> Int {
        guard let start = entry.start, let end = entry.end else { return 0 }
        let from = lessons.from.secondsSinceMidnight / 60, until = lessons.until.secondsSinceMidnight / 60
        var total = 0
        for offset in 0...1 {
            let day = entry.date.adding(days: offset)
            guard lessons.weekdays.contains(day.isoWeekday), hours.isRegular(day, programmeEntry) else { continue }
            total += max(0, min(end, offset * 1440 + until) - max(start, offset * 1440 + from))
        }
        return total
    }
}
