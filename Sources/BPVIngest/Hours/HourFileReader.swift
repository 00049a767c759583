import BPVModel

/// Reads one hour export with its mapping: the CSV reader, the header check and the record mapper together.
/// Yields batches of entries and rejects, in file order, in constant memory.
public final class HourFileReader {
    /// Entries and rejects from one chunk of the file.
    public struct Batch {
        public var entries: [HourEntry] = []
        public var rejects: [Reject] = []
    }

    public let path: String
    public let mapping: HourMapping
    public var encoding: TextEncoding { reader.encoding }
    /// A note on the encoding (a byte-order mark that overrode the declared encoding).
    public var encodingNote: String? { reader.encodingNote }
    /// Records read after the header (blank records not included).
    public private(set) var recordsRead = 0
    public var blankRecords: Int { reader.blankRecords }
    public var columnNames: [String]? { mapper.columnNames }

    private let reader: CSVReader
    private var mapper: HourRecordMapper
    private var pending: CSVBatch?

    /// Opens the file and checks its header against the mapping. Throws a ``FileLevelError`` for an empty file,
    /// a file with a header and no records, or mapped columns that are not in the header.
    public init(path: String, mapping: HourMapping, employerID: String?) throws(FileLevelError) {
        guard mapping.source.format == .csv else {
            throw FileLevelError(file: path, message: "mapping \(mapping.name) reads \(mapping.source.format.rawValue), "
                                 + "not CSV")
        }
        self.path = path
        self.mapping = mapping
        reader = try CSVReader(path: path, dialect: mapping.source.csv, encoding: mapping.source.encoding)
        var header: [String]?
        var first = try reader.nextBatch()
        if mapping.source.header {
            guard var batch = first, let headerRecord = batch.records.first else {
                if let error = first?.syntaxErrors.first {
                    throw FileLevelError(file: path, line: error.line, message: "the header line cannot be read: \(error.message)")
                }
                throw FileLevelError(file: path, message: "the file holds no header and no records"
                                     + (mapping.source.csv.skipLines > 0 ? " after skipping \(mapping.source.csv.skipLines) lines" : ""))
            }
            if let error = batch.syntaxErrors.first, error.line < headerRecord.line {
                throw FileLevelError(file: path, line: error.line, message: "the header line cannot be read: \(error.message)")
            }
            header = headerRecord.strings
            batch = CSVBatch(records: Array(batch.records.dropFirst()), syntaxErrors: batch.syntaxErrors)
            first = batch
        }
        mapper = try HourRecordMapper(mapping: mapping, file: path, header: header, employerID: employerID,
                                      encoding: reader.encoding)
        pending = first
        if mapping.source.header, first?.records.isEmpty ?? true, first?.syntaxErrors.isEmpty ?? true {
            // Peek: a header followed by nothing is not an hour export.
            pending = try reader.nextBatch()
            if pending == nil {
                throw FileLevelError(file: path, line: mapping.source.csv.skipLines + 1,
                                     message: "the file has a header but no records")
            }
        }
    }

    /// The next batch, or `nil` at the end of the file.
    public func next() throws(FileLevelError) -> Batch? {
        guard let csv = try nextCSVBatch() else { return nil }
        var batch = Batch()
        batch.entries.reserveCapacity(csv.records.count)
        // Merge records and syntax errors in line order, so rejects read in file order. (``nextInspected()`` walks
        // the batch the same way: a shared walker taking a closure cost this loop 3% more instructions, measured
        // with callgrind on 100k records.)
        var errors = csv.syntaxErrors[...]
        for record in csv.records {
            while let error = errors.first, error.line < record.line {
                batch.rejects.append(reject(error)); errors = errors.dropFirst()
            }
            recordsRead += 1
            switch mapper.map(record) {
            case .entry(let entry): batch.entries.append(entry)
            case .reject(let reject): batch.rejects.append(reject)
            }
        }
        for error in errors { batch.rejects.append(reject(error)) }
        return batch
    }

    /// One record as read and as mapped: its fields as text next to what the mapper made of it.
    public struct InspectedRecord: Sendable {
        /// The record's first line.
        public var line: Int
        /// The fields as text, in file order; `nil` for a line the CSV reader could not parse.
        public var fields: [String]?
        /// The text of a line that could not be parsed (malformed quoting).
        public var lineText: String?
        public var outcome: HourRecordMapper.Outcome
    }

    /// The next batch with every record's fields beside its outcome, in line order, or `nil` at the end of the
    /// file. For previews and tools: it copies each field into a `String`, which ``next()`` (the import's path)
    /// never does.
    public func nextInspected() throws(FileLevelError) -> [InspectedRecord]? {
        guard let csv = try nextCSVBatch() else { return nil }
        var records: [InspectedRecord] = []
        func add(_ error: CSVSyntaxError) {
            records.append(InspectedRecord(line: error.line, fields: nil, lineText: error.lineText,
                                           outcome: .reject(reject(error))))
        }
        var errors = csv.syntaxErrors[...]
        for record in csv.records {
            while let error = errors.first, error.line < record.line { add(error); errors = errors.dropFirst() }
            recordsRead += 1
            records.append(InspectedRecord(line: record.line, fields: record.strings, lineText: nil,
                                           outcome: mapper.map(record)))
        }
        for error in errors { add(error) }
        return records
    }

    private func nextCSVBatch() throws(FileLevelError) -> CSVBatch? {
        if let waiting = pending { pending = nil; return waiting }
        return try reader.nextBatch()
    }

    private func reject(_ error: CSVSyntaxError) -> Reject {
        recordsRead += 1
        let column = columnNames.flatMap { error.fieldNumber <= $0.count ? $0[error.fieldNumber - 1] : nil }
        return Reject(location: SourceLocation(file: path, line: error.line, byteOffset: error.byteOffset),
                      column: column ?? "#\(error.fieldNumber)", columnNumber: error.fieldNumber, value: nil,
                      reason: "malformed quoting: \(error.message)",
                      expected: "fields quoted with \(Character(UnicodeScalar(mapping.source.csv.quote))) and inner quotes doubled",
                      record: error.lineText)
    }
}
