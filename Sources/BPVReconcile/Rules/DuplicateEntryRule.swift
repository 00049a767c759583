import BPVModel

/// The same hours sent twice: an entry with the same student, day, start, end and minutes as an earlier one from
/// another file or employer (an uitzendbureau and the leerbedrijf both sending the week) counts once. Entries
/// without times are compared by day and minutes only when they come from different employers.
public struct DuplicateEntryRule: Rule {
    public static let id: RuleID = "hours.duplicate"
    public static let title = "The same hours from two files or employers count once"

    public let settings: NoSettings
    public init(settings: NoSettings) { self.settings = settings }

    /// One student's entries; the earliest (by id) of each group of duplicates counts.
    public func evaluate(_ entries: [ReconcileEntry]) -> EntryReasons {
        struct Key: Hashable {
            var date: CalendarDate
            var start: TimeOfDay?
            var end: TimeOfDay?
            var minutes: Int
        }
        let sorted = entries.isSorted { $0.id < $1.id } ? entries : entries.sorted { $0.id < $1.id }
        var first: [Key: Int] = [:]   // the index of the first entry with the key (no copies)
        var result = EntryReasons()
        for (index, entry) in sorted.enumerated() {
            let e = entry.entry
            let key = Key(date: e.date, start: e.start, end: e.end, minutes: e.minutes)
            guard let earlierIndex = first[key] else { first[key] = index; continue }
            let earlier = sorted[earlierIndex]
            let sameSource = earlier.entry.source.file == e.source.file && earlier.entry.employerID == e.employerID
            let timed = e.start != nil && e.end != nil
            guard !sameSource, timed || earlier.entry.employerID != e.employerID else { continue }
            result.add(VerdictReason(.duplicate, rule: Self.id,
                explanation: "the same hours (\(e.date) \(Self.times(e)), \(Minutes.text(e.minutes))) as "
                    + "\(earlier.entry.employerID)'s \(earlier.entry.source)"), to: entry.id)
        }
        return result
    }

    static func times(_ e: HourEntry) -> String {
        guard let start = e.start, let end = e.end else { return "no times" }
        return "\(start)–\(end)"
    }
}
