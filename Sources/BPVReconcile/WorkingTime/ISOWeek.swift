import BPVModel

/// An ISO 8601 week: Monday to Sunday, numbered within the ISO year of its Thursday, so 2026-12-28 to
/// 2027-01-03 is the one week `2026-W53`. The working-time law's week runs Monday 00:00 to Sunday 24:00.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The week's Monday.
    public let monday: CalendarDate

    /// The week that holds `date`.
    public init(containing date: CalendarDate) {
        monday = date.adding(days: 1 - date.isoWeekday)
    }

    public var sunday: CalendarDate { monday.adding(days: 6) }

    /// The ISO year: the calendar year of the week's Thursday.
    public var year: Int { monday.adding(days: 3).year }

    /// 1...53.
    public var week: Int {
        let thursday = monday.adding(days: 3)
        let january1 = CalendarDate(year: thursday.year, month: 1, day: 1)!
        return (thursday.dayNumber - january1.dayNumber) / 7 + 1
    }

    /// The week `count` weeks later (earlier when negative).
    public func adding(weeks count: Int) -> ISOWeek { ISOWeek(containing: monday.adding(days: 7 * count)) }

    /// `2026-W47`.
    public var description: String { "\(year)-W" + (week < 10 ? "0\(week)" : "\(week)") }

    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { a.monday < b.monday }
}
