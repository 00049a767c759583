import BPVModel

/// What the working-time rules can be told (a later change reads it from `bpv.yaml`). The defaults are the
/// Arbeidstijdenwet's limits (domain.md); times are in minutes. Every working-time rule takes the whole group as
/// its settings, so all of them agree on which categories count.
///
/// A severity can be lowered, not switched off: no setting makes a rule silent.
public struct WorkingTimeSettings: Sendable, Equatable {
    /// The categories that count as working time (school time, `training`, counts for the law too).
    public var categories: Set<HourCategory>
    /// ``ShiftLengthRule``: 12 h, 9 h under 18.
    public var shiftLength: WorkingTimeLimit
    /// ``WeekTotalRule``: 60 h, 45 h under 18.
    public var weekTotal: WorkingTimeLimit
    /// ``FourWeekAverageRule``: 55 h a week, 40 h under 18.
    public var fourWeekAverage: WorkingTimeLimit
    /// ``SixteenWeekAverageRule``: 48 h a week; none under 18 (their 4-week limit is stricter).
    public var sixteenWeekAverage: WorkingTimeLimit
    public var breaks: BreakSettings
    public var night: NightSettings
    public var sundays: SundaySettings
    /// ``AgeUnknownRule``.
    public var ageUnknownSeverity: Finding.Severity

    public init(categories: Set<HourCategory> = [.work, .travelJobs, .training],
                shiftLength: WorkingTimeLimit = WorkingTimeLimit(adult: 12 * 60, under18: 9 * 60),
                weekTotal: WorkingTimeLimit = WorkingTimeLimit(adult: 60 * 60, under18: 45 * 60),
                fourWeekAverage: WorkingTimeLimit = WorkingTimeLimit(adult: 55 * 60, under18: 40 * 60),
                sixteenWeekAverage: WorkingTimeLimit = WorkingTimeLimit(adult: 48 * 60, under18: nil),
                breaks: BreakSettings = BreakSettings(), night: NightSettings = NightSettings(),
                sundays: SundaySettings = SundaySettings(), ageUnknownSeverity: Finding.Severity = .info) {
        self.categories = categories
        self.shiftLength = shiftLength
        self.weekTotal = weekTotal
        self.fourWeekAverage = fourWeekAverage
        self.sixteenWeekAverage = sixteenWeekAverage
        self.breaks = breaks
        self.night = night
        self.sundays = sundays
        self.ageUnknownSeverity = ageUnknownSeverity
    }
}

/// A maximum in minutes for 18 and over (and an unknown age) and for under 18, and the severity of going over it.
public struct WorkingTimeLimit: Sendable, Equatable {
    /// Minutes, for 18 and over.
    public var adult: Int
    /// Minutes, for under 18; `nil`: the rule does not judge dates the student is under 18.
    public var under18: Int?
    public var severity: Finding.Severity

    public init(adult: Int, under18: Int?, severity: Finding.Severity = .warning) {
        self.adult = adult
        self.under18 = under18
        self.severity = severity
    }

    func limit(for age: AgeGroup) -> Int? { age == .under18 ? under18 : adult }
}

/// ``BreakRule``: more than 5h30 worked in a shift needs a 30-minute break, more than 4h30 under 18.
public struct BreakSettings: Sendable, Equatable {
    /// Worked minutes a shift may reach without a break, for 18 and over.
    public var adultWorkedUpTo: Int
    /// The same, for under 18.
    public var under18WorkedUpTo: Int
    /// The break a longer shift needs, in minutes.
    public var minimumBreak: Int
    public var severity: Finding.Severity

    public init(adultWorkedUpTo: Int = 5 * 60 + 30, under18WorkedUpTo: Int = 4 * 60 + 30, minimumBreak: Int = 30,
                severity: Finding.Severity = .warning) {
        self.adultWorkedUpTo = adultWorkedUpTo
        self.under18WorkedUpTo = under18WorkedUpTo
        self.minimumBreak = minimumBreak
        self.severity = severity
    }
}

/// ``NightWorkRule``: from 18, a shift with more than 1 hour between 00:00 and 06:00 is a night shift, with its own
/// limits (a warning to look at); under 18, no work at all between 23:00 and 06:00 (an error).
public struct NightSettings: Sendable, Equatable {
    public var adultFrom: TimeOfDay
    public var adultUntil: TimeOfDay
    /// Minutes within `adultFrom`–`adultUntil` a shift may have and not be a night shift.
    public var adultUpTo: Int
    public var adultSeverity: Finding.Severity
    public var under18From: TimeOfDay
    public var under18Until: TimeOfDay
    public var under18Severity: Finding.Severity

    public init(adultFrom: TimeOfDay = TimeOfDay(hour: 0, minute: 0)!, adultUntil: TimeOfDay = TimeOfDay(hour: 6, minute: 0)!,
                adultUpTo: Int = 60, adultSeverity: Finding.Severity = .warning,
                under18From: TimeOfDay = TimeOfDay(hour: 23, minute: 0)!,
                under18Until: TimeOfDay = TimeOfDay(hour: 6, minute: 0)!, under18Severity: Finding.Severity = .error) {
        self.adultFrom = adultFrom
        self.adultUntil = adultUntil
        self.adultUpTo = adultUpTo
        self.adultSeverity = adultSeverity
        self.under18From = under18From
        self.under18Until = under18Until
        self.under18Severity = under18Severity
    }
}

/// ``SundayRule``: at least 13 free Sundays in a calendar year; under 18, Sunday work only where the nature of
/// the work needs it.
public struct SundaySettings: Sendable, Equatable {
    public var minimumFree: Int
    public var severity: Finding.Severity
    /// The severity of the yearly note listing the Sundays worked under 18.
    public var under18Severity: Finding.Severity

    public init(minimumFree: Int = 13, severity: Finding.Severity = .warning, under18Severity: Finding.Severity = .info) {
        self.minimumFree = minimumFree
        self.severity = severity
        self.under18Severity = under18Severity
    }
}
