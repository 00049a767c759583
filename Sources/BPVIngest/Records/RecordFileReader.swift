import BPVModel

/// What one record became.
public enum RecordOutcome<Value> {
    case value(Value)
    /// The record cannot be used. `pair` is the leerbedrijf and crebo when they could be read, so that a snapshot
    /// diff does not mistake a rejected row for a withdrawn erkenning.
    case reject(Reject, pair: LeerbedrijfCrebo?)
}

/// Turns one record into one value of a kind (an erkenning, a crebo, a POK), reading its fields through a
/// ``RecordFieldReader``. The reader of the file (CSV now, XML later) does not care which kind it is.
public protocol RecordKindMapper {
    associatedtype Value
    mutating func map<R: FieldRecord>(_ record: R, _ fields: inout RecordFieldReader) -> RecordOutcome<Value>
}

/// Reads one file of a ``RecordKind`` with its mapping: CSV records, the header check, the `rows.skip_when_empty`
/// rule, and the kind's mapper. Yields batches of values and rejects in file order, in constant memory.
///
/// Unlike an hour export, a file with a header and no records is not an error here: the caller decides (an empty
/// SBB list is refused unless the user says it is meant).
public final class RecordFileReader<Mapper: RecordKindMapper> {
    public struct Batch {
        public var values: [Mapper.Value] = []
        public var rejects: [Reject] = []
        /// Leerbedrijf and crebo of rejected rows, where they could be read.
        public var rejectedPairs: [LeerbedrijfCrebo] = []
    }

    public let path: String
    public let mapping: RecordMapping
    public var encoding: TextEncoding { file.reader.encoding }
    public var encodingNote: String? { file.reader.encodingNote }
    /// Records read after the header (blank and skipped records not included).
    public private(set) var recordsRead = 0
    public var blankRecords: Int { file.reader.blankRecords }
    /// Rows skipped by `rows.skip_when_empty` (section headings).
    public private(set) var skippedRecords = 0
    public var columnNames: [String]? { fields.columnNames }

    private let file: MappedCSVFile
    private var fields: RecordFieldReader
    private var mapper: Mapper

    /// Opens the file and checks its header against the mapping. Throws a ``FileLevelError`` for an unreadable or
    /// empty file, or mapped columns that are not in the header.
    public init(path: String, mapping: RecordMapping, mapper: Mapper) throws(FileLevelError) {
        self.path = path
        self.mapping = mapping
        self.mapper = mapper
        file = try MappedCSVFile(path: path, source: mapping.source, mappingName: mapping.name)
        let slots = try ColumnSlots.resolve(fields: mapping.fields, header: file.header, mappingName: mapping.name,
                                            file: path, dialect: mapping.source.csv)
        fields = RecordFieldReader(file: path, fields: mapping.fields, codes: mapping.codes, slots: slots,
                                   columnNames: file.header, encoding: file.reader.encoding,
                                   delimiter: mapping.source.csv.delimiter)
    }

    /// The next batch, or `nil` at the end of the file.
    public func next() throws(FileLevelError) -> Batch? {
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
            if !mapping.skipWhenEmpty.isEmpty && mapping.skipWhenEmpty.allSatisfy({ fields.isEmpty($0, record) }) {
                skippedRecords += 1
                continue
            }
            recordsRead += 1
            switch mapper.map(record, &fields) {
            case .value(let value): batch.values.append(value)
            case .reject(let reject, let pair):
                batch.rejects.append(reject)
                if let pair { batch.rejectedPairs.append(pair) }
            }
        }
        for error in errors {
            recordsRead += 1
            batch.rejects.append(file.reject(error, columnNames: columnNames))
        }
        return batch
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
