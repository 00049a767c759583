import BPVModel
import Foundation

/// `run.json`: what the run did, for machines: every file read with its outcome and counts, the problems, the
/// unresolved identities, and the files of the run record (`files_written`). Keys in snake_case, sorted
/// (`JSONOutput`).
struct RunJSON: Artifact {
    let fileName = "run.json"
    let purpose = "what the run did, for machines: every file read with its outcome and counts, the problems, the "
        + "unresolved identities and the files of this run record"

    /// The version of `run.json`'s layout.
    static let format = 1

    /// The run's name: its folder's name.
    var run: String
    var configurationPath: String
    var database: String
    var summary: NightlyRun.Summary
    /// Every file of the run record, this one included, in the order they are written.
    var filesWritten: [WrittenFile]

    private struct Document: Encodable {
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
        /// The version of this layout (README, "run.json"): raised when a key changes meaning or goes away.
        var format = RunJSON.format
        var run: String
        var configuration: String
        var database: String
        var exitStatus: Int32
        var aliasesLoaded: Int
        var entriesResolvedByAliases: Int
        var problems: [String]
        var files: [FileEntry]
        var filesWritten: [WrittenFile]
        var unresolved: [NightlyRun.UnresolvedIdentity]
        var dryRun: Bool
        var errors: [String]
        var waiting: [String]
        var moves: [FileLifecycle.Move]
        var steps: [NightlyRun.StepTiming]
    }

    func render() throws -> Data {
        let files = summary.files.map { result -> Document.FileEntry in
            let (outcome, message) = Self.describe(result.outcome)
            return Document.FileEntry(file: result.file, employer: result.employerID, mapping: result.mappingName,
                                      outcome: outcome, message: message, batch: result.batchID,
                                      encoding: result.encoding, counts: result.counts, notes: result.notes)
        }
        let document = Document(run: run, configuration: configurationPath, database: database,
                                exitStatus: summary.exitStatus.rawValue, aliasesLoaded: summary.aliasesLoaded,
                                entriesResolvedByAliases: summary.entriesResolvedByAliases,
                                problems: summary.problems, files: files, filesWritten: filesWritten,
                                unresolved: summary.unresolved, dryRun: summary.dryRun, errors: summary.errors,
                                waiting: summary.waiting, moves: summary.moves, steps: summary.steps)
        return try JSONOutput.encoder().encode(document)
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
}
