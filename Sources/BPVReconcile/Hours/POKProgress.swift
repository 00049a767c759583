import BPVModel

/// The settings of a POK's progress.
public struct POKProgressSettings: Sendable, Equatable {
    /// The pace of the projection: the counted hours of this many weeks before the reference date.
    public var paceWeeks = 4
    /// The first tussenbeoordeling is due this many weeks after the POK's begin (ICT gids).
    public var firstAssessmentWeeks = 8
    public init() {}
}

/// Where one POK stands on a reference date: the hours it needs, counted, not counted per reason, expected by
/// now, the projected day of reaching its hours, the weeks without hours, and its status.
public struct POKProgress: Sendable, Hashable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// At or above the hours expected by now.
        case onTrack = "on_track"
        /// Below the hours expected by now (pro rata over the POK's days).
        case behind
        /// At the pace of the last weeks the hours are reached after the POK's end, or not at all.
        case atRisk = "at_risk"
        /// The POK's hours are reached.
        case done
        /// The POK has ended (or was ended early) without its hours.
        case endedShort = "ended_short"
        /// The POK states no hours: nothing to measure against.
        case noNorm = "no_norm"
    }

    public var pok: POK
    public var student: Student?
    public var referenceDate: CalendarDate
    /// The POK's hours, in minutes (`nil`: the POK states none).
    public var requiredMinutes: Int?
    public var countedMinutes: Int
    /// Minutes of entries attributed to this POK that do not count, per primary reason.
    public var notCounted: [VerdictCode: Int]
    /// The hours expected by the reference date: the POK's hours pro rata over its days, leaving out the holidays
    /// that lower the programme's expected hours (``Programme/expectedHoursHolidays(in:)``).
    public var expectedMinutes: Int?
    /// Counted minutes in the ``POKProgressSettings/paceWeeks`` weeks before the reference date.
    public var recentMinutes: Int
    /// The day the POK's hours are reached at the recent pace (`nil`: done, no norm, or no recent hours).
    public var projectedDate: CalendarDate?
    /// Whole weeks (Monday to Sunday) of the POK before the reference date's week without any counted hours.
    public var weeksWithoutHours: Int
    public var firstAssessmentDue: CalendarDate
    public var status: Status

    /// `holidays`: days on which no hours are expected (the programme's holidays in the school calendar).
    public init(pok: POK, student: Student?, verdicts: [EntryVerdict], on referenceDate: CalendarDate,
                settings: POKProgressSettings, holidays: [DateRange] = []) {
        self.pok = pok
        self.student = student
        self.referenceDate = referenceDate
        requiredMinutes = pok.minutes
        countedMinutes = verdicts.reduce(0) { $0 + $1.countedMinutes }
        var notCounted: [VerdictCode: Int] = [:]
        for verdict in verdicts where !verdict.counts { notCounted[verdict.primary, default: 0] += verdict.entry.entry.minutes }
        self.notCounted = notCounted
        firstAssessmentDue = pok.begin.adding(days: 7 * settings.firstAssessmentWeeks)

        let paceDays = 7 * settings.paceWeeks
        let paceFrom = referenceDate.adding(days: -(paceDays - 1))
        // One pass over the counted verdicts, no copies: the recent minutes and the weeks with counted hours.
        var recent = 0
        var countedWeeks = Set<CalendarDate>()
        for verdict in verdicts where verdict.counts {
            let date = verdict.entry.entry.date
            if date >= paceFrom && date <= referenceDate { recent += verdict.countedMinutes }
            countedWeeks.insert(Self.monday(of: date))
        }
        recentMinutes = recent

        // Weeks without hours: the POK's whole weeks before the reference date's week.
        var weeks = 0
        var monday = Self.monday(of: pok.begin)
        let lastMonday = min(Self.monday(of: referenceDate), Self.monday(of: pok.end).adding(days: 7))
        while monday < lastMonday {
            if !countedWeeks.contains(monday) { weeks += 1 }
            monday = monday.adding(days: 7)
        }
        weeksWithoutHours = weeks

        guard let required = pok.minutes else {
            expectedMinutes = nil
            projectedDate = nil
            status = .noNorm
            return
        }
        // The POK's days and those elapsed by the reference date, without the holidays.
        var free = Set<Int>()
        for holiday in holidays {
            let from = max(holiday.start.dayNumber, pok.begin.dayNumber)
            let to = min((holiday.end ?? holiday.start).dayNumber, pok.end.dayNumber)
            if from <= to { free.formUnion(from...to) }
        }
        let last = min(referenceDate.dayNumber, pok.end.dayNumber)
        let total = pok.end.dayNumber - pok.begin.dayNumber + 1 - free.count
        let elapsed = max(last - pok.begin.dayNumber + 1, 0) - free.filter { $0 <= last }.count
        expectedMinutes = total > 0 ? required * max(elapsed, 0) / total : required
        let remaining = required - countedMinutes
        if remaining <= 0 {
            projectedDate = nil
            status = .done
            return
        }
        if recentMinutes > 0 {
            let days = (remaining * paceDays + recentMinutes - 1) / recentMinutes  // rounded up
            projectedDate = referenceDate.adding(days: days)
        } else {
            projectedDate = nil
        }
        if referenceDate > pok.lastDay {
            status = .endedShort
        } else if referenceDate >= pok.begin.adding(days: paceDays - 1) && (projectedDate.map { $0 > pok.end } ?? true) {
            status = .atRisk
        } else if countedMinutes < expectedMinutes! {
            status = .behind
        } else {
            status = .onTrack
        }
    }

    /// The Monday of `date`'s ISO week.
    static func monday(of date: CalendarDate) -> CalendarDate { date.adding(days: 1 - date.isoWeekday) }
}
