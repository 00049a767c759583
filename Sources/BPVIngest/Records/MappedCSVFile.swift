import BPVModel

/// A CSV file opened for a mapping: the reader, the header (when the mapping has one) taken off the first batch,
/// and the malformed-quoting errors turned into rejects. Shared by the hour reader and the record readers.
final class MappedCSVFile {
    let path: String
    let source: SourceSpec
    let reader: CSVReader
    /// The header's names, for `header: true`.
    let header: [String]?
    /// Whether nothing but the header (and blank lines) follows it.
    private(set) var isEmptyAfterHeader = false
    private var pending: CSVBatch?

    /// Opens `path` and reads its header. Throws a ``FileLevelError`` for an unreadable or empty file, a header that
    /// cannot be read, or a file with no header and no records.
    init(path: String, source: SourceSpec, mappingName: String) throws(FileLevelError) {
        guard source.format == .csv else {
            throw FileLevelError(file: path, message: "mapping \(mappingName) reads \(source.format.rawValue), not CSV")
        }
        self.path = path
        self.source = source
        reader = try CSVReader(path: path, dialect: source.csv, encoding: source.encoding)
        var first = try reader.nextBatch()
        var header: [String]?
        if source.header {
            guard var batch = first, let headerRecord = batch.records.first else {
                if let error = first?.syntaxErrors.first {
                    throw FileLevelError(file: path, line: error.line, message: "the header line cannot be read: \(error.message)")
                }
                throw FileLevelError(file: path, message: "the file holds no header and no records"
                                     + (source.csv.skipLines > 0 ? " after skipping \(source.csv.skipLines) lines" : ""))
            }
            if let error = batch.syntaxErrors.first, error.line < headerRecord.line {
                throw FileLevelError(file: path, line: error.line, message: "the header line cannot be read: \(error.message)")
            }
            header = headerRecord.strings
            batch = CSVBatch(records: Array(batch.records.dropFirst()), syntaxErrors: batch.syntaxErrors,
                             storage: batch.storage)
            first = batch
        }
        self.header = header
        pending = first
        if source.header, first?.records.isEmpty ?? true, first?.syntaxErrors.isEmpty ?? true {
            // Peek: is there anything after the header?
            pending = try reader.nextBatch()
            isEmptyAfterHeader = pending == nil
        }
    }

    /// The next batch of records, or `nil` at the end of the file.
    func nextBatch() throws(FileLevelError) -> CSVBatch? {
        if let waiting = pending { pending = nil; return waiting }
        return try reader.nextBatch()
    }

    /// A reject for a record that libcsv could not parse.
    func reject(_ error: CSVSyntaxError, columnNames: [String]?) -> Reject {
        let column = columnNames.flatMap { error.fieldNumber <= $0.count ? $0[error.fieldNumber - 1] : nil }
        let location = SourceLocation(file: path, line: error.line, byteOffset: error.byteOffset)
        switch error.kind {
        case .quoting:
            return Reject(location: location, column: column ?? "#\(error.fieldNumber)", columnNumber: error.fieldNumber,
                          value: error.value, reason: "malformed quoting: \(error.message)",
                          expected: "fields quoted with \(Character(UnicodeScalar(source.csv.quote))) and inner quotes doubled",
                          record: error.lineText)
        case .tooLong:
            return Reject(location: location, column: column ?? "#\(error.fieldNumber)", columnNumber: error.fieldNumber,
                          value: error.value, reason: error.message,
                          expected: "a record of at most \(CSVDialect.size(source.csv.maxRecordBytes)) with fields of at "
                              + "most \(CSVDialect.size(source.csv.maxFieldBytes))",
                          record: error.lineText.isEmpty ? nil : error.lineText)
        }
    }
}
