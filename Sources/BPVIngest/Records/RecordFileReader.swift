import BPVModel

/// What one record became.
public enum RecordOutcome<Value> {
    case value(Value)
    /// The record cannot be used. `pair` is the leerbedrijf and crebo when they could be read, so that a snapshot
    /// diff does not mistake a rejected row for a withdrawn erkenning.
    case reject(Reject, pair: LeerbedrijfCrebo?)
    /// Not a record of this kind (another record type of a shared file, as DUO's ISG rows beside its BPV rows):
    /// skipped and counted, never rejected.
    case skip
}

/// Turns one record into one value of a kind (an erkenning, a crebo, a POK), reading its fields through a
/// ``RecordFieldReader``. The reader of the file (CSV or XML) does not care which kind it is.
public protocol RecordKindMapper {
    associatedtype Value
    mutating func map<R: FieldRecord>(_ record: R, _ fields: inout RecordFieldReader) -> RecordOutcome<Value>
}

/// Reads one file of a ``RecordKind`` with its mapping, as the mapping's `source.format` says: CSV records with the
/// header check and the `rows.skip_when_empty` rule, or XML records from the streaming ``XMLRecordReader`` (the
/// record path's elements, each field's path resolved to a slot); then the kind's mapper. Yields batches of values
/// and rejects in file order, in constant memory.
///
/// Unlike an hour export, a file with a header and no records is not an error here: the caller decides (an empty
/// SBB list is refused unless the user says it is meant). The same holds for an XML file that is well-formed but
/// holds no record element (``emptyNote`` says so). An XML file that is not well-formed or is truncated fails as
/// a whole (``FileLevelError`` with line and column).
public final class RecordFileReader<Mapper: RecordKindMapper> {
    public struct Batch {
        public var values: [Mapper.Value] = []
        public var rejects: [Reject] = []
        /// Leerbedrijf and crebo of rejected rows, where they could be read.
        public var rejectedPairs: [LeerbedrijfCrebo] = []
    }

    public let path: String
    public let mapping: RecordMapping
    /// The file's encoding (XML: the nearest known one to what the file declares; see ``encodingName``).
    public var encoding: TextEncoding {
        switch file {
        case .csv(let csv): return csv.reader.encoding
        case .xml(let xml): return TextEncoding(rawValue: xml.encodingName) ?? .utf8
        }
    }
    /// The file's encoding by name, as stored with the import batch.
    public var encodingName: String {
        switch file {
        case .csv(let csv): return csv.reader.encoding.rawValue
        case .xml(let xml): return xml.encodingName
        }
    }
    public var encodingNote: String? {
        switch file {
        case .csv(let csv): return csv.reader.encodingNote
        case .xml(let xml): return xml.encodingNote
        }
    }
    /// Records read after the header (blank and skipped records not included).
    public private(set) var recordsRead = 0
    public var blankRecords: Int {
        if case .csv(let csv) = file { return csv.reader.blankRecords }
        return 0
    }
    /// Rows skipped by `rows.skip_when_empty` (section headings).
    public private(set) var skippedRecords = 0
    /// CSV: the header's names; XML: the mapped paths.
    public var columnNames: [String]? { fields.columnNames }
    /// XML: why a well-formed file gave no records (no record element), for the caller's refusal of an empty list.
    public private(set) var emptyNote: String?

    private enum Source {
        case csv(MappedCSVFile)
        case xml(XMLRecordReader)
    }

    private let file: Source
    private var fields: RecordFieldReader
    private var mapper: Mapper

    /// Opens the file and checks it against the mapping. Throws a ``FileLevelError`` for an unreadable or empty
    /// file, mapped columns that are not in the header (CSV), or a first chunk that is not well-formed (XML).
    public init(path: String, mapping: RecordMapping, mapper: Mapper) throws(FileLevelError) {
        self.path = path
        self.mapping = mapping
        self.mapper = mapper
        if mapping.source.format == .xml {
            guard let xml = mapping.source.xml else {
                throw FileLevelError(file: path, message: "mapping \(mapping.name) reads XML but names no record path")
            }
            // One layout field per path-backed dossier field, in a fixed order (constants have none).
            var slots: [String: Int] = [:]
            var paths: [[XMLFieldPath]] = []
            for name in mapping.kind.schema.fieldOrder {
                guard let spec = mapping.fields[name], case .path(let alternatives) = spec.source else { continue }
                slots[name] = paths.count
                paths.append(alternatives)
            }
            let layout = XMLRecordLayout(record: xml.record, fields: paths)
            let reader = try XMLRecordReader(path: path, layout: layout, encoding: mapping.source.encoding)
            file = .xml(reader)
            fields = RecordFieldReader(xmlFile: path, fields: mapping.fields, codes: mapping.codes, slots: slots,
                                       paths: layout.fieldNames, encodingName: reader.encodingName)
            return
        }
        let csv = try MappedCSVFile(path: path, source: mapping.source, mappingName: mapping.name)
        file = .csv(csv)
        let slots = try ColumnSlots.resolve(fields: mapping.fields, header: csv.header, mappingName: mapping.name,
                                            file: path, dialect: mapping.source.csv)
        fields = RecordFieldReader(file: path, fields: mapping.fields, codes: mapping.codes, slots: slots,
                                   columnNames: csv.header, encoding: csv.reader.encoding,
                                   delimiter: mapping.source.csv.delimiter)
    }

    /// The next batch, or `nil` at the end of the file.
    public func next() throws(FileLevelError) -> Batch? {
        switch file {
        case .csv(let csv): return try nextCSV(csv)
        case .xml(let xml): return try nextXML(xml)
        }
    }

    private func nextXML(_ reader: XMLRecordReader) throws(FileLevelError) -> Batch? {
        let xml: XMLRecordBlock
        do {
            guard let next = try reader.nextBatch() else { return nil }
            xml = next
        } catch {
            // Well-formed, but no record element at all: an empty list, which the caller may refuse or accept.
            if reader.recordsFound == 0 && error.line == nil && emptyNote == nil && recordsRead == 0 {
                emptyNote = error.message
                return nil
            }
            throw error
        }
        var batch = Batch()
        for record in xml { add(record, to: &batch) }
        return batch
    }

    private func nextCSV(_ file: MappedCSVFile) throws(FileLevelError) -> Batch? {
        guard let csv = try file.nextBatch() else { return nil }
        var batch = Batch()
        var errors = csv.syntaxErrors[...]
        for record in csv.records {
            while let error = errors.first, error.line < record.line {
                recordsRead += 1
                batch.rejects.append(file.reject(error, columnNames: columnNames)); errors = errors.dropFirst()
            }
            if let reject = fields.shapeReject(record) {
                recordsRead += 1
                batch.rejects.append(reject)
                continue
            }
            add(record, to: &batch)
        }
        for error in errors {
            recordsRead += 1
            batch.rejects.append(file.reject(error, columnNames: columnNames))
        }
        return batch
    }

    /// The `skip_when_empty` rule and the kind's mapper, for one record of either format.
    private func add<R: FieldRecord>(_ record: R, to batch: inout Batch) {
        if !mapping.skipWhenEmpty.isEmpty && mapping.skipWhenEmpty.allSatisfy({ fields.isEmpty($0, record) }) {
            skippedRecords += 1
            return
        }
        recordsRead += 1
        switch mapper.map(record, &fields) {
        case .value(let value): batch.values.append(value)
        case .reject(let reject, let pair):
            batch.rejects.append(reject)
            if let pair { batch.rejectedPairs.append(pair) }
        case .skip:
            recordsRead -= 1
            skippedRecords += 1
        }
    }

    /// Reads the rest of the file into memory (reference lists are small: thousands of rows, not millions).
    public func readAll() throws(FileLevelError) -> Batch {
        var all = Batch()
        while let batch = try next() {
            all.values += batch.values
            all.rejects += batch.rejects
            all.rejectedPairs += batch.rejectedPairs
        }
        return all
    }
}
