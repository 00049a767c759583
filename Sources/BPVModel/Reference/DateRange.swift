/// A run of calendar days, both ends inclusive; an open end runs on without limit.
public struct DateRange: Hashable, Sendable, CustomStringConvertible {
    public var start: CalendarDate
    /// `nil`: open-ended.
    public var end: CalendarDate?

    public init(start: CalendarDate, end: CalendarDate?) {
        self.start = start
        self.end = end
    }

    public func contains(_ date: CalendarDate) -> Bool {
        date >= start && (end.map { date <= $0 } ?? true)
    }

    /// `2025-09-01 – 2027-07-09`, `2025-09-01 – open`.
    public var description: String { "\(start) – " + (end?.iso ?? "open") }

    /// The ranges merged where they overlap or touch (an end on day D and a start on D+1 are one run), in
    /// date order.
    public static func union(_ ranges: [DateRange]) -> [DateRange] {
        let sorted = ranges.sorted { $0.start < $1.start }
        var merged: [DateRange] = []
        for range in sorted {
            guard var last = merged.last else { merged.append(range); continue }
            guard let lastEnd = last.end else { continue } // an open run swallows the rest
            if range.start.dayNumber <= lastEnd.dayNumber + 1 {
                if let end = range.end { last.end = max(lastEnd, end) } else { last.end = nil }
                merged[merged.count - 1] = last
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// The days of `self` (which must have an end) that none of `covering` holds, as ranges in date order.
    public func gaps(in covering: [DateRange]) -> [DateRange] {
        guard let end else { return [] }
        var gaps: [DateRange] = []
        var cursor = start
        for range in DateRange.union(covering) {
            if let rangeEnd = range.end, rangeEnd < cursor { continue }
            if range.start > end { break }
            if range.start > cursor { gaps.append(DateRange(start: cursor, end: range.start.adding(days: -1))) }
            guard let rangeEnd = range.end else { return gaps }
            cursor = max(cursor, rangeEnd.adding(days: 1))
            if cursor > end { return gaps }
        }
        if cursor <= end { gaps.append(DateRange(start: cursor, end: end)) }
        return gaps
    }
}
