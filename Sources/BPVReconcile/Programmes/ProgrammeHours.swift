import BPVModel

/// What the programme rules can be told: which hour categories are bpv at the leerbedrijf (school time,
/// `training`, is not), and the findings' severity. No setting makes a rule silent.
public struct ProgrammeSettings: Sendable, Equatable {
    public var categories: Set<HourCategory>
    public var severity: Finding.Severity

    public init(categories: Set<HourCategory> = [.work, .travelJobs], severity: Finding.Severity = .warning) {
        self.categories = categories
        self.severity = severity
    }
}

/// One student's hours as the programme rules judge them: each entry with the programme it falls under (by its
/// POK's crebo, else the student's) and the student's leerjaar on its date, and the school calendar.
public struct ProgrammeHours: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var entry: HourEntry
        public var programme: Programme
        /// `nil` when neither the student's leerjaar nor the cohort is known: the leerjaar's timetable is unknown.
        public var leerjaar: Int?
        /// The crebo the programme was found by.
        public var crebo: String?

        public init(entry: HourEntry, programme: Programme, leerjaar: Int?, crebo: String?) {
            self.entry = entry
            self.programme = programme
            self.leerjaar = leerjaar
            self.crebo = crebo
        }

        /// The leerjaar's timetable.
        public var year: Programme.Year? { programme.year(leerjaar) }
    }

    public var studentNumber: String
    public var entries: [Entry]
    /// An empty calendar when the school has none: no theme weeks, no holidays.
    public var calendar: SchoolCalendar

    public init(studentNumber: String, entries: [Entry], calendar: SchoolCalendar = SchoolCalendar()) {
        self.studentNumber = studentNumber
        self.entries = entries
        self.calendar = calendar
    }

    /// The entries the rules judge (a bpv category, not a void), grouped per date and programme, in date order;
    /// within a day in the order of start and source.
    /// At most one finding per date worked: `judge` looks at one date's entries (with the first of them and the
    /// date, which every programme rule needs) and gives the finding, or `nil`.
    func findingsPerDay(_ settings: ProgrammeSettings,
                        _ judge: (_ day: [Entry], _ first: Entry, _ date: CalendarDate) -> Finding?) -> RuleOutcome {
        RuleOutcome(findings: days(settings).compactMap { judge($0, $0[0], $0[0].entry.date) })
    }

    func days(_ settings: ProgrammeSettings) -> [[Entry]] {
        let judged = entries.filter { settings.categories.contains($0.entry.category) && $0.entry.action != .void }
        let groups = Dictionary(grouping: judged) { "\($0.entry.date.iso) \($0.programme.name)" }
        return groups.keys.sorted().map { key in
            groups[key]!.sorted {
                let a = WorkingEntry($0.entry), b = WorkingEntry($1.entry)
                return (a.start ?? -1, a.entry.source.file, a.entry.source.line)
                    < (b.start ?? -1, b.entry.source.file, b.entry.source.line)
            }
        }
    }

    /// Whether `date` is a regular school day for the timetable: not in a holiday, and not in a school obligation
    /// (``ThemeWeekRule`` reports those days).
    func isRegular(_ date: CalendarDate, _ entry: Entry) -> Bool {
        calendar.holiday(on: date) == nil
            && calendar.obligation(for: entry.programme, leerjaar: entry.leerjaar, on: date) == nil
    }

    /// `ICT BBL leerjaar 2 (mappings/programmes/ict-bbl.yaml)`.
    static func describe(_ entry: Entry) -> String {
        (entry.programme.title ?? entry.programme.name)
            + (entry.leerjaar.map { " leerjaar \($0)" } ?? "")
            + (entry.programme.source.map { " (\($0))" } ?? "")
    }

    func finding(_ rule: RuleID, _ settings: ProgrammeSettings, _ entries: [Entry], evidence: String,
                 explanation: String) -> Finding {
        let date = entries[0].entry.date
        let leerbedrijven = Set(entries.map(\.entry.leerbedrijfID))
        return Finding(rule: rule, severity: settings.severity, date: date, studentNumber: studentNumber,
                       leerbedrijfID: leerbedrijven.count == 1 ? leerbedrijven.first! : nil,
                       crebo: entries[0].crebo, subject: "student \(studentNumber), \(date)", evidence: evidence,
                       explanation: explanation + " This finding does not change the hours.")
    }
}

/// The front of the programme rules: runs them all on one student's hours. Findings only.
public enum ProgrammeRules {
    /// Every programme finding for `hours`, sorted by date, then rule id.
    public static func findings(for hours: ProgrammeHours,
                                settings: ProgrammeSettings = ProgrammeSettings()) -> [Finding] {
        let outcomes = [
            ThemeWeekRule(settings: settings).evaluate(hours),
            SchoolDayRule(settings: settings).evaluate(hours),
            LessonTimeRule(settings: settings).evaluate(hours),
            SundayLateRule(settings: settings).evaluate(hours),
        ]
        return outcomes.flatMap(\.findings).enumerated()
            .sorted { ($0.element.date, $0.element.ruleID, $0.offset) < ($1.element.date, $1.element.ruleID, $1.offset) }
            .map(\.element)
    }
}
