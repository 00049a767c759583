import BPVKit
import BPVModel

/// How a reconciliation looks on a terminal.
enum ReconcilePrinter {
    static func printSummary(_ result: ReconcileResult) {
        let counted = result.verdicts.filter(\.counts)
        print("Reconciliation on \(result.referenceDate): \(result.verdicts.count) hour entries, \(counted.count) counted "
              + "(\(Minutes.text(counted.reduce(0) { $0 + $1.countedMinutes })))")
        let byCode = Dictionary(grouping: result.verdicts.filter { !$0.counts }, by: \.primary)
        for code in byCode.keys.sorted() {
            let minutes = byCode[code]!.reduce(0) { $0 + $1.entry.entry.minutes }
            print("  not counted: \(byCode[code]!.count) entries, \(Minutes.text(minutes)) \(code.rawValue)")
        }
        print("POKs:")
        printPOKs(result)
        if !result.findings.isEmpty { print("Findings: \(result.findings.count)") }
    }

    static func printPOKs(_ result: ReconcileResult) {
        for p in result.progress {
            let name = p.student?.displayName ?? p.pok.studentNumber
            print("  \(p.status.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(name) at \(p.pok.leerbedrijfID) "
                  + "(crebo \(p.pok.crebo)): \(Minutes.text(p.countedMinutes)) of \(p.requiredMinutes.map(Minutes.text) ?? "?")"
                  + (p.expectedMinutes.map { ", expected by now \(Minutes.text($0))" } ?? ""))
        }
    }
}
