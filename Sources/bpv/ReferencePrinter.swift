import BPVKit
import BPVModel

/// How reference imports look on a terminal.
enum ReferencePrinter {
    static func printErkenningImport(_ result: ErkenningImportResult) {
        SummaryPrinter.printFile(result.file)
        guard let snapshot = result.snapshot else { return }
        var line = "        snapshot \(snapshot.id) of \(snapshot.source), retrieved \(snapshot.retrievedOn): "
            + "\(snapshot.erkenningCount) erkenningen"
        if let previous = result.previous {
            line += "; compared with snapshot \(previous.id) (\(previous.retrievedOn)): \(result.changes.count) change(s)"
        }
        print(line)
        for change in result.changes { print("        \(change)") }
        if !result.findings.isEmpty {
            let bySeverity = Dictionary(grouping: result.findings, by: \.severity)
            let counts = Finding.Severity.allCases.reversed().compactMap { s in bySeverity[s].map { "\($0.count) \(s.rawValue)" } }
            print("        findings for active POKs: \(counts.joined(separator: ", "))")
            printFindings(result.findings)
        }
        if result.purged > 0 { print("        retention: \(result.purged) erkenning row(s) of older snapshots removed") }
    }

    /// One line per finding, under its file's line: `[warning] pok.disappeared: POK ...: listed as ...`.
    static func printFindings(_ findings: [Finding]) {
        for finding in findings {
            print("        [\(finding.severity.rawValue)] \(finding.rule): \(finding.subject): \(finding.evidence)")
        }
    }
}
