import BPVModel

/// What is wrong with one field of one record; becomes a ``Reject`` with the record's location.
public struct FieldProblem: Error, Sendable {
    public var column: String?
    public var columnNumber: Int?
    public var value: String?
    public var reason: String
    public var expected: String?
}

/// Reads the mapped fields of records by dossier field name, from bytes: the generic half of a record mapper.
/// A kind's mapper (erkenningen, crebos, POKs) asks it for text, dates, durations and code-table values and turns
/// them into its dossier value; every problem comes back as a ``FieldProblem`` naming the column and value.
///
/// Empty values: an unmapped field is `nil`; a mapped field that is empty is `nil` when the mapping says
/// `optional: true`, else a problem (`empty`).
public struct RecordFieldReader {
    public let file: String
    public let fields: [String: FieldSpec]
    public let codes: [String: CodeTable]
    /// The column names, when the file has a header.
    public let columnNames: [String]?
    /// Field name -> 0-based slot in the record.
    let slots: [String: Int]
    private var interner = ByteStringInterner()
    private let encodingName: String
    private let delimiter: UInt8
    /// How this file's rejects read (shared with the hour mapper).
    private var rejects: RecordRejects
    /// XML records: `columnNames` are the mapped paths, a slot has no column number, an absent element reads as
    /// empty, rejects carry the record's element path and the record reads `path=value; ...`.
    public let isXML: Bool

    /// `slots` say where each field sits in a record (``ColumnSlots`` for CSV).
    init(file: String, fields: [String: FieldSpec], codes: [String: CodeTable], slots: [String: Int],
         columnNames: [String]?, encoding: TextEncoding, delimiter: UInt8) {
        self.file = file
        self.fields = fields
        self.codes = codes
        self.slots = slots
        self.columnNames = columnNames
        self.encodingName = encoding.rawValue
        self.delimiter = delimiter
        rejects = RecordRejects(file: file, columnNames: columnNames, delimiter: delimiter, isXML: false)
        isXML = false
    }

    /// For XML records: `slots` index the ``XMLRecordLayout``'s fields, `paths` are their paths as the mapping
    /// writes them (``XMLRecordLayout/fieldNames``).
    init(xmlFile file: String, fields: [String: FieldSpec], codes: [String: CodeTable], slots: [String: Int],
         paths: [String], encodingName: String) {
        self.file = file
        self.fields = fields
        self.codes = codes
        self.slots = slots
        self.columnNames = paths
        self.encodingName = encodingName
        delimiter = UInt8(ascii: ";")
        rejects = RecordRejects(file: file, columnNames: paths, delimiter: UInt8(ascii: ";"), isXML: true)
        isXML = true
    }

    public func isMapped(_ field: String) -> Bool { fields[field] != nil }

    /// Where the record is; for XML with its element path (`/sbb/dossiers/dossier[2]/...`).
    public func location<R: FieldRecord>(_ record: R) -> SourceLocation { rejects.location(record) }

    /// A reject for the record as a whole: a ragged CSV row, an XML value over the limit.
    public mutating func shapeReject<R: FieldRecord>(_ record: R) -> Reject? { rejects.shapeReject(record) }

    /// Whether the field's column is empty (or the field unmapped) in this record.
    public func isEmpty<R: FieldRecord>(_ field: String, _ record: R) -> Bool {
        guard let spec = fields[field] else { return true }
        if case .constant(let value) = spec.source { return value.trimmingWhitespace().isEmpty }
        return raw(field, record)?.trimmingASCIISpaces().isEmpty ?? true
    }

    // MARK: - Values

    /// The field as text (trimmed; decoded once per distinct value).
    public mutating func text<R: FieldRecord>(_ field: String, _ record: R) throws(FieldProblem) -> String? {
        guard let spec = fields[field] else { return nil }
        if case .constant(let value) = spec.source { return value }
        guard let bytes = raw(field, record)?.trimmingASCIISpaces(), !bytes.isEmpty else {
            if spec.optional { return nil }
            throw problem(field, record, reason: "empty", expected: "a value")
        }
        try checkBytes(field, bytes, record)
        let text = interner.string(bytes)
        if Identifier.clean(text).isEmpty {
            if spec.optional { return nil }
            throw problem(field, record, reason: "empty", expected: "a value")
        }
        return text
    }

    /// The field as a calendar date, read with the mapping's pattern.
    public func date<R: FieldRecord>(_ field: String, _ record: R) throws(FieldProblem) -> CalendarDate? {
        guard let spec = fields[field] else { return nil }
        guard case .date(let pattern) = spec.kind else { return nil }
        if case .constant(let value) = spec.source {
            return value.utf8CString.withUnsafeBytes { pattern.parse(UnsafeRawBufferPointer(rebasing: $0.dropLast())) }?.date
        }
        guard let bytes = raw(field, record), !bytes.trimmingASCIISpaces().isEmpty else {
            if spec.optional { return nil }
            throw problem(field, record, reason: "empty", expected: "a date like \(pattern.pattern)")
        }
        guard let value = pattern.parse(bytes)?.date else {
            try checkBytes(field, bytes, record)
            throw problem(field, record, reason: "not a valid date", expected: pattern.pattern)
        }
        return value
    }

    /// The field as whole minutes, read with the mapping's duration format.
    public func minutes<R: FieldRecord>(_ field: String, _ record: R) throws(FieldProblem) -> Int? {
        guard let spec = fields[field], case .duration(let format) = spec.kind else { return nil }
        let seconds: Int?
        if case .constant(let text) = spec.source {
            seconds = text.utf8CString.withUnsafeBytes { format.seconds(UnsafeRawBufferPointer(rebasing: $0.dropLast())) }
        } else {
            guard let bytes = raw(field, record), !bytes.trimmingASCIISpaces().isEmpty else {
                if spec.optional { return nil }
                throw problem(field, record, reason: "empty", expected: format.example)
            }
            seconds = format.seconds(bytes)
            if seconds == nil { try checkBytes(field, bytes, record) }
        }
        guard let seconds else { throw problem(field, record, reason: "not a valid duration", expected: format.example) }
        return DurationFormat.minutes(fromSeconds: seconds)
    }

    /// The field as yes/no, read with the mapping's `boolean: { true: [...], false: [...] }` lists (see
    /// ``FieldSpec/booleanValue(_:trueValues:falseValues:)``); a constant (`value: ja`) reads the same way.
    /// `nil` when the field is unmapped, or optional and empty.
    public mutating func boolean<R: FieldRecord>(_ field: String, _ record: R) throws(FieldProblem) -> Bool? {
        guard let spec = fields[field], case .boolean(let trues, let falses) = spec.kind else { return nil }
        guard let text = try text(field, record) else { return nil }
        guard let value = FieldSpec.booleanValue(text.trimmingWhitespace().lowercased(), trueValues: trues,
                                                 falseValues: falses) else {
            throw problem(field, record, reason: "not a known yes/no value",
                          expected: FieldSpec.booleanExpected(trueValues: trues, falseValues: falses))
        }
        return value
    }

    /// The field's dossier value: looked up in its code table when it uses one, else its text.
    /// Returns the value and the raw text.
    public mutating func coded<R: FieldRecord>(_ field: String, _ record: R) throws(FieldProblem) -> (value: String, raw: String)? {
        guard let spec = fields[field] else { return nil }
        guard case .codes(let tableName) = spec.kind, let table = codes[tableName] else {
            return try text(field, record).map { ($0, $0) }
        }
        guard let raw = try text(field, record) else {
            if let fallback = table.defaultValue { return (fallback, "") }
            return nil
        }
        guard let value = table.lookup(raw) else {
            throw problem(field, record, reason: "not in code table '\(tableName)'",
                          expected: "one of \(table.listedCodes.joined(separator: ", "))")
        }
        return (value, raw)
    }

    // MARK: - Messages

    /// A problem with `field` in `record`: the column's name and number, and the raw value.
    public func problem<R: FieldRecord>(_ field: String, _ record: R, reason: String, expected: String?) -> FieldProblem {
        var constant: String?
        if let spec = fields[field], case .constant(let text) = spec.source { constant = text }
        return rejects.problem(field, slot: slots[field], isConstant: constant != nil, constantValue: constant, record,
                               reason: reason, expected: expected)
    }

    /// The reject for a problem in `record`.
    public func reject<R: FieldRecord>(_ problem: FieldProblem, _ record: R) -> Reject { rejects.reject(problem, record) }

    /// The record's fields as text (see ``RecordRejects/recordText(_:)``).
    public func recordText<R: FieldRecord>(_ record: R) -> String { rejects.recordText(record) }

    // MARK: - Bytes

    private func raw<R: FieldRecord>(_ field: String, _ record: R) -> UnsafeRawBufferPointer? {
        guard let slot = slots[field], slot < record.count else { return nil }
        return record[slot]
    }

    /// Rejects NUL bytes and text that is not valid in the file's encoding.
    func checkBytes<R: FieldRecord>(_ field: String, _ bytes: UnsafeRawBufferPointer, _ record: R) throws(FieldProblem) {
        if let (reason, expected) = Self.byteProblem(bytes, encodingName: encodingName) {
            throw problem(field, record, reason: reason, expected: expected)
        }
    }

    /// What is wrong with a value's bytes, if anything: a NUL byte, or bytes not valid in the file's encoding
    /// (invalid UTF-8, or U+FFFD where the transcoder met bytes the encoding does not define). The one home of
    /// this rule for every record mapper.
    static func byteProblem(_ bytes: UnsafeRawBufferPointer, encodingName: String) -> (reason: String, expected: String)? {
        guard mayHoldNulOrNonASCII(bytes) else { return nil }
        if bytes.contains(0) { return ("contains a NUL byte", "text without NUL bytes (0x00)") }
        if UTF8Validation.firstInvalidOffset(bytes) != nil || containsReplacementCharacter(bytes) {
            return ("bytes that are not valid \(encodingName)", "text in \(encodingName) (set source.encoding in the mapping)")
        }
        return nil
    }

    /// Whether any byte is 0x00 or above 0x7F, eight bytes at a time (every mapped field of every record is checked).
    @inline(__always) static func mayHoldNulOrNonASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var k = 0
        while k &+ 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            // A high bit set, or a zero byte (the classic has-zero-byte test).
            if word & highs != 0 || (word &- ones) & ~word & highs != 0 { return true }
            k &+= 8
        }
        while k < bytes.count {
            let b = base.load(fromByteOffset: k, as: UInt8.self)
            if b == 0 || b >= 0x80 { return true }
            k &+= 1
        }
        return false
    }

    /// Whether the bytes hold U+FFFD (EF BF BD): what the transcoder makes of bytes the encoding does not define.
    static func containsReplacementCharacter(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD { return true }
            i += 1
        }
        return false
    }
}
