import BPVModel
import BPVReconcile
import Foundation

/// The answer to "why 312 hours and not 340?": one student's entries with their verdicts, reasons and sources, per
/// POK, then the POK's totals (`bpv explain`).
public struct StudentExplanation {
    public let result: ReconcileResult
    public let studentNumber: String

    public init(result: ReconcileResult, studentNumber: String) {
        self.result = result
        self.studentNumber = studentNumber
    }

    var verdicts: [EntryVerdict] {
        result.verdicts.filter { $0.entry.entry.studentNumber == studentNumber }
            .sorted { ($0.entry.entry.date, $0.entry.entry.start?.description ?? "", $0.entry.id)
                < ($1.entry.entry.date, $1.entry.entry.start?.description ?? "", $1.entry.id) }
    }
    var progress: [POKProgress] { result.progress.filter { $0.pok.studentNumber == studentNumber } }

    /// For people, in the terminal.
    public var text: String {
        let own = verdicts, poks = progress
        let name = poks.first?.student?.displayName ?? studentNumber
        var out = "\(name), on \(result.referenceDate)\n"
        if own.isEmpty && poks.isEmpty { return out + "  no POKs and no hours stored for this student\n" }
        for p in poks {
            out += "\n\(p.pok.subject): \(p.status.rawValue)\n"
            out += "  required \(p.requiredMinutes.map(Minutes.text) ?? "(not stated)"), counted \(Minutes.text(p.countedMinutes))"
            out += p.expectedMinutes.map { ", expected by now \(Minutes.text($0))" } ?? ""
            out += p.projectedDate.map { ", projected \($0)" } ?? ""
            out += ", \(p.weeksWithoutHours) week(s) without hours\n"
            for code in p.notCounted.keys.sorted() { out += "  not counted: \(Minutes.text(p.notCounted[code]!)) \(code.rawValue)\n" }
            for v in own where v.pokKey == p.pok.key { out += line(v) }
        }
        let unattributed = own.filter { $0.pokKey == nil }
        if !unattributed.isEmpty {
            out += "\nNot attributed to a POK:\n"
            for v in unattributed { out += line(v) }
        }
        return out
    }

    private func line(_ v: EntryVerdict) -> String {
        let e = v.entry.entry
        let times = e.start.map { s in e.end.map { "\(s)–\($0)" } ?? "\(s)" } ?? "           "
        var text = "  \(e.date)  \(times.padding(toLength: 11, withPad: " ", startingAt: 0))  "
            + Minutes.text(e.minutes).padding(toLength: 6, withPad: " ", startingAt: 0) + "  "
            + v.primary.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
            + "  \(e.employerID)  \((e.source.file as NSString).lastPathComponent):\(e.source.line)\n"
        for reason in v.reasons { text += "      \(reason)\n" }
        return text
    }

    /// For machines: the student's part of `reconciliation.json` (format 1).
    public func json() throws -> Data {
        var file = ReconciliationJSON.file(result)
        let keys = Set(progress.map(\.pok.key))
        file.poks = file.poks.filter { keys.contains($0.key) }
        file.entries = file.entries.filter { $0.student == studentNumber }
        return try JSONOutput.encoder().encode(file)
    }
}
