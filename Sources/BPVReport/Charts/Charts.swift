import BPVModel

/// The reports' charts, drawn as ``SVG``: a POK's progress bar, a student's hours per week against the weekly
/// norm, and the rejects per employer over the last runs. Every value is also written as text in the chart.
enum Charts {
    /// Counted hours against the required hours, with a mark at the hours expected by today and the projected end
    /// in words: `312:00 u van 1.200:00 u geteld · verwacht nu 400:00 u · prognose 01-03-2027`.
    static func progress(_ p: ReportData.POKLine) -> String {
        let width = 360.0, barY = 4.0, barHeight = 14.0
        let required = p.requiredMinutes ?? 0
        let top = Double(max(required, p.countedMinutes, p.expectedMinutes ?? 0, 1))
        let scale = (width - 2) / top
        var first = "\(Dutch.hours(p.countedMinutes)) geteld"
        if let r = p.requiredMinutes { first += " van \(Dutch.hours(r))" }
        var second: [String] = []
        if let e = p.expectedMinutes { second.append("verwacht nu \(Dutch.hours(e))") }
        if let d = p.projectedDate { second.append("prognose \(Dutch.date(d))") }
        let words = ([first] + second).joined(separator: " · ")
        var svg = SVG(width: Int(width), height: second.isEmpty ? 36 : 50, title: "Voortgang: " + words)
        svg.rect(x: 1, y: barY, width: Double(required) * scale, height: barHeight, cssClass: "bar-required")
        svg.rect(x: 1, y: barY, width: Double(p.countedMinutes) * scale, height: barHeight,
                 cssClass: "bar-counted status-\(p.status)")
        if let e = p.expectedMinutes {
            let x = 1 + Double(e) * scale
            svg.line(x1: x, y1: barY - 3, x2: x, y2: barY + barHeight + 3, cssClass: "mark-expected")
        }
        svg.text(first, x: 1, y: 32, cssClass: "label small")
        if !second.isEmpty { svg.text(second.joined(separator: " · "), x: 1, y: 46, cssClass: "label small") }
        return svg.markup
    }

    /// Hours per ISO week (counted, and not counted on top), with the weekly norm as a dashed line, labelled.
    static func weeklyHours(weeks: [ReportData.WeekLine], normMinutes: Int?, title: String) -> String {
        var counted: [Int: Int] = [:], other: [Int: Int] = [:]
        for w in weeks {
            counted[w.monday.dayNumber, default: 0] += w.countedMinutes
            other[w.monday.dayNumber, default: 0] += w.notCountedMinutes
        }
        let all = Set(counted.keys).union(other.keys)
        guard let first = all.min(), let last = all.max() else {
            var svg = SVG(width: 360, height: 30, title: title + ": geen uren")
            svg.text("Geen uren in deze periode.", x: 4, y: 20)
            return svg.markup
        }
        let mondays = Array(stride(from: first, through: last, by: 7))
        let left = 44.0, bottom = 30.0, top = 18.0, plotHeight = 130.0
        let barWidth = max(3.0, min(18.0, 640.0 / Double(mondays.count)))
        let width = max(left + Double(mondays.count) * barWidth + 90, 430)   // room for the legend
        let highest = max(mondays.map { counted[$0, default: 0] + other[$0, default: 0] }.max() ?? 0, normMinutes ?? 0, 60)
        let step = highest > 60 * 40 ? 60 * 20 : 60 * 10
        let ceiling = ((highest + step - 1) / step) * step
        let scale = plotHeight / Double(ceiling)
        let total = counted.values.reduce(0, +)
        var words = "\(title): \(mondays.count) weken, \(Dutch.hours(total)) geteld"
        if let n = normMinutes { words += ", norm \(Dutch.hours(n)) per week" }
        var svg = SVG(width: Int(width.rounded(.up)), height: Int(top + plotHeight + bottom), title: words)
        let baseline = top + plotHeight
        for tick in stride(from: 0, through: ceiling, by: step) {
            let y = baseline - Double(tick) * scale
            svg.line(x1: left, y1: y, x2: left + Double(mondays.count) * barWidth, y2: y, cssClass: "grid")
            svg.text("\(tick / 60) u", x: left - 4, y: y + 4, anchor: .end, cssClass: "label small")
        }
        for (i, monday) in mondays.enumerated() {
            let x = left + Double(i) * barWidth
            let date = CalendarDate(dayNumber: monday)
            let c = counted[monday, default: 0], o = other[monday, default: 0]
            // The numbers of each week are in the page's table beside the chart (no tooltip per bar: a large
            // school's pages would be a third larger).
            svg.rect(x: x + 0.5, y: baseline - Double(c) * scale, width: barWidth - 1, height: Double(c) * scale,
                     cssClass: "bar-counted")
            if o > 0 {
                svg.rect(x: x + 0.5, y: baseline - Double(c + o) * scale, width: barWidth - 1, height: Double(o) * scale,
                         cssClass: "bar-not-counted")
            }
            if i % max(1, Int((40 / barWidth).rounded(.up))) == 0 {
                svg.text("wk \(isoWeek(date))", x: x, y: baseline + 14, cssClass: "label small")
            }
        }
        if let n = normMinutes {
            let y = baseline - Double(n) * scale
            svg.line(x1: left, y1: y, x2: left + Double(mondays.count) * barWidth, y2: y, cssClass: "norm")
            svg.text("norm \(Dutch.hours(n))", x: left + Double(mondays.count) * barWidth + 4, y: y + 4, cssClass: "label small")
        }
        svg.text("donker: geteld · licht, omlijnd: niet geteld · streepjeslijn: norm", x: left, y: baseline + 27, cssClass: "label small")
        return svg.markup
    }

    /// One row per employer: its rejects in each of the last runs (oldest first), each bar with its number.
    static func rejectsHistory(_ history: [RunHistory.Run], employers: [String: String]) -> String? {
        let runs = Array(history.suffix(10))
        let ids = Set(runs.flatMap { $0.rejectsPerEmployer.keys }).sorted()
        guard !ids.isEmpty else { return nil }
        let labelWidth = 190.0, cell = 44.0, rowHeight = 30.0, top = 20.0
        let highest = max(runs.flatMap { $0.rejectsPerEmployer.values }.max() ?? 1, 1)
        var svg = SVG(width: Int(labelWidth + cell * Double(runs.count) + 10),
                      height: Int(top + rowHeight * Double(ids.count) + 6),
                      title: "Afgekeurde regels per werkgever in de laatste \(runs.count) runs")
        for (j, run) in runs.enumerated() {
            svg.text(shortRun(run.run), x: labelWidth + cell * Double(j) + cell / 2, y: 12, anchor: .middle,
                     cssClass: "label small")
        }
        for (i, id) in ids.enumerated() {
            let y = top + rowHeight * Double(i)
            let name = employers[id] ?? id
            svg.text(name.count > 28 ? String(name.prefix(27)) + "…" : name, x: 0, y: y + 18, cssClass: "label")
            for (j, run) in runs.enumerated() {
                let n = run.rejectsPerEmployer[id] ?? 0
                let h = n == 0 ? 0 : max(2, 20 * Double(n) / Double(highest))
                let x = labelWidth + cell * Double(j)
                svg.rect(x: x + 4, y: y + 22 - h, width: 16, height: h, cssClass: "bar-rejects",
                         tooltip: "\(name), run \(run.run): \(n) afgekeurd")
                svg.text(String(n), x: x + 22, y: y + 20, cssClass: "label small")
            }
        }
        return svg.markup
    }

    /// `30-11 03:15` from `2026-11-30T031500`.
    static func shortRun(_ run: String) -> String {
        let parts = run.split(separator: "T")
        guard parts.count == 2, parts[0].count == 10, parts[1].count >= 4 else { return String(run.prefix(10)) }
        let d = parts[0], t = parts[1]
        return "\(d.dropFirst(8).prefix(2))-\(d.dropFirst(5).prefix(2)) \(t.prefix(2)):\(t.dropFirst(2).prefix(2))"
    }

    /// The ISO week number of `date`.
    static func isoWeek(_ date: CalendarDate) -> Int {
        let thursday = CalendarDate(dayNumber: date.dayNumber - (date.isoWeekday - 1) + 3)
        let janFirst = CalendarDate(year: thursday.year, month: 1, day: 1)!
        return (thursday.dayNumber - janFirst.dayNumber) / 7 + 1
    }
}
