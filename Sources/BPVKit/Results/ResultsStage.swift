import BPVIngest
import BPVModel
import BPVReconcile
@_exported import BPVResults
import BPVStore
import Foundation

/// The results stage on the store: the reconciliation's counted hours per POK, the bpv application's records
/// (assessments, documents, gesprekken) and the programmes' evidence rules give every POK's result
/// (``BPVResults/Results``). `bpv results`, `bpv explain`, the exports and the nightly run call it.
public struct ResultsStage {
    public let reconciler: Reconciler

    public init(reconciler: Reconciler) {
        self.reconciler = reconciler
    }

    /// Every current POK's result and the monitoring findings on `date`.
    public func run(on date: CalendarDate) throws -> Results {
        try run(reconciliation: reconciler.run(on: date), on: date)
    }

    /// The same from a reconciliation already made (the nightly run has one).
    public func run(reconciliation: ReconcileResult, on date: CalendarDate) throws -> Results {
        let store = reconciler.store
        // Only the records of students the judging reads are decoded (most POKs of a large ROC may have no
        // programme with evidence rules); the rest are skipped by their student number.
        let students = Results.studentsJudgedOnEvidence(progress: reconciliation.progress,
                                                        programmes: reconciler.programmes)
        let field = "studentNumber"
        return Results.judge(progress: reconciliation.progress, programmes: reconciler.programmes,
                             assessments: try store.values(of: AssessmentsKind.self, where: field, in: students),
                             documents: try store.values(of: DocumentsKind.self, where: field, in: students),
                             gesprekken: try store.values(of: GesprekkenKind.self, where: field, in: students), on: date)
    }
}

/// The results as people and scripts read them: a table, CSV (through ``CSVTable``) or JSON.
public enum ResultsOutput {
    public static let header = ["pok", "student", "leerbedrijf", "crebo", "programme", "result", "final", "reasons"]

    public static func row(_ r: POKResult) -> [String] {
        [r.pokKey, r.studentNumber, r.leerbedrijfID, r.crebo, r.programme ?? "", r.outcome.rawValue,
         r.isFinal ? "yes" : "no", reasonCodes(r)]
    }

    /// `hours_short(600)`, `evidence_late(2026-07-01)`, ...: the codes with their minutes or date.
    public static func reasonCodes(_ r: POKResult) -> String {
        r.reasons.map { reason in
            if let minutes = reason.minutes { return "\(reason.code)(\(minutes))" }
            if let date = reason.date { return "\(reason.code)(\(date.iso))" }
            return "\(reason.code)(\(reason.requirement))"
        }.joined(separator: " ")
    }

    public static func csv(_ results: [POKResult]) -> String {
        CSVTable(header: header, rows: results.map(row)).text
    }

    public static func json(_ results: [POKResult]) throws -> String {
        String(decoding: try JSONOutput.encoder().encode(results), as: UTF8.self)
    }

    /// One line per POK, then the counts per result.
    public static func table(_ results: [POKResult]) -> String {
        var out = ""
        for r in results {
            out += "\(r.outcome.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0))"
                + "\(r.isFinal ? "final  " : "open   ")\(r.pokKey)  \(reasonCodes(r))\n"
        }
        let counts = POKResult.Outcome.allCases.map { outcome in "\(results.count { $0.outcome == outcome }) \(outcome.rawValue)" }
        return out + "\(results.count) POKs: " + counts.joined(separator: ", ") + "\n"
    }

    /// The evidence checklist of one result, for `bpv explain`.
    public static func checklist(_ r: POKResult) -> String {
        var out = "Result \(r.pokKey): \(r.outcome.rawValue)\(r.isFinal ? " (final)" : " (not final)")"
            + (r.programme.map { ", programme \($0)" } ?? "") + "\n"
        for item in r.checklist {
            let mark = item.state == .met ? "[x]" : item.state == .missing ? "[ ]" : "[!]"
            out += "  \(mark) \(item.label): \(item.detail)\n"
        }
        for reason in r.reasons { out += "      \(reason.code): \(reason.text)\n" }
        return out
    }
}
