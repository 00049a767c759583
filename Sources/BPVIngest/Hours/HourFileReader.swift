import BPVModel

/// Reads one hour export with its mapping: the reader the mapping's `source.format` names (CSV: ``CSVReader`` with
/// the header check; XML: ``XMLRecordReader``) and the record mapper together. Yields batches of entries and
/// rejects, in file order, in constant memory.
public final class HourFileReader {
    /// Entries and rejects from one chunk of the file.
    public struct Batch: Sendable {
        public var entries: [HourEntry] = []
        public var rejects: [Reject] = []
    }

    public let path: String
    public let mapping: HourMapping
    /// The file's encoding (XML: the nearest known one to what the file declares; see ``encodingName``).
    public var encoding: TextEncoding {
        if let xmlEncoding { return TextEncoding(rawValue: xmlEncoding.name) ?? .utf8 }
        return file!.reader.encoding
    }
    /// The file's encoding by name, as stored with the import batch.
    public var encodingName: String { xmlEncoding?.name ?? file!.reader.encoding.rawValue }
    /// A note on the encoding (a byte-order mark that overrode the declared encoding).
    public var encodingNote: String? { xmlEncoding != nil ? xmlEncoding!.note : file!.reader.encodingNote }
    /// Records read after the header (blank records not included).
    public private(set) var recordsRead = 0
    public var blankRecords: Int { file?.reader.blankRecords ?? 0 }
    /// Records that are not hours (`rows.skip_when`, a code `skip`, an empty optional duration), per reason, in the
    /// order the reasons first appeared. Read it after the file is read.
    public var skipped: [(reason: String, count: Int)] { mapper.skipped }
    /// The notes that report ``skipped``: one per reason, `3 records skipped: break row`.
    public var skipNotes: [String] {
        skipped.map { "\($0.count) \($0.count == 1 ? "record" : "records") skipped: \($0.reason)" }
    }
    /// CSV: the header's column names; XML: the mapped paths.
    public var columnNames: [String]? { mapper.columnNames }
    /// The names of ``InspectedRecord/fields``: CSV, the header's column names; XML, every distinct path the
    /// mapping reads (alternatives each on their own, see ``XMLRecordLayout/pathNames``).
    public var rawFieldNames: [String]? { xmlLayout?.pathNames ?? mapper.columnNames }

    /// CSV: the file with its header read.
    private let file: MappedCSVFile?
    /// XML: the encoding, known once the reader has read the first chunk.
    private let xmlEncoding: (name: String, note: String?)?
    /// XML: the reader, which parses on a thread of its own, a block or two ahead of the mapping.
    private let xmlReader: XMLRecordReader?
    /// XML: what the reader collects (for the preview's raw fields).
    private let xmlLayout: XMLRecordLayout?
    private var mapper: HourRecordMapper

    /// Opens the file and checks its header against the mapping. Throws a ``FileLevelError`` for an empty file,
    /// a file with a header and no records, or mapped columns that are not in the header.
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
            xmlLayout = layout
            file = nil
            self.xmlReader = xmlReader
            mapper = try HourRecordMapper(mapping: mapping, file: path, fieldSlots: fieldSlots,
                                          fieldNames: layout.fieldNames, employerID: employerID,
                                          encodingName: xmlReader.encodingName)
            return
        }
        xmlEncoding = nil
        xmlLayout = nil
        xmlReader = nil
        let file = try MappedCSVFile(path: path, source: mapping.source, mappingName: mapping.name)
        self.file = file
        mapper = try HourRecordMapper(mapping: mapping, file: path, header: file.header, employerID: employerID,
                                      encoding: file.reader.encoding)
        if file.isEmptyAfterHeader {
            // A header followed by nothing is not an hour export.
            throw FileLevelError(file: path, line: mapping.source.csv.skipLines + 1,
                                 message: "the file has a header but no records")
        }
    }

    /// The next batch, or `nil` at the end of the file.
    public func next() throws(FileLevelError) -> Batch? {
        if let xmlReader {
            guard let xml = try xmlReader.nextBatch() else { return nil }
            var batch = Batch()
            batch.entries.reserveCapacity(xml.count)
            recordsRead += xml.count
            for record in xml { mapper.map(record, into: &batch.entries, rejects: &batch.rejects) }
            return batch
        }
        guard let csv = try file!.nextBatch() else { return nil }
        return map(csv)
    }

    /// Reads the whole file and hands every batch to `consume`, in file order, with parsing and mapping each on
    /// a thread of their own: a three-stage pipeline (parse | map | consume) that keeps two cores busy. At most
    /// a few batches are in flight, so memory stays bounded. When `consume` throws, reading stops and the error is
    /// rethrown; a ``FileLevelError`` met while reading is rethrown after the batches before it.
    public func readAll(_ consume: (Batch) throws -> Void) throws {
        if xmlReader != nil {
            // XML: the reader parses on its own thread already; mapping and consuming stay here.
            while let batch = try next() { try consume(batch) }
            return
        }
        let parsed = BlockingQueue<CSVBatch>(capacity: 1)
        let mapped = BlockingQueue<Batch>(capacity: 1)
        let unsafeSelf = UnsafeTransfer(self)
        let parser = StageThread(name: "bpv-parse") {
            let me = unsafeSelf.value
            do {
                while let batch = try me.file!.nextBatch() { guard parsed.put(batch) else { break } }
                parsed.finish()
            } catch {
                parsed.finish(error: error)
            }
        }
        let mapper = StageThread(name: "bpv-map") {
            let me = unsafeSelf.value
            do {
                while let csv = try parsed.take() {
                    guard mapped.put(me.map(csv)) else { parsed.cancel(); break }
                }
                mapped.finish()
            } catch {
                mapped.finish(error: error)
            }
        }
        defer {
            mapped.cancel()
            parsed.cancel()
            mapper.join()
            parser.join()
        }
        while let batch = try mapped.take() { try consume(batch) }
    }

    /// Maps one CSV batch: records and syntax errors, in line order.
    private func map(_ csv: CSVBatch) -> Batch {
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
            mapper.map(record, into: &batch.entries, rejects: &batch.rejects)
        }
        for error in errors { batch.rejects.append(reject(error)) }
        return batch
    }

    /// One record as read and as mapped: its fields as text next to what the mapper made of it.
    public struct InspectedRecord: Sendable {
        /// The record's first line.
        public var line: Int
        /// The fields as text, in file order (XML: the value of each of ``rawFieldNames``); `nil` for a line the
        /// CSV reader could not parse.
        public var fields: [String]?
        /// The text of a line that could not be parsed (malformed quoting).
        public var lineText: String?
        public var outcome: HourRecordMapper.Outcome
    }

    /// The next batch with every record's fields beside its outcome, in line order, or `nil` at the end of the
    /// file. For previews and tools: it copies each field into a `String`, which ``next()`` (the import's path)
    /// never does.
    public func nextInspected() throws(FileLevelError) -> [InspectedRecord]? {
        if let xmlReader, let xmlLayout {
            // XML: the value of every path the mapping reads, beside the outcome.
            guard let xml = try xmlReader.nextBatch() else { return nil }
            recordsRead += xml.count
            let paths = xmlLayout.pathNames.indices
            return xml.map { record in
                InspectedRecord(line: record.line, fields: paths.map(record.pathValue), lineText: nil,
                                outcome: mapper.map(record))
            }
        }
        guard let csv = try file!.nextBatch() else { return nil }
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

    private func reject(_ error: CSVSyntaxError) -> Reject {
        recordsRead += 1
        return file!.reject(error, columnNames: columnNames)
    }
}

/// Moves a reference to another thread of the pipeline. Safe here because each stage touches disjoint state of
/// the reader (the parse stage the CSV file, the map stage the mapper and counters), and the caller reads the
/// counters only after both stages have been joined.
struct UnsafeTransfer<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
