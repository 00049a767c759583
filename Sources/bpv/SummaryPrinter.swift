import ArgumentParser
import BPVKit
import BPVModel

/// How results look on a terminal.
enum SummaryPrinter {
    /// One file's line (and its notes and first rejects). `showMapping` names the mapping after the file, for a
    /// file that several mappings read (the kwalificatiedossier XML).
    static func printFile(_ result: FileImportResult, dryRun: Bool = false, showMapping: Bool = false) {
        let c = result.counts
        let name = showMapping ? "\(result.file) (mapping \(result.mappingName))" : result.file
        // The importer's note says when the earlier import was; the "same" line says it once.
        let earlierNote = result.notes.first { $0.hasPrefix("already imported") }
        switch result.outcome {
        case .failed(let message):
            print("FAILED  \(name)\n        \(message)\n        nothing of this file was stored")
        case .alreadyImported(let id):
            print("same    \(name): \(earlierNote ?? "already imported as batch \(id): nothing changed")")
        default:
            let verb = dryRun ? "checked" : "stored"
            var line = "ok      \(name): \(c.recordsRead) records read, \(c.entriesStored) \(verb), \(c.rejects) rejected"
            if c.blankRecords > 0 { line += ", \(c.blankRecords) blank skipped" }
            if c.superseded > 0 { line += ", \(c.superseded) earlier entries superseded" }
            if c.voided > 0 { line += ", \(c.voided) voided" }
            if c.unresolved > 0 { line += ", \(c.unresolved) not linked to a student" }
            if let encoding = result.encoding { line += " [\(encoding)]" }
            if c.rejects > 0 { line = "REJECTS" + line.dropFirst(7) }
            print(line)
        }
        for note in result.notes where note != earlierNote { print("        note: \(note)") }
        // XML rejects: the record's element path after the message (the line alone may hold several records).
        for reject in result.firstRejects {
            print("        \(reject)" + (reject.location.elementPath.map { " (at \($0))" } ?? ""))
        }
        if result.counts.rejects > result.firstRejects.count {
            print("        ... \(result.counts.rejects - result.firstRejects.count) more rejects (all are stored)")
        }
    }

    /// The end of every import command: where the store is (when something was written), then the exit status
    /// the files call for (0 ok, 3 rejects, 4 a file failed).
    static func finishImport(_ results: [FileImportResult], database: String?) throws {
        if let database { print("Database: \(database)") }
        let status = ExitStatus.of(results)
        if status != .success { throw ExitCode(status) }
    }

    static func printRun(_ summary: NightlyRun.Summary, configuration: BPVConfiguration) {
        print("bpv run: \(summary.files.count) file(s) from \(configuration.inbox)")
        if summary.aliasesLoaded > 0 {
            print("aliases: \(summary.aliasesLoaded) loaded, \(summary.entriesResolvedByAliases) stored entries newly resolved")
        }
        for problem in summary.problems { print("problem: \(problem)") }
        for error in summary.errors { print("ERROR   \(error)") }
        let readTwice = Set(Dictionary(grouping: summary.files, by: \.file).filter { $0.value.count > 1 }.keys)
        for result in summary.files { printFile(result, showMapping: readTwice.contains(result.file)) }
        if !summary.unresolved.isEmpty {
            print("Employees not linked to a student (add them with `bpv alias add --employer E --identity X --student S`):")
            for item in summary.unresolved { print("  \(item.employer)  \(item.identity)  \(item.entries) entries") }
        }
        let status: String
        switch summary.exitStatus {
        case .success: status = "completed"
        case .completedWithRejects: status = "completed with rejects"
        case .fileFailed: status = "completed; some files failed as a whole"
        case .error, .alreadyRunning, .configurationError: status = "stopped by an error"
        }
        if summary.dryRun { print("DRY RUN: nothing was stored, moved or exported; the record is marked as a dry run") }
        for file in summary.waiting { print("waiting \(file): still being written; left for the next run") }
        if let check = summary.erkenningCheck {
            let attention = check.rows.filter { $0.result.needsAttention }.count
            print("Erkenningen: \(check.rows.count) POK(s) checked on \(check.options.referenceDate), \(attention) need "
                  + "attention (erkenning.csv)")
        }
        if let result = summary.reconciliation {
            let counted = result.verdicts.filter(\.counts)
            let statuses = Dictionary(grouping: result.progress, by: \.status.rawValue).map { "\($0.value.count) \($0.key)" }.sorted()
            print("Hours: \(counted.count) of \(result.verdicts.count) entries counted "
                  + "(\(Minutes.text(counted.reduce(0) { $0 + $1.countedMinutes }))); POKs: "
                  + statuses.joined(separator: ", ") + " (pok-status.csv, hours.csv)")
        }
        if let changes = summary.reconciliationChanges { print("Changes: \(changes.summary)") }
        if let results = summary.results?.results {  // the final results (bpv results) and the exports written
            let counts = Dictionary(grouping: results, by: \.outcome.rawValue).map { "\($0.value.count) \($0.key)" }.sorted()
            let exports: [String] = summary.exports.map { export in
                guard let file = export.file else { return "\(export.layout): nothing new" }
                return "\(file.split(separator: "/").last ?? "") (\(export.rows) \(export.rows == 1 ? "row" : "rows"))"
            }
            print("Results: " + counts.joined(separator: ", ") + "; exports: "
                  + (exports.isEmpty ? "none configured" : exports.joined(separator: ", ")))
        }
        let byRule = Dictionary(grouping: summary.findings, by: \.rule).map { "\($0.value.count) \($0.key)" }.sorted()
        print("Findings: \(summary.findings.count)" + (byRule.isEmpty ? "" : " (" + byRule.joined(separator: ", ") + ")")
              + " in findings.csv")
        print("Result: \(status) (exit \(summary.exitStatus.rawValue))")
        for move in summary.moves { print("\(move.quarantined ? "quarantined" : "archived"): \(move.from) -> \(move.to)") }
        print("Run record: \(summary.runFolder) (\(summary.filesWritten.map(\.fileName).joined(separator: ", ")))")
        print("Report: \(summary.report)")
        print("Database:   \(configuration.database)" + (summary.dryRun ? " (unchanged: the dry run worked on a copy)" : ""))
    }
}
