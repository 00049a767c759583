import BPVModel

/// An entry on the line of minutes from its date's midnight: an overnight entry (end before start) ends past
/// 1440, on the next day.
struct WorkingEntry: Sendable {
    let entry: HourEntry
    /// Minutes from the date's midnight; `nil` unless start and end are both known.
    let start: Int?
    /// Minutes from the date's midnight, past 1440 when the entry runs past midnight; `nil` as ``start``.
    let end: Int?

    init(_ entry: HourEntry) {
        self.entry = entry
        if let s = entry.start, let e = entry.end {
            let start = s.secondsSinceMidnight / 60, end = e.secondsSinceMidnight / 60
            self.start = start
            self.end = end < start ? end + 1440 : end
        } else {
            self.start = nil
            self.end = nil
        }
    }

    var date: CalendarDate { entry.date }
    /// Worked, net of the break.
    var minutes: Int { entry.minutes }

    /// The time present, end − start, when both are known.
    var span: Int? { start.flatMap { s in end.map { $0 - s } } }

    /// `22:00–07:00 (next day)`, `08:00–16:30`, or `no times`.
    var times: String {
        guard let s = entry.start, let e = entry.end, let end else { return "no times" }
        return "\(s)–\(e)" + (end > 1440 ? " (next day)" : "")
    }

    /// `hours.csv:12 (work, 22:00–07:00 (next day), 8h30)`.
    var evidence: String { "\(entry.source) (\(entry.category.rawValue), \(times), \(hm(minutes)))" }

    /// The worked minutes per calendar day. An entry that runs past midnight is split there, in proportion to the
    /// time present on either side (where the break fell is unknown): the law's week ends on Sunday at 24:00.
    var minutesByDay: [(CalendarDate, Int)] {
        guard let end, end > 1440, let span, span > 0 else { return [(date, minutes)] }
        let after = (minutes * (end - 1440) + span / 2) / span
        return [(date, minutes - after), (date.adding(days: 1), after)]
    }

    /// The minutes present within the daily window `from`–`until` (a window like 23:00–06:00 runs past midnight),
    /// on the entry's date and the next; `nil` without times.
    func minutesWithin(from: TimeOfDay, until: TimeOfDay) -> Int? {
        guard let start, let end else { return nil }
        let f = from.secondsSinceMidnight / 60, u = until.secondsSinceMidnight / 60
        var total = 0
        for day in -1...2 {
            let lo = day * 1440 + f, hi = (f < u ? day : day + 1) * 1440 + u
            total += max(0, min(end, hi) - max(start, lo))
        }
        return total
    }
}

/// The working entries of one date: one shift, as the law's "dienst" (exports split a day into hour types such
/// as work and travel between jobs; two separate shifts on one date are judged as one, erring on a finding).
struct Shift: Sendable {
    let date: CalendarDate
    /// In the order of start and source.
    let entries: [WorkingEntry]

    var minutes: Int { entries.reduce(0) { $0 + $1.minutes } }

    /// The first start to the last end, when every entry has both times.
    var span: (start: Int, end: Int)? {
        let starts = entries.compactMap(\.start), ends = entries.compactMap(\.end)
        guard starts.count == entries.count, ends.count == entries.count, let s = starts.min(), let e = ends.max()
        else { return nil }
        return (s, e)
    }

    /// The leerbedrijf all its entries name, if they name one.
    var leerbedrijfID: String? {
        let ids = Set(entries.map(\.entry.leerbedrijfID))
        return ids.count == 1 ? ids.first! : nil
    }

    /// The entries' evidence joined: `hours.csv:2 (work, 08:00–18:30, 10h00); hours.csv:3 (...)`.
    var evidence: String { entries.map(\.evidence).joined(separator: "; ") }
}

/// Minutes as hours and minutes: `47h30`, `0h05`, `-1h15`.
func hm(_ minutes: Int) -> String {
    let m = abs(minutes) % 60
    return (minutes < 0 ? "-" : "") + "\(abs(minutes) / 60)h" + (m < 10 ? "0\(m)" : "\(m)")
}
