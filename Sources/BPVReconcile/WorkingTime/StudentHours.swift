import BPVModel

/// One student's hours as the working-time rules judge them: the studentnummer, the birth date (the law's limits
/// depend on the age on each date worked) and the entries.
///
/// A loader fills it from the store: the student's active entries of every employer (corrections applied), and
/// the birth date from the student administration. The rules pick the entries whose category counts as working
/// time (``WorkingTimeSettings/categories``) and never change an entry.
public struct StudentHours: Hashable, Sendable {
    public var studentNumber: String
    /// `nil` when unknown: the rules then apply the limits for 18 and over, and ``AgeUnknownRule`` says so once.
    public var birthDate: CalendarDate?
    /// The student's entries, any category, in any order.
    public var entries: [HourEntry] { didSet { derivation = nil } }
    /// The working entries, shifts and minutes per day, made once for all the rules by ``prepared(_:)``; not part
    /// of the value (equality and hashing look at the three fields above only).
    var derivation: WorkingDerivation?

    public init(studentNumber: String, birthDate: CalendarDate?, entries: [HourEntry]) {
        self.studentNumber = studentNumber
        self.birthDate = birthDate
        self.entries = entries
    }

    public static func == (lhs: StudentHours, rhs: StudentHours) -> Bool {
        lhs.studentNumber == rhs.studentNumber && lhs.birthDate == rhs.birthDate && lhs.entries == rhs.entries
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(studentNumber)
        hasher.combine(birthDate)
        hasher.combine(entries)
    }

    /// The age in whole years completed on `date` (as ``Student/age(on:)``); `nil` without a birth date.
    public func age(on date: CalendarDate) -> Int? {
        birthDate.map { Student.age(born: $0, on: date) }
    }

    /// Whether the limits for under 18 apply on `date`: `false` when the birth date is unknown (the adult limits
    /// apply then).
    public func isUnder18(on date: CalendarDate) -> Bool {
        age(on: date).map { $0 < 18 } ?? false
    }
}

/// Which of the law's columns applies on a date, and how the explanations name it.
enum AgeGroup: Sendable {
    case under18, adult, unknown

    /// `a student under 18`, `a student of 18 or over`, `a student of 18 or over (the birth date is unknown)`.
    var phrase: String {
        switch self {
        case .under18: "a student under 18"
        case .adult: "a student of 18 or over"
        case .unknown: "a student of 18 or over (the birth date is unknown, so the adult limit applies)"
        }
    }
}

extension StudentHours {
    func ageGroup(on date: CalendarDate) -> AgeGroup {
        guard let age = age(on: date) else { return .unknown }
        return age < 18 ? .under18 : .adult
    }

    /// The same hours with the working entries, shifts and minutes per day derived once for `settings`: the
    /// working-time rules then share them instead of each deriving them again (BENCHMARKS.md).
    func prepared(_ settings: WorkingTimeSettings) -> StudentHours {
        var hours = self
        hours.derivation = WorkingDerivation(self, settings)
        return hours
    }

    private func derived(_ settings: WorkingTimeSettings) -> WorkingDerivation {
        if let derivation, derivation.settings == settings { return derivation }
        return WorkingDerivation(self, settings)
    }

    /// The entries the rules judge: a working-time category, not a void, in the order of date, start and source.
    func workingEntries(_ settings: WorkingTimeSettings) -> [WorkingEntry] { derived(settings).entries }

    /// The working entries of each date worked, dates in order: one shift per date (see ``ShiftLengthRule``).
    func shifts(_ settings: WorkingTimeSettings) -> [Shift] { derived(settings).shifts }

    /// The minutes worked on each calendar day, overnight entries split at midnight (``WorkingEntry/minutesByDay``).
    func minutesByDay(_ settings: WorkingTimeSettings) -> [CalendarDate: Int] { derived(settings).minutesByDay }

    /// `student 2250476, 2026-11-02`.
    func subject(_ date: CalendarDate) -> String { "student \(studentNumber), \(date)" }

    /// `student 2250476, week 2026-W47`.
    func subject(_ week: ISOWeek) -> String { "student \(studentNumber), week \(week)" }

    func finding(_ rule: RuleID, _ severity: Finding.Severity, on date: CalendarDate, leerbedrijfID: String? = nil,
                 subject: String, evidence: String, explanation: String) -> Finding {
        Finding(rule: rule, severity: severity, date: date, studentNumber: studentNumber, leerbedrijfID: leerbedrijfID,
                subject: subject, evidence: evidence, explanation: explanation)
    }
}

/// What the working-time rules derive from a student's hours, made once per student and settings.
final class WorkingDerivation: Sendable {
    let settings: WorkingTimeSettings
    let entries: [WorkingEntry]
    let shifts: [Shift]
    let minutesByDay: [CalendarDate: Int]

    init(_ hours: StudentHours, _ settings: WorkingTimeSettings) {
        self.settings = settings
        let candidates = hours.entries.filter { settings.categories.contains($0.category) && $0.action != .void }
            .map(WorkingEntry.init)
        // Sorted as indices (the entries themselves are copied once, into their places).
        let order = candidates.indices.sorted { a, b in
            let x = candidates[a], y = candidates[b]
            return (x.date, x.start ?? -1, x.entry.source.file, x.entry.source.line)
                < (y.date, y.start ?? -1, y.entry.source.file, y.entry.source.line)
        }
        let entries = order.map { candidates[$0] }
        self.entries = entries
        let byDate = Dictionary(grouping: entries, by: \.date)
        shifts = byDate.keys.sorted().map { Shift(date: $0, entries: byDate[$0]!) }
        var days: [CalendarDate: Int] = [:]
        for entry in entries {
            for (day, minutes) in entry.minutesByDay { days[day, default: 0] += minutes }
        }
        minutesByDay = days
    }
}
