import BPVModel

/// A programme's timetable as data (`mappings/programmes/<name>.yaml`): the crebos it covers, per leerjaar the
/// weekdays that are school days, the regular lesson hours and the latest end on Sundays, and which school
/// holidays lower the hours expected by a date.
///
/// The programme rules (``SchoolDayRule``, ``LessonTimeRule``, ``SundayLateRule``, ``ThemeWeekRule``) read it;
/// they raise findings and never change a verdict.
public struct Programme: Sendable, Hashable {
    /// The file's base name (`pet`), as a calendar's `programmes:` names it.
    public var name: String
    /// `Allround podium- en evenemententechnicus`.
    public var title: String?
    /// The crebos it covers (exact codes).
    public var crebos: [String]
    /// The timetable per leerjaar; a leerjaar none names has no school days, lessons or Sunday limit.
    public var years: [Year]
    /// Which of the calendar's holidays lower the hours expected by a date.
    public var expectedHoursHolidays: HolidaySelection
    /// `mappings/programmes/pet.yaml`, for evidence.
    public var source: String?
    /// What a voldoende or goed needs (the file's `evidence:`); `nil` when the file has none.
    public var evidence: EvidenceRules?

    public init(name: String, title: String? = nil, crebos: [String], years: [Year] = [],
                expectedHoursHolidays: HolidaySelection = .school, source: String? = nil, evidence: EvidenceRules? = nil) {
        self.evidence = evidence
        self.name = name
        self.title = title
        self.crebos = crebos
        self.years = years
        self.expectedHoursHolidays = expectedHoursHolidays
        self.source = source
    }

    /// The timetable of one or more leerjaren.
    public struct Year: Sendable, Hashable {
        public var leerjaren: Set<Int>
        /// ISO weekdays (1 = Monday ... 7 = Sunday) that are school days: no bpv then.
        public var schoolDays: Set<Int>
        /// The regular lessons: no bpv during them (evenings and weekends are allowed).
        public var lessonHours: LessonHours?
        /// The latest end of bpv on a Sunday (PET year 1: 22:00).
        public var sundayLatestEnd: TimeOfDay?

        public init(leerjaren: Set<Int>, schoolDays: Set<Int> = [], lessonHours: LessonHours? = nil,
                    sundayLatestEnd: TimeOfDay? = nil) {
            self.leerjaren = leerjaren
            self.schoolDays = schoolDays
            self.lessonHours = lessonHours
            self.sundayLatestEnd = sundayLatestEnd
        }
    }

    /// Lessons on `weekdays` from `from` until `until` (an entry touching the window's edge is outside it).
    public struct LessonHours: Sendable, Hashable {
        public var weekdays: Set<Int>
        public var from: TimeOfDay
        public var until: TimeOfDay

        public init(weekdays: Set<Int>, from: TimeOfDay, until: TimeOfDay) {
            self.weekdays = weekdays
            self.from = from
            self.until = until
        }
    }

    /// Which school holidays lower the expected hours: all of the calendar's, only those named (ICT BBL: the
    /// bouwvak), or none.
    public enum HolidaySelection: Sendable, Hashable {
        case school
        case named([String])
        case none
    }

    /// The timetable of `leerjaar`, if the file has one.
    public func year(_ leerjaar: Int?) -> Year? {
        guard let leerjaar else { return nil }
        return years.first { $0.leerjaren.contains(leerjaar) }
    }

    public func covers(crebo: String?) -> Bool { crebo.map(crebos.contains) ?? false }

    /// The calendar's holidays that lower this programme's expected hours.
    public func expectedHoursHolidays(in calendar: SchoolCalendar?) -> [SchoolCalendar.Holiday] {
        let holidays = calendar?.holidays ?? []
        switch expectedHoursHolidays {
        case .school: return holidays
        case .none: return []
        case .named(let names):
            let wanted = Set(names.map { $0.lowercased() })
            return holidays.filter { wanted.contains($0.name.lowercased()) }
        }
    }
}

extension Student {
    /// The leerjaar on `date`: ``leerjaar`` when the student administration gives it, else from ``cohort``: the
    /// school year starts on 1 August, leerjaar = the school year's start year − cohort + 1. `nil` without either.
    public func leerjaar(on date: CalendarDate) -> Int? {
        if let leerjaar { return leerjaar }
        guard let cohort else { return nil }
        return SchoolCalendar.schoolYear(of: date) - cohort + 1
    }
}

/// `monday` ... `sunday` and back: the weekday names programme files and evidence use.
public enum Weekday {
    public static let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// 1 (Monday) ... 7 (Sunday) for a name, any case; `nil` otherwise.
    public static func number(_ name: String) -> Int? {
        names.firstIndex(of: name.lowercased()).map { $0 + 1 }
    }

    public static func name(_ number: Int) -> String { names[(number - 1) % 7] }
}
