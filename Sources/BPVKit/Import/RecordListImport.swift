import BPVIngest
import BPVModel
import BPVStore
import Foundation

/// The steps every list import (SBB erkenningen, crebos, POKs) shares: the same file twice changes nothing; a file
/// that fails as a whole is recorded as a failed batch; the whole file is read (lists are small) before anything is
/// stored, in one transaction.
struct RecordListImport<Mapper: RecordKindMapper> {
    let store: any Store
    let path: String
    let mapping: RecordMapping
    let sourceKey: String
    var rejectsToShow = 20

    /// What reading the file gave.
    struct Read {
        var batch: RecordFileReader<Mapper>.Batch
        var counts: ImportCounts
        var encoding: String
        var notes: [String]
    }

    /// Either a result that is final already (same file imported before, unreadable file), or the batch to store
    /// and what the file held.
    enum Start {
        case done(FileImportResult)
        case read(NewImportBatch, Read, FileImportResult)
    }

    func start(mapper: Mapper) throws -> Start {
        var result = FileImportResult(file: path, employerID: nil, mappingName: mapping.name, outcome: .checked,
                                      counts: ImportCounts(), batchID: nil, encoding: nil, firstRejects: [], notes: [])
        let content: FileContent
        switch try ImportStart.decide(store: store, path: path, sourceKey: sourceKey, mappingName: mapping.name,
                                      mappingRevision: mapping.revision, replaceOnMappingChange: false) {
        case .unreadable(let error):
            result.outcome = .failed(error.description)
            return .done(result)
        case .alreadyImported(let earlier):
            result.recognise(earlier)
            return .done(result)
        case .importFile(let file, _):
            content = file
        }
        var newBatch = NewImportBatch(sourceKey: sourceKey, employerID: nil, mappingName: mapping.name,
                                      mappingRevision: mapping.revision, filePath: path, fileSize: content.size,
                                      contentFingerprint: content.sha256,
                                      encoding: mapping.source.encoding?.rawValue, identityKind: .personeelsnummer,
                                      supersedeByPeriod: false, kind: mapping.kind.rawValue)
        do {
            let reader = try RecordFileReader(path: path, mapping: mapping, mapper: mapper)
            let batch = try reader.readAll()
            var counts = ImportCounts()
            counts.recordsRead = reader.recordsRead
            counts.blankRecords = reader.blankRecords
            counts.rejects = batch.rejects.count
            var notes: [String] = []
            if let note = reader.encodingNote { notes.append(note) }
            if let empty = reader.emptyNote { notes.append(empty) }
            if reader.skippedRecords > 0 {
                notes.append("\(reader.skippedRecords) row(s) skipped: empty \(mapping.skipWhenEmpty.joined(separator: " and ")) "
                             + "(rows.skip_when_empty: section and heading rows)")
            }
            newBatch.encoding = reader.encodingName
            result.encoding = reader.encodingName
            result.counts = counts
            result.notes = notes
            result.firstRejects = Array(batch.rejects.prefix(rejectsToShow))
            return .read(newBatch, Read(batch: batch, counts: counts, encoding: reader.encodingName, notes: notes), result)
        } catch {
            return .done(try fail(newBatch, result, message: error.description, counts: ImportCounts()))
        }
    }

    /// The whole import of a list whose values are stored in one call: start (same file? read and map), then
    /// `prepare` (duplicates to rejects, notes), the refusals every list shares (an empty list unless `allowEmpty`,
    /// too many rejects), then `save`. Every list importer but the SBB erkenning list's is this.
    func run<Kind: RecordKindDescriptor>(_ kind: Kind.Type, mapper: Mapper, allowEmpty: Bool,
                                         prepare: ([Mapper.Value], inout [Reject], inout [String]) throws -> [Mapper.Value]
                                             = { values, _, _ in values },
                                         save: (NewImportBatch, [Mapper.Value], [Reject], ImportCounts) throws -> ImportBatch)
        throws -> FileImportResult {
        switch try start(mapper: mapper) {
        case .done(let result):
            return result
        case .read(let batch, let read, var result):
            var counts = read.counts
            var rejects = read.batch.rejects
            var notes: [String] = []
            let values = try prepare(read.batch.values, &rejects, &notes)
            rejects.sort { $0.location.line < $1.location.line }  // stable: the mapper's and prepare's in file order
            counts.rejects = rejects.count
            result.firstRejects = Array(rejects.prefix(rejectsToShow))
            if let refused = try refusal(batch, result, values: values.count, counts: counts, kind: Kind.plural,
                                         consequence: Kind.emptyConsequence, allowEmpty: allowEmpty) {
                return refused
            }
            counts.entriesStored = values.count
            result.notes += notes
            let stored = try save(batch, values, rejects, counts)
            result.batchID = stored.id
            result.counts = stored.counts
            result.outcome = rejects.isEmpty ? .imported : .importedWithRejects
            return result
        }
    }

    /// Records the file as failed (nothing of it stored) and returns the result saying so.
    func fail(_ batch: NewImportBatch, _ result: FileImportResult, message: String, counts: ImportCounts) throws -> FileImportResult {
        var result = result
        result.outcome = .failed(message)
        result.counts = counts
        result.batchID = try store.recordFailedImport(batch, message: message, counts: counts).id
        return result
    }

    /// The `max_reject_percent` rule's message when the file exceeds it.
    /// The refusals every list import shares: a list with no usable rows (unless `allowEmpty`), and more rejects
    /// than the mapping allows. Returns the failed result, or `nil` when the list may be stored.
    func refusal(_ batch: NewImportBatch, _ result: FileImportResult, values: Int, counts: ImportCounts, kind: String,
                 consequence: String, allowEmpty: Bool) throws -> FileImportResult? {
        if values == 0 && !allowEmpty {
            return try fail(batch, result, message: emptyListMessage(kind: kind, counts: counts, consequence: consequence),
                            counts: counts)
        }
        if let message = rejectThresholdMessage(rejects: counts.rejects, records: counts.recordsRead) {
            return try fail(batch, result, message: message, counts: counts)
        }
        return nil
    }

    func rejectThresholdMessage(rejects: Int, records: Int) -> String? {
        let percent = Double(rejects) * 100 / Double(max(records, 1))
        guard percent > mapping.importRule.maxRejectPercent else { return nil }
        return "\(path): " + RejectThresholdExceeded(rejects: rejects, records: records, percent: percent,
                                                     limit: mapping.importRule.maxRejectPercent).description
    }

    /// The refusal of a list without usable rows.
    func emptyListMessage(kind: String, counts: ImportCounts, consequence: String) -> String {
        let read = counts.recordsRead == 0 ? "no rows" : "\(counts.recordsRead) row(s), all rejected"
        return "\(path): the list holds no \(kind) (\(read)); refusing to treat it as \(consequence). "
            + "Give --allow-empty if the list is really empty."
    }
}

/// `yyyy-MM-dd` of a file's modification time, in local time.
func modificationDate(of path: String) -> CalendarDate? {
    guard let date = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { return nil }
    return calendarDate(date)
}

/// The local calendar date of a moment.
public func calendarDate(_ date: Date) -> CalendarDate {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
    return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
}
