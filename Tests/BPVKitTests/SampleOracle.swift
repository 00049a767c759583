import BPVModel
import Foundation

/// An independent reading of the sample files, for expected values computed in the tests (never pasted): plain
/// string splitting, integer parsing of ids, and a day-by-day walk instead of the rule's date ranges.
struct SampleOracle {
    struct Row { var leerbedrijf: String; var crebo: String; var start: CalendarDate; var end: CalendarDate?; var legacy: String? }
    struct POKRow {
        var student: String; var leerbedrijf: String; var crebo: String; var begin: CalendarDate; var end: CalendarDate
        var number: String?; var signed: CalendarDate?; var status: String?; var terminated: CalendarDate?
        var secondAddress: Bool
        /// The day the check runs to: the termination, else the end.
        var lastDay: CalendarDate { terminated ?? end }
    }

    var snapshot1: [Row]
    var snapshot2: [Row]
    var retrieved1: CalendarDate
    var retrieved2: CalendarDate
    var poks: [POKRow]

    init() throws {
        func lines(_ path: String) throws -> [[String]] {
            var text = try String(contentsOfFile: path, encoding: .utf8)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return text.components(separatedBy: .newlines).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }.dropFirst().map { $0.components(separatedBy: ";") }
        }
        func ddMMyyyy(_ s: String) -> CalendarDate? {
            let p = s.split(separator: "-").compactMap { Int($0) }
            return p.count == 3 ? CalendarDate(year: p[2], month: p[1], day: p[0]) : nil
        }
        func id(_ s: String) -> String { String(format: "%09d", Int(s)!) }
        func crebo(_ s: String) -> String { String(s.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init)) }
        func rows(_ path: String) throws -> ([Row], CalendarDate) {
            let all = try lines(path)
            let aliases = Dictionary(all.filter { !$0[1].isEmpty && !$0[2].isEmpty }.map { ($0[2], id($0[1])) },
                                     uniquingKeysWith: { a, _ in a })
            return (all.map { f in
                Row(leerbedrijf: f[1].isEmpty ? (aliases[f[2]] ?? f[2]) : id(f[1]), crebo: crebo(f[8]),
                    start: ddMMyyyy(f[12])!, end: ddMMyyyy(f[13]), legacy: f[2].isEmpty ? nil : f[2])
            }, ddMMyyyy(all[0][0])!)
        }
        (snapshot1, retrieved1) = try rows(Paths.snapshot1)
        (snapshot2, retrieved2) = try rows(Paths.snapshot2)
        // The second list teaches legacy code -> id; apply it to the first.
        let learned = Dictionary(snapshot2.compactMap { r in r.legacy.map { ($0, r.leerbedrijf) } }, uniquingKeysWith: { a, _ in a })
        snapshot1 = snapshot1.map { var r = $0; r.leerbedrijf = learned[r.leerbedrijf] ?? r.leerbedrijf; return r }
        func text(_ s: String) -> String? { s.isEmpty ? nil : s }
        poks = try lines(Paths.poks).map { f in
            POKRow(student: f[0], leerbedrijf: id(f[1]), crebo: f[2], begin: CalendarDate(iso: f[3])!,
                   end: CalendarDate(iso: f[4])!, number: text(f[6]), signed: CalendarDate(iso: f[7]), status: text(f[8]),
                   terminated: CalendarDate(iso: f[9]), secondAddress: f[10] == "ja")
        }
    }

    /// Erkenningen of the first list missing from the second: they cover up to the first list's date.
    var withdrawn: [Row] {
        snapshot1.filter { o in !snapshot2.contains { $0.leerbedrijf == o.leerbedrijf && $0.crebo == o.crebo && $0.start == o.start } }
    }

    /// The check's row of a POK: the student's rows told apart by leerbedrijf and begin (a second address).
    func isRow(_ row: POK?, of pok: POKRow) -> Bool {
        row?.studentNumber == pok.student && row?.leerbedrijfID == pok.leerbedrijf && row?.begin == pok.begin
    }

    /// Expected status and dates for a POK, walking day by day, up to its last day.
    func expected(_ pok: POKRow, on reference: CalendarDate, window: Int)
        -> (status: String, since: CalendarDate?, coverageEnds: CalendarDate?) {
        let mine = snapshot2.filter { $0.leerbedrijf == pok.leerbedrijf && $0.crebo == pok.crebo }
        let gone = withdrawn.filter { $0.leerbedrijf == pok.leerbedrijf && $0.crebo == pok.crebo }
        func covered(_ day: CalendarDate) -> Bool {
            mine.contains { $0.start <= day && ($0.end.map { day <= $0 } ?? true) }
                || gone.contains { $0.start <= day && day <= min($0.end ?? retrieved1, retrieved1) }
        }
        let last = reference < pok.begin ? pok.begin : min(pok.lastDay, reference)
        var day = pok.begin
        while day <= last {
            if !covered(day) { return (mine.isEmpty && gone.isEmpty ? "no_erkenning" : "not_covered", day, nil) }
            day = day.adding(days: 1)
        }
        var end = last
        while end < pok.lastDay && covered(end.adding(days: 1)) { end = end.adding(days: 1) }
        if end >= pok.lastDay { return ("covered", nil, nil) }
        return (end.dayNumber - reference.dayNumber <= window ? "expiring" : "ends_during_pok", nil, end)
    }

    /// Expected change kind per leerbedrijf/crebo between the two lists.
    var expectedChanges: [String: String] {
        var result: [String: String] = [:]
        for o in snapshot1 {
            let key = "\(o.leerbedrijf)/\(o.crebo)"
            guard let n = snapshot2.first(where: { $0.leerbedrijf == o.leerbedrijf && $0.crebo == o.crebo && $0.start == o.start }) else {
                result[key] = "withdrawn"; continue
            }
            if n.end == o.end { continue }
            if let newEnd = n.end, o.end == nil || newEnd < o.end! { result[key] = "ended" } else { result[key] = "changed" }
        }
        for n in snapshot2 where !snapshot1.contains(where: { $0.leerbedrijf == n.leerbedrijf && $0.crebo == n.crebo && $0.start == n.start }) {
            result["\(n.leerbedrijf)/\(n.crebo)"] = "added"
        }
        return result
    }
}
