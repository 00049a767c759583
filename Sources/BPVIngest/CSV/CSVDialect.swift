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
    /// A line longer than this ends the file with an error (not a CSV file, or a missing line break).
    public var maxLineBytes: Int

    public init(delimiter: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\""), skipLines: Int = 0,
                maxLinesPerRecord: Int = 100, maxLineBytes: Int = 16 << 20) {
        self.delimiter = delimiter
        self.quote = quote
        self.skipLines = skipLines
        self.maxLinesPerRecord = maxLinesPerRecord
        self.maxLineBytes = maxLineBytes
    }
}

/// A record that libcsv (strict mode) could not parse: malformed quoting. The reader rejects the record's first
/// line and goes on with the next one.
public struct CSVSyntaxError: Sendable, Equatable {
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
