/// The records that one chunk of a CSV file produced. The batch owns their bytes: records are valid while the
/// batch is alive, on any thread (one at a time).
public struct CSVBatch: @unchecked Sendable {
    /// Completed records, in file order.
    public let records: [CSVRecord]
    /// Records that could not be parsed, in file order.
    public let syntaxErrors: [CSVSyntaxError]
    /// Keeps the bytes the records point into alive.
    let storage: CSVBatchStorage?

    init(records: [CSVRecord], syntaxErrors: [CSVSyntaxError], storage: CSVBatchStorage?) {
        self.records = records
        self.syntaxErrors = syntaxErrors
        self.storage = storage
    }
}

/// One record's fields as byte spans (UTF-8, libcsv's unquoting applied), with its location.
/// The bytes belong to the reader; copy what you keep.
public struct CSVRecord {
    let bytes: UnsafePointer<UInt8>
    let starts: UnsafePointer<Int32>
    /// Number of fields.
    public let count: Int
    /// 1-based line on which the record starts.
    public let line: Int
    /// Byte offset of the record's start in the decoded text.
    public let byteOffset: Int

    /// The bytes of field `i` (0-based).
    @inline(__always) public subscript(i: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: bytes + Int(starts[i]), count: Int(starts[i + 1] &- starts[i]))
    }

    /// Field `i` as a `String` (invalid UTF-8 repaired): for messages and tests, not hot paths.
    public func string(_ i: Int) -> String {
        String(decoding: self[i], as: UTF8.self)
    }

    /// All fields as strings.
    public var strings: [String] { (0..<count).map(string) }
}
