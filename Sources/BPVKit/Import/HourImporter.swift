import BPVIngest
import BPVModel
import BPVStore

/// What became of one file.
public struct FileImportResult: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Every record became an entry.
        case imported
        /// Some records were rejected; the rest is stored.
        case importedWithRejects
        /// The same bytes from the same source were imported before: nothing changed.
        case alreadyImported(batchID: Int64)
        /// The file failed as a whole; nothing of it is stored.
        case failed(String)
        /// Read and mapped only (`--dry-run`): nothing stored.
        case checked
    }

    public var file: String
    public var employerID: String?
    public var mappingName: String
    public var outcome: Outcome
    public var counts: ImportCounts
    public var batchID: Int64?
    public var encoding: String?
    /// The first rejects, for the terminal (all of them are in the store).
    public var firstRejects: [Reject]
    /// Things worth knowing that are not errors (an encoding overridden by a BOM).
    public var notes: [String]
}

extension FileImportResult {
    /// A file the run did not read (see ``InboxFiles``): failed, with the reason.
    init(refused: InboxFiles.Refusal, employerID: String?, mappingName: String) {
        self.init(file: refused.path, employerID: employerID, mappingName: mappingName,
                  outcome: .failed("\(refused.path): \(refused.reason)"), counts: ImportCounts(), batchID: nil,
                  encoding: nil, firstRejects: [], notes: [])
    }
}

/// Imports hour exports into the store: one file, one transaction.
///
/// The rules: a file with the same bytes (SHA-256 and size) from the same source (the employer) as an earlier
/// import changes nothing, unless it was read with another mapping or revision: then it is imported again and
/// replaces the earlier batch (see ``ImportStart``); a file-level problem (empty, unreadable, header without the mapped columns) stores nothing and is
/// recorded as a failed batch; records that cannot be mapped are stored as rejects beside the good ones; when more
/// than the mapping's `max_reject_percent` is rejected the file fails as a whole.
public struct HourImporter {
    public let store: (any Store)?
    /// How many rejects a result carries for display.
    public var rejectsToShow = 20

    /// `store: nil` reads and maps only (dry run).
    public init(store: (any Store)?) {
        self.store = store
    }

    /// Imports `path` with `mapping` for `employerID`. Throws only when the store fails.
    public func importFile(path: String, mapping: HourMapping, employerID: String?) throws -> FileImportResult {
        var result = FileImportResult(file: path, employerID: employerID, mappingName: mapping.name, outcome: .checked,
                                      counts: ImportCounts(), batchID: nil, encoding: nil, firstRejects: [], notes: [])
        guard let store else { return dryRun(path: path, mapping: mapping, employerID: employerID, result: result) }

        let sourceKey = Self.sourceKey(employerID: employerID, mappingName: mapping.name)
        let content: FileContent
        let replacing: ImportBatch?
        switch try ImportStart.decide(store: store, path: path, sourceKey: sourceKey, mappingName: mapping.name,
                                      mappingRevision: mapping.revision, replaceOnMappingChange: true) {
        case .unreadable(let error):
            result.outcome = .failed(error.description)
            return result
        case .alreadyImported(let earlier):
            result.recognise(earlier)
            return result
        case .importFile(let file, let earlier):
            content = file
            replacing = earlier
        }
        if let replacing {
            result.notes.append("the same file was imported as batch \(replacing.id) with mapping \(replacing.mappingName) "
                                + "revision \(replacing.mappingRevision); read again with \(mapping.name) revision "
                                + "\(mapping.revision), this import replaces it")
        }
        var newBatch = NewImportBatch(sourceKey: sourceKey, employerID: employerID, mappingName: mapping.name,
                                      mappingRevision: mapping.revision, filePath: path, fileSize: content.size,
                                      contentFingerprint: content.sha256,
                                      encoding: mapping.source.encoding?.rawValue, identityKind: mapping.identity,
                                      supersedeByPeriod: mapping.importRule.supersede == .period,
                                      supersedeByExternalID: mapping.importRule.supersede == .externalID)
        newBatch.replacesBatchID = replacing?.id
        let reader: HourFileReader
        do {
            reader = try HourFileReader(path: path, mapping: mapping, employerID: employerID)
        } catch {
            let failed = try store.recordFailedImport(newBatch, message: error.description, counts: ImportCounts())
            result.batchID = failed.id
            result.outcome = .failed(error.description)
            return result
        }
        newBatch.encoding = reader.encodingName
        result.encoding = reader.encodingName
        if let note = reader.encodingNote { result.notes.append(note) }

        var shown: [Reject] = []
        let limit = rejectsToShow
        do {
            let batch = try store.importHours(newBatch) { writer in
                // Parsing and mapping run on threads of their own; the store writes here, in file order.
                try reader.readAll { chunk in
                    try writer.write(chunk.entries)
                    if !chunk.rejects.isEmpty {
                        try writer.write(chunk.rejects)
                        if shown.count < limit { shown.append(contentsOf: chunk.rejects.prefix(limit - shown.count)) }
                    }
                }
                writer.setReaderCounts(recordsRead: reader.recordsRead, blankRecords: reader.blankRecords)
                result.notes += reader.skipNotes
                writer.setEncoding(reader.encodingName)
                let read = max(reader.recordsRead, 1)
                let percent = Double(writer.rejectCount) * 100 / Double(read)
                if percent > mapping.importRule.maxRejectPercent {
                    throw RejectThresholdExceeded(rejects: writer.rejectCount, records: reader.recordsRead,
                                                  percent: percent, limit: mapping.importRule.maxRejectPercent)
                }
            }
            result.batchID = batch.id
            result.counts = batch.counts
            result.outcome = batch.counts.rejects > 0 ? .importedWithRejects : .imported
        } catch let error as FileLevelError {
            result.outcome = .failed(error.description)
            result.batchID = try store.recordFailedImport(newBatch, message: error.description, counts: result.counts).id
        } catch let error as RejectThresholdExceeded {
            var counts = ImportCounts()
            counts.recordsRead = error.records
            counts.rejects = error.rejects
            result.counts = counts
            result.outcome = .failed("\(path): \(error)")
            result.batchID = try store.recordFailedImport(newBatch, message: "\(error)", counts: counts).id
        }
        result.firstRejects = shown
        return result
    }

    /// An hour source is the employer (its feed), whatever mapping reads it; without an employer (the mapping
    /// names it per record), the mapping.
    static func sourceKey(employerID: String?, mappingName: String) -> String {
        employerID ?? "-/" + mappingName
    }

    private func dryRun(path: String, mapping: HourMapping, employerID: String?, result: FileImportResult) -> FileImportResult {
        var result = result
        do {
            let reader = try HourFileReader(path: path, mapping: mapping, employerID: employerID)
            result.encoding = reader.encodingName
            if let note = reader.encodingNote { result.notes.append(note) }
            try reader.readAll { chunk in
                result.counts.entriesStored += chunk.entries.count
                result.counts.rejects += chunk.rejects.count
                if result.firstRejects.count < rejectsToShow {
                    result.firstRejects.append(contentsOf: chunk.rejects.prefix(rejectsToShow - result.firstRejects.count))
                }
            }
            result.counts.recordsRead = reader.recordsRead
            result.counts.blankRecords = reader.blankRecords
            result.notes += reader.skipNotes
        } catch {
            result.outcome = .failed("\(error)")
        }
        return result
    }
}

/// More records were rejected than the mapping's `max_reject_percent` allows.
struct RejectThresholdExceeded: Error, CustomStringConvertible {
    var rejects: Int
    var records: Int
    var percent: Double
    var limit: Double
    var description: String {
        "\(rejects) of \(records) records rejected (\(Int(percent.rounded()))%), more than the mapping's "
            + "max_reject_percent of \(Int(limit))%: the file is not imported; is it the right mapping?"
    }
}
