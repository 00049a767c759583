/// An erkenning that an earlier list had and a later one no longer has: it proves coverage up to the day its
/// last list was retrieved, and not after the first list without it.
public struct WithdrawnErkenning: Hashable, Sendable {
    public var erkenning: Erkenning
    /// Retrieval date of the last list that had it.
    public var lastSeen: CalendarDate
    /// Retrieval date of the first list without it.
    public var absentFrom: CalendarDate

    public init(erkenning: Erkenning, lastSeen: CalendarDate, absentFrom: CalendarDate) {
        self.erkenning = erkenning
        self.lastSeen = lastSeen
        self.absentFrom = absentFrom
    }

    /// The days it is known to have covered.
    public var provenRange: DateRange? {
        let end = erkenning.end.map { min($0, lastSeen) } ?? lastSeen
        return erkenning.start <= end ? DateRange(start: erkenning.start, end: end) : nil
    }
}
