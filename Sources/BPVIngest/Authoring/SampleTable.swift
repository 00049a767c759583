/// The first records of a sample file as text, column by column: what drafting and linting a mapping look at.
/// Format-neutral: CSV columns fill it, and so do XML fields (element and attribute paths relative to the record
/// element, see ``XMLSampleSniffer``), so that role guessing works on both.
public struct SampleTable: Sendable {
    public struct Column: Sendable {
        /// 1-based position.
        public var number: Int
        /// The header name; `nil` when the file has no header (columns then go by position).
        public var name: String?
        /// One trimmed value per sampled record, `""` when empty.
        public var values: [String]

        /// `"Datum"`, or `column 3` without a header: for messages and comments.
        public var label: String { name.map { "\"\($0)\"" } ?? "column \(number)" }
        public var nonEmptyValues: [String] { values.filter { !$0.isEmpty } }
        public var emptyCount: Int { values.count { $0.isEmpty } }
    }

    public var columns: [Column]
    /// The line of each sampled record, in the order of the columns' values.
    public var recordLines: [Int]
    /// Records with another number of fields than the header (not sampled), by line.
    public var raggedLines: [Int]
    /// Lines the CSV reader could not parse (malformed quoting).
    public var malformedLines: [Int]
    /// Whether the sample holds every record of the file.
    public var isWholeFile: Bool
    /// Whether the columns are XML field paths relative to the record element (`hr:Duration`, `../@status`) rather
    /// than CSV columns: names are then paths, read with ``XMLPathHints``.
    public var fieldsArePaths: Bool = false

    public var recordCount: Int { recordLines.count }
}

/// Reads the first records of a CSV file as text through ``CSVReader``: for sniffing, drafting and linting, not for
/// the import's hot path.
struct CSVSampleReader {
    /// Records as read with one dialect, before a header is chosen.
    struct Rows {
        var records: [(line: Int, fields: [String])] = []
        var malformedLines: [Int] = []
        var reachedEnd = false
        var encoding: TextEncoding
    }

    /// The first `limit` records of `path` read with `dialect` (`encoding: nil` detects it).
    static func rows(path: String, dialect: CSVDialect, encoding: TextEncoding?,
                     limit: Int) throws(FileLevelError) -> Rows {
        let reader = try CSVReader(path: path, dialect: dialect, encoding: encoding)
        var rows = Rows(encoding: reader.encoding)
        while rows.records.count < limit {
            guard let batch = try reader.nextBatch() else { rows.reachedEnd = true; break }
            for error in batch.syntaxErrors { rows.malformedLines.append(error.line) }
            for record in batch.records.prefix(limit - rows.records.count) {
                rows.records.append((record.line, record.strings.map { $0.trimmingWhitespace() }))
            }
        }
        return rows
    }

    /// The table of `rows` from `firstRecord` on, with `header` naming the columns (`nil`: by position, with
    /// `fieldCount` columns). Records with another number of fields are listed as ragged.
    static func table(_ rows: Rows, firstRecord: Int, header: [String]?, fieldCount: Int) -> SampleTable {
        var columns = (0..<fieldCount).map { SampleTable.Column(number: $0 + 1, name: header?[$0], values: []) }
        var lines: [Int] = [], ragged: [Int] = []
        for (line, fields) in rows.records[firstRecord...] {
            guard fields.count == fieldCount else { ragged.append(line); continue }
            lines.append(line)
            for i in 0..<fieldCount { columns[i].values.append(fields[i]) }
        }
        let start = firstRecord > 0 ? rows.records[firstRecord - 1].line : 0
        return SampleTable(columns: columns, recordLines: lines, raggedLines: ragged,
                           malformedLines: rows.malformedLines.filter { $0 > start }, isWholeFile: rows.reachedEnd)
    }

    /// The sample of a file read the way a mapping's `source` says: its header (when it has one) and its first
    /// `limit` records. Throws when the file cannot be read or holds no header.
    static func sample(path: String, source: SourceSpec, limit: Int) throws(FileLevelError) -> SampleTable {
        let rows = try rows(path: path, dialect: source.csv, encoding: source.encoding, limit: limit + 1)
        guard let first = rows.records.first else {
            throw FileLevelError(file: path, message: "the file holds no records"
                                 + (source.csv.skipLines > 0 ? " after skipping \(source.csv.skipLines) lines" : ""))
        }
        if source.header {
            return table(rows, firstRecord: 1, header: first.fields, fieldCount: first.fields.count)
        }
        return table(rows, firstRecord: 0, header: nil, fieldCount: first.fields.count)
    }
}

/// Reads the first records of an XML file the way an XML mapping says (its record path and field paths, through the
/// import's ``XMLRecordReader``): one column per mapped dossier field, holding the value the mapper would read (the
/// first alternative path that has one). For `lint --sample`.
enum XMLMappedSample {
    /// Column names are `path "hr:Duration"`: what lint messages call them.
    static let pathLabel = "path "

    /// The table, and the dossier field of each column. Throws when the file cannot be read or has no records.
    static func read(path: String, mapping: HourMapping, limit: Int) throws(FileLevelError) -> (SampleTable, [HourField]) {
        guard let xml = mapping.source.xml else {
            throw FileLevelError(file: path, message: "mapping \(mapping.name) reads XML but names no record path")
        }
        var fields: [HourField] = []
        var paths: [[XMLFieldPath]] = []
        for field in HourField.allCases {
            guard let spec = mapping.fields[field], case .path(let alternatives) = spec.source else { continue }
            fields.append(field)
            paths.append(alternatives)
        }
        let layout = XMLRecordLayout(record: xml.record, fields: paths)
        let reader = try XMLRecordReader(path: path, layout: layout, encoding: mapping.source.encoding)
        var columns = fields.indices.map {
            SampleTable.Column(number: $0 + 1, name: pathLabel + "\"\(layout.fieldNames[$0])\"", values: [])
        }
        var lines: [Int] = []
        var reachedEnd = false
        while lines.count < limit {
            guard let batch = try reader.nextBatch() else { reachedEnd = true; break }
            for record in batch.prefix(limit - lines.count) {
                lines.append(record.line)
                for i in columns.indices { columns[i].values.append(record.string(i).trimmingWhitespace()) }
            }
        }
        let table = SampleTable(columns: columns, recordLines: lines, raggedLines: [], malformedLines: [],
                                isWholeFile: reachedEnd, fieldsArePaths: true)
        return (table, fields)
    }
}
