/// How a CSV file is written: the characters that separate and quote fields, and the lines above the data.
public struct CSVDialect: Sendable, Equatable {
    /// The field separator, one ASCII byte (`,`, `;`, tab, `|`).
    public var delimiter: UInt8
    /// The quote character, one ASCII byte.
    public var quote: UInt8
    /// Physical lines to skip before the first record (report titles above the header).
    public var skipLines: Int
    /// A quoted field still open after this many lines is taken to be an unbalanced quote.
    public var maxLinesPerRecord: Int
    /// A record (all its lines, after conversion to UTF-8) longer than this is rejected whole, without being held
    /// in memory; the reader goes on after its end. Default 4 MiB.
    public var maxRecordBytes: Int
    /// A field longer than this rejects its record. Default 1 MiB.
    public var maxFieldBytes: Int

    /// The default limits, as documented in mappings/README.md.
    public static let defaultMaxRecordBytes = 4 << 20
    public static let defaultMaxFieldBytes = 1 << 20

    public init(delimiter: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\""), skipLines: Int = 0,
                maxLinesPerRecord: Int = 100, maxRecordBytes: Int = defaultMaxRecordBytes,
                maxFieldBytes: Int = defaultMaxFieldBytes) {
        self.delimiter = delimiter
        self.quote = quote
        self.skipLines = skipLines
        self.maxLinesPerRecord = maxLinesPerRecord
        self.maxRecordBytes = maxRecordBytes
        self.maxFieldBytes = min(maxFieldBytes, maxRecordBytes)
    }
}

/// A record that could not be read: malformed quoting (libcsv, strict mode), after which the reader rejects the
/// record's first line and goes on with the next one; or a record or field over the size limits, rejected whole.
public struct CSVSyntaxError: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Malformed quoting.
        case quoting
        /// A record longer than ``CSVDialect/maxRecordBytes`` or with a field longer than
        /// ``CSVDialect/maxFieldBytes``.
        case tooLong
    }
    public var kind: Kind = .quoting
    /// The first line of the bad record.
    public var line: Int
    public var byteOffset: Int
    /// 1-based number of the field in which the problem was seen.
    public var fieldNumber: Int
    public var message: String
    /// The text of the rejected line (decoded leniently).
    public var lineText: String
    /// The text of the offending field, as far as it can be told.
    public var value: String?
}
