import BPVKit
import BPVModel

/// How a reconciliation looks on a terminal.
enum ReconcilePrinter {
    static func printSummary(_ result: ReconcileResult) {
        // One pass, no copies of the verdicts (a large school has millions).
        var counted = 0, countedMinutes = 0
        var notCounted: [VerdictCode: (entries: Int, minutes: Int)] = [:]
        for verdict in result.verdicts {
            if verdict.counts {
                counted += 1
                countedMinutes += verdict.countedMinutes
            } else {
                notCounted[verdict.primary, default: (0, 0)].entries += 1
                notCounted[verdict.primary]!.minutes += verdict.entry.entry.minutes
            }
        }
        print("Reconciliation on \(result.referenceDate): \(result.verdicts.count) hour entries, \(counted) counted "
              + "(\(Minutes.text(countedMinutes)))")
        for code in notCounted.keys.sorted() {
            let (entries, minutes) = notCounted[code]!
            print("  not counted: \(entries) entries, \(Minutes.text(minutes)) \(code.rawValue)")
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
