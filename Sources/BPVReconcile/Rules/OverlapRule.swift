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
        var kept: [CalendarDate: [(ReconcileEntry, Range<Int>)]] = [:]
        var result = EntryReasons()
        for entry in entries.sorted(by: { $0.id < $1.id }) {
            guard let interval = entry.entry.interval else { continue }
            let day = entry.entry.date
            // An earlier day's shift past midnight reaches into this day.
            let previous = (kept[day.adding(days: -1)] ?? []).map { ($0.0, ($0.1.lowerBound - 1440)..<($0.1.upperBound - 1440)) }
            if let other = ((kept[day] ?? []) + previous).first(where: { $0.1.overlaps(interval) }) {
                result.add(VerdictReason(.overlap, rule: Self.id,
                    explanation: "\(DuplicateEntryRule.times(entry.entry)) on \(day) overlaps \(other.0.entry.employerID)'s "
                        + "\(DuplicateEntryRule.times(other.0.entry)) on \(other.0.entry.date) (\(other.0.entry.source))"),
                    to: entry.id)
                continue
            }
            kept[day, default: []].append((entry, interval))
        }
        return result
    }
}
