import BPVModel
import BPVReconcile
import Foundation

/// The hours overview a bpv-bureau asks for first (`bpv hours`): per student and week, month or POK, the hours
/// counted and not counted, beside the POK's norm for that period (its hours pro rata over its days).
public struct HoursOverview {
    public enum Period: String, CaseIterable, Sendable {
        case week, month, pok
    }

    public struct Row: Sendable, Equatable {
        public var student: String
        /// `2026-W47`, `2026-11`, or the POK's key.
        public var period: String
        public var counted: Int
        public var notCounted: Int
        /// The POK's hours pro rata over the period's days within the POK (`nil`: no POK or no hours on it).
        public var norm: Int?
    }

    public let rows: [Row]

    public init(result: ReconcileResult, by period: Period, student: String? = nil, employer: String? = nil) {
        let poks = Dictionary(result.progress.map { ($0.pok.key, $0.pok) }, uniquingKeysWith: { a, _ in a })
        let chosen = result.verdicts.filter { v in
            (student == nil || v.entry.entry.studentNumber == student) && (employer == nil || v.entry.entry.employerID == employer)
                && v.entry.entry.studentNumber != nil
        }
        struct Key: Hashable { var student: String; var period: String; var start: CalendarDate?; var pok: String? }
        var groups: [Key: (counted: Int, notCounted: Int, days: Set<CalendarDate>)] = [:]
        for v in chosen {
            let e = v.entry.entry
            let label: String
            var start: CalendarDate?
            switch period {
            case .week:
                let week = ISOWeek(containing: e.date)
                label = week.description
                start = week.monday
            case .month:
                label = String(e.date.iso.prefix(7))
                start = CalendarDate(year: e.date.year, month: e.date.month, day: 1)
            case .pok: label = v.pokKey ?? "(no POK)"
            }
            let key = Key(student: e.studentNumber!, period: label, start: start, pok: v.pokKey)
            var group = groups[key] ?? (0, 0, [])
            group.counted += v.countedMinutes
            if !v.counts { group.notCounted += e.minutes }
            groups[key] = group
        }
        rows = groups.map { key, value -> Row in
            var norm: Int?
            if let pokKey = key.pok, let pok = poks[pokKey], let minutes = pok.minutes {
                let total = pok.end.dayNumber - pok.begin.dayNumber + 1
                let days = Self.days(from: key.start, period: period, within: pok)
                norm = minutes * days / total
            }
            return Row(student: key.student, period: key.period, counted: value.counted, notCounted: value.notCounted, norm: norm)
        }.sorted { ($0.student, $0.period) < ($1.student, $1.period) }
    }

    /// The days of the week or month beginning `start` (or the whole POK) that fall within the POK.
    static func days(from start: CalendarDate?, period: Period, within pok: POK) -> Int {
        guard let start, period != .pok else { return pok.end.dayNumber - pok.begin.dayNumber + 1 }
        var last = start.adding(days: 6)
        if period == .month {
            last = start
            while last.adding(days: 1).month == start.month { last = last.adding(days: 1) }
        }
        let from = max(start, pok.begin), to = min(last, pok.end)
        return from > to ? 0 : to.dayNumber - from.dayNumber + 1
    }

    /// The overview as a table for a spreadsheet (minutes as numbers, and as `7h30` beside them).
    public var table: CSVTable {
        var table = CSVTable(header: ["student", "period", "counted_minutes", "not_counted_minutes", "norm_minutes",
                                      "counted", "norm"])
        for r in rows {
            table.append([r.student, r.period, String(r.counted), String(r.notCounted), r.norm.map(String.init) ?? "",
                          Minutes.text(r.counted), r.norm.map(Minutes.text) ?? ""])
        }
        return table
    }
}
