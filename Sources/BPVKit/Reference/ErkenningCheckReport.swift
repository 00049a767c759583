import BPVModel
import BPVReconcile
import Foundation

/// The check's answer as a table for people, CSV (`;`, for spreadsheets) and JSON (for machines).
extension ErkenningCheck.Report {
    /// The values of one row, shared by the three formats.
    public struct Line: Codable, Sendable {
        public var student: String?
        public var leerbedrijf: String
        public var leerbedrijfName: String?
        public var crebo: String
        public var creboName: String?
        public var begin: String
        public var end: String
        public var status: String
        public var checkedThrough: String
        public var notCoveredSince: String?
        public var coverageEnds: String?
        public var daysLeft: Int?
        public var erkenningen: [String]
        public var creboStatus: String?
        public var successors: String?
        public var notes: [String]
    }

    public var lines: [Line] {
        rows.map { row in
            let r = row.result
            return Line(student: row.pok?.studentNumber, leerbedrijf: r.query.leerbedrijfID,
                        leerbedrijfName: row.leerbedrijfName, crebo: r.query.crebo, creboName: r.crebo.name,
                        begin: r.query.begin.iso, end: r.query.end.iso, status: r.status.rawValue,
                        checkedThrough: r.checked.end?.iso ?? r.checked.start.iso,
                        notCoveredSince: r.notCoveredSince?.iso, coverageEnds: r.coverageEnds?.iso, daysLeft: r.daysLeft,
                        erkenningen: r.erkenningen.map { e in
                            "\(e.crebo) \(e.period)" + (e.listedAs.map { " (listed as \($0))" } ?? "")
                        },
                        creboStatus: Self.creboStatus(r.crebo), successors: r.crebo.successors.isReplaced
                            ? r.crebo.successors.description : nil,
                        notes: r.notes)
        }
    }

    static func creboStatus(_ facts: CreboFacts) -> String? {
        var parts: [String] = []
        if facts.known == false { parts.append("not in the crebo list") }
        if let end = facts.eindeOpleiding {
            parts.append((facts.endedOnReferenceDate ? "ended" : "ends") + " \(end) (einde opleiding)"
                         + (facts.endsBeforePlacement ? ", before the placement ends" : ""))
        }
        if let instroom = facts.eindeInstroom, facts.beganAfterEindeInstroom {
            parts.append("placement began after einde instroom \(instroom)")
        }
        if facts.successors.isReplaced { parts.append("replaced by \(facts.successors.final.joined(separator: ", "))") }
        if facts.successors.cycleAt != nil { parts.append("successor chain has a cycle") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// `covered`, `EXPIRING 2026-12-31 (in 59 days)`, `NOT ACCREDITED since 2026-09-02`, ...
    static func statusText(_ r: ErkenningCoverage) -> String {
        switch r.status {
        case .covered: return "accredited"
        case .expiring: return "EXPIRING \(r.coverageEnds!) (in \(r.daysLeft!) days)"
        case .endsDuringPlacement: return "ends \(r.coverageEnds!), before the POK ends"
        case .notCovered: return "NOT ACCREDITED since \(r.notCoveredSince!)"
        case .noErkenning: return "NO ERKENNING for this crebo"
        }
    }

    /// A header, one line per placement, and the notes.
    public func table() -> String {
        var out = "Accreditation check on \(options.referenceDate)"
        if let crebo = options.crebo { out += ", crebo \(crebo)" }
        if let leerbedrijf = options.leerbedrijf { out += ", leerbedrijf \(leerbedrijf)" }
        out += "; expiring window \(options.policy.expiringWithinDays) days; successor erkenningen "
            + (options.policy.successorErkenningCovers ? "count" : "do not count") + "\n"
        for list in lists {
            out += "List: \(list.source), retrieved \(list.retrievedOn) (snapshot \(list.id), \(list.erkenningCount) erkenningen)\n"
        }
        var cells = [["Student", "Leerbedrijf", "Crebo", "Placement", "Status", "Crebo status"]]
        for row in rows {
            let r = row.result
            let name = row.leerbedrijfName.map { " \($0)" } ?? ""
            cells.append([row.pok?.studentNumber ?? "-", r.query.leerbedrijfID + name, r.query.crebo,
                          row.pok == nil ? "on \(r.query.begin)" : "\(r.query.begin) – \(r.query.end)", Self.statusText(r),
                          Self.creboStatus(r.crebo) ?? (creboListImported ? "ok" : "-")])
        }
        let widths = (0..<cells[0].count).map { c in cells.map { $0[c].count }.max() ?? 0 }
        for (i, line) in cells.enumerated() {
            out += zip(line, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingWhitespace() + "\n"
            if i == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        for row in rows where !row.result.notes.isEmpty || row.result.crebo.successors.isReplaced {
            let who = row.pok.map { "POK \($0.studentNumber)" } ?? "\(row.result.query.leerbedrijfID)/\(row.result.query.crebo)"
            if row.result.crebo.successors.isReplaced { out += "  \(who): successors \(row.result.crebo.successors)\n" }
            for note in row.result.notes { out += "  \(who): \(note)\n" }
        }
        for note in notes { out += "Note: \(note)\n" }
        let attention = rows.filter { $0.result.needsAttention }.count
        out += "\(rows.count) placement(s) checked, \(attention) need attention\n"
        return out
    }

    /// The table as CSV (``CSVTable``: `;`, formulas neutralised); lists inside a cell are joined with ` | `.
    public func csv() -> CSVTable {
        var table = CSVTable(header: [
            "student", "leerbedrijf", "leerbedrijf_name", "crebo", "crebo_name", "begin", "end", "status",
            "checked_through", "not_covered_since", "coverage_ends", "days_left", "erkenningen", "crebo_status",
            "successors", "notes"])
        for l in lines {
            table.append([l.student ?? "", l.leerbedrijf, l.leerbedrijfName ?? "", l.crebo, l.creboName ?? "", l.begin,
                          l.end, l.status, l.checkedThrough, l.notCoveredSince ?? "", l.coverageEnds ?? "",
                          l.daysLeft.map(String.init) ?? "", l.erkenningen.joined(separator: " | "), l.creboStatus ?? "",
                          l.successors ?? "", l.notes.joined(separator: " | ")])
        }
        return table
    }

    private struct JSONReport: Codable {
        struct List: Codable { var source: String; var retrievedOn: String; var snapshot: Int64; var erkenningen: Int }
        var referenceDate: String
        var crebo: String?
        var leerbedrijf: String?
        var mode: String
        var expiringWithinDays: Int
        var successorErkenningCovers: Bool
        var lists: [List]
        var creboListImported: Bool
        var placements: [Line]
        var notes: [String]
    }

    /// Pretty-printed JSON with snake_case keys.
    public func json() throws -> Data {
        let report = JSONReport(
            referenceDate: options.referenceDate.iso, crebo: options.crebo, leerbedrijf: options.leerbedrijf,
            mode: mode.rawValue, expiringWithinDays: options.policy.expiringWithinDays,
            successorErkenningCovers: options.policy.successorErkenningCovers,
            lists: lists.map { .init(source: $0.source, retrievedOn: $0.retrievedOn.iso, snapshot: $0.id,
                                     erkenningen: $0.erkenningCount) },
            creboListImported: creboListImported, placements: lines, notes: notes)
        return try JSONOutput.encoder().encode(report)
    }
}
