import BPVModel

/// Reads one hour export with its mapping: the reader the mapping's `source.format` names (CSV: ``CSVReader`` with
/// the header check; XML: ``XMLRecordReader``) and the record mapper together. Yields batches of entries and
/// rejects, in file order, in constant memory.
public final class HourFileReader {
    /// Entries and rejects from one chunk of the file.
    public struct Batch {
        public var entries: [HourEntry] = []
        public var rejects: [Reject] = []
    }

    public let path: String
    public let mapping: HourMapping
    /// The file's encoding (XML: the nearest known one to what the file declares; see ``encodingName``).
    public var encoding: TextEncoding {
        if let xmlEncoding { return TextEncoding(rawValue: xmlEncoding.name) ?? .utf8 }
        return reader!.encoding
    }
    /// The file's encoding by name, as stored with the import batch.
    public var encodingName: String { xmlEncoding?.name ?? reader!.encoding.rawValue }
    /// A note on the encoding (a byte-order mark that overrode the declared encoding).
    public var encodingNote: String? { xmlEncoding != nil ? xmlEncoding!.note : reader!.encodingNote }
    /// Records read after the header (blank records not included).
    public private(set) var recordsRead = 0
    public var blankRecords: Int { reader?.blankRecords ?? 0 }
    /// CSV: the header's column names; XML: the mapped paths.
    public var columnNames: [String]? { mapper.columnNames }

    private let reader: CSVReader?
    /// XML: the encoding, known once the reader has read the first chunk.
    private let xmlEncoding: (name: String, note: String?)?
    /// XML is parsed on a thread of its own, a block ahead of the mapping.
    private let prefetcher: XMLPrefetcher?
    private var mapper: HourRecordMapper
    private var pending: CSVBatch?

    /// Opens the file and checks it against the mapping. Throws a ``FileLevelError`` for an empty file, a CSV file
    /// with a header and no records or without the mapped columns, or an XML file that is not well-formed where
    /// its first chunk already shows it.
    public init(path: String, mapping: HourMapping, employerID: String?) throws(FileLevelError) {
        self.path = path
        self.mapping = mapping
        if mapping.source.format == .xml {
            guard let xml = mapping.source.xml else {
                throw FileLevelError(file: path, message: "mapping \(mapping.name) reads XML but names no record path")
            }
            // One layout field per mapped dossier field, in a fixed order.
            var fieldSlots: [HourField: Int] = [:]
            var paths: [[XMLFieldPath]] = []
            for field in HourField.allCases {
                guard let spec = mapping.fields[field], case .path(let alternatives) = spec.source else { continue }
                fieldSlots[field] = paths.count
                paths.append(alternatives)
            }
            let layout = XMLRecordLayout(record: xml.record, fields: paths)
            let xmlReader = try XMLRecordReader(path: path, layout: layout, encoding: mapping.source.encoding)
            xmlEncoding = (xmlReader.encodingName, xmlReader.encodingNote)
            reader = nil
            prefetcher = XMLPrefetcher(reader: xmlReader)
            mapper = try HourRecordMapper(mapping: mapping, file: path, fieldSlots: fieldSlots,
                                          fieldNames: layout.fieldNames, employerID: employerID,
                                          encodingName: xmlReader.encodingName)
            return
        }
        xmlEncoding = nil
        prefetcher = nil
        let reader = try CSVReader(path: path, dialect: mapping.source.csv, encoding: mapping.source.encoding)
        self.reader = reader
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
        if let prefetcher {
            guard let xml = try prefetcher.next() else { return nil }
            var batch = Batch()
            batch.entries.reserveCapacity(xml.records.count)
            recordsRead += xml.records.count
            for record in xml.records { mapper.map(record, into: &batch.entries, rejects: &batch.rejects) }
            return batch
        }
        let csv: CSVBatch
        if let waiting = pending { csv = waiting; pending = nil } else {
            guard let fresh = try reader!.nextBatch() else { return nil }
            csv = fresh
        }
        var batch = Batch()
        batch.entries.reserveCapacity(csv.records.count)
        // Merge records and syntax errors in line order, so rejects read in file order.
        var errors = csv.syntaxErrors[...]
        for record in csv.records {
            while let error = errors.first, error.line < record.line {
                batch.rejects.append(reject(error)); errors = errors.dropFirst()
            }
            recordsRead += 1
            mapper.map(record, into: &batch.entries, rejects: &batch.rejects)
        }
        for error in errors { batch.rejects.append(reject(error)) }
        return batch
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
