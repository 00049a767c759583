import BPVModel
import BPVStore
import Foundation

/// Writes what a run did to `<output>/runs/<timestamp>/`: `run.json` for machines, `rejects.csv` with every reject
/// (file, line, column, value, reason, expected, record) to fix or send back, and `unresolved.csv` with the
/// employee identities that still need an alias. Each file is written whole or not at all, with mode 0640
/// (``OutputFile``); the CSVs follow ``CSVTable``'s rules.
struct RunRecordWriter {
    let store: any DossierStore

    func write(_ summary: NightlyRun.Summary, configuration: BPVConfiguration, at clock: Date) throws -> String {
        let runs = URL(fileURLWithPath: configuration.output).appendingPathComponent("runs")
        try FileManager.default.createDirectory(at: runs, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o750])
        // Two runs within one second get folders of their own (`...T183658`, `...T183658-2`): a run never
        // overwrites another run's record.
        var stamp = Self.stamp(clock)
        var folder = runs.appendingPathComponent(stamp)
        var attempt = 1
        while mkdir(folder.path, 0o750) != 0 {
            guard errno == EEXIST, attempt < 100 else {
                throw StoreError("cannot create the run folder \(folder.path): \(String(cString: strerror(errno)))")
            }
            attempt += 1
            stamp = Self.stamp(clock) + "-\(attempt)"
            folder = runs.appendingPathComponent(stamp)
        }
        try OutputFile.save(try runJSON(summary, configuration: configuration, stamp: stamp),
                            to: folder.appendingPathComponent("run.json").path)

        var rejects = CSVTable(header: ["file", "line", "column", "column_number", "value", "reason", "expected",
                                        "record"])
        for result in summary.files {
            guard let batchID = result.batchID, result.counts.rejects > 0,
                  result.outcome == .imported || result.outcome == .importedWithRejects else { continue }
            for reject in try store.rejects(batchID: batchID) {
                rejects.append([reject.location.file, String(reject.location.line), reject.column ?? "",
                                reject.columnNumber.map(String.init) ?? "", reject.value ?? "", reject.reason,
                                reject.expected ?? "", reject.record ?? ""])
            }
        }
        try OutputFile.save(rejects.data(), to: folder.appendingPathComponent("rejects.csv").path)

        var unresolved = CSVTable(header: ["employer", "identity", "entries"])
        for item in summary.unresolved {
            unresolved.append([item.employer, item.identity, String(item.entries)])
        }
        try OutputFile.save(unresolved.data(), to: folder.appendingPathComponent("unresolved.csv").path)
        return folder.path
    }

    private struct RunFile: Encodable {
        struct FileEntry: Encodable {
            var file: String
            var employer: String?
            var mapping: String
            var outcome: String
            var message: String?
            var batch: Int64?
            var encoding: String?
            var counts: ImportCounts
            var notes: [String]
        }
        var run: String
        var configuration: String
        var database: String
        var exitStatus: Int32
        var aliasesLoaded: Int
        var entriesResolvedByAliases: Int
        var problems: [String]
        var files: [FileEntry]
        var unresolved: [NightlyRun.UnresolvedIdentity]
    }

    private func runJSON(_ summary: NightlyRun.Summary, configuration: BPVConfiguration, stamp: String) throws -> Data {
        let files = summary.files.map { result -> RunFile.FileEntry in
            let (outcome, message) = Self.describe(result.outcome)
            return RunFile.FileEntry(file: result.file, employer: result.employerID, mapping: result.mappingName,
                                     outcome: outcome, message: message, batch: result.batchID,
                                     encoding: result.encoding, counts: result.counts, notes: result.notes)
        }
        let file = RunFile(run: stamp, configuration: configuration.path, database: configuration.database,
                           exitStatus: summary.exitStatus.rawValue, aliasesLoaded: summary.aliasesLoaded,
                           entriesResolvedByAliases: summary.entriesResolvedByAliases, problems: summary.problems,
                           files: files, unresolved: summary.unresolved)
        return try JSONOutput.encoder().encode(file)
    }

    /// A stable name for an outcome, and its message.
    static func describe(_ outcome: FileImportResult.Outcome) -> (String, String?) {
        switch outcome {
        case .imported: return ("imported", nil)
        case .importedWithRejects: return ("imported_with_rejects", nil)
        case .alreadyImported(let id): return ("already_imported", "same file as batch \(id)")
        case .failed(let message): return ("failed", message)
        case .checked: return ("checked", nil)
        }
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy-MM-dd'T'HHmmss"
        return formatter.string(from: date)
    }
}
