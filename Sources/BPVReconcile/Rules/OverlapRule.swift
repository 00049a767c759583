import BPVModel

/// A student cannot work two shifts at once: an entry whose times overlap an earlier counted entry of the same
/// student on the same day does not count (the two may come from different employers). Touching shifts (one
/// ends at 12:00, the next starts at 12:00) do not overlap.
public struct OverlapRule: Rule {
    public static let id: RuleID = "hours.overlap"
    public static let title = "Overlapping hours of one student count once"

    public let settings: NoSettings
    public init(settings: NoSettings) { self.settings = settings }

    /// One student's entries that count so far; the earliest (by id) of overlapping ones keeps counting.
    public func evaluate(_ entries: [ReconcileEntry]) -> EntryReasons {
        let sorted = entries.isSorted { $0.id < $1.id } ? entries : entries.sorted { $0.id < $1.id }
        // The kept entries by index (no copies), per day with their intervals in minutes of that day.
        var kept: [CalendarDate: [(index: Int, interval: Range<Int>)]] = [:]
        var result = EntryReasons()
        for (index, entry) in sorted.enumerated() {
            guard let interval = entry.entry.interval else { continue }
            let day = entry.entry.date
            // The same day's kept entries first, then an earlier day's shift past midnight reaching into this day.
            let overlapping = kept[day]?.first { $0.interval.overlaps(interval) }?.index
                ?? kept[day.adding(days: -1)]?.first {
                    (($0.interval.lowerBound - 1440)..<($0.interval.upperBound - 1440)).overlaps(interval)
                }?.index
            if let overlapping {
                let other = sorted[overlapping]
                result.add(VerdictReason(.overlap, rule: Self.id,
                    explanation: "\(DuplicateEntryRule.times(entry.entry)) on \(day) overlaps \(other.entry.employerID)'s "
                        + "\(DuplicateEntryRule.times(other.entry)) on \(other.entry.date) (\(other.entry.source))"),
                    to: entry.id)
                continue
            }
            kept[day, default: []].append((index, interval))
        }
        return result
    }
}
