/// A CSV record over ``CSVDialect/maxRecordBytes``, passed over without being kept: its bytes are followed through
/// their quoting only to find where the record ends (a line break outside quotes), counting its lines and bytes
/// and keeping its first bytes for the reject. Neither libcsv nor the reader holds the record meanwhile, so memory
/// stays bounded whatever the record's size; reading goes on after it.
struct OversizedRecord {
    enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    /// Why the pass ended.
    enum End {
        /// A line break outside quotes: the record's end.
        case lineBreak
        /// A quoted field still open after ``CSVDialect/maxLinesPerRecord`` lines: an unbalanced quote.
        case tooManyLines
    }

    /// The record's first line and byte offset.
    let line: Int
    let offset: Int
    var state: State
    /// The record's bytes so far, its physical lines so far (the one being read included), the field being read.
    var bytes: Int
    var lines: Int
    var fields: Int
    /// The field being read when the record passed the limit.
    var fieldAtLimit: Int?
    /// The record's first bytes, for the reject.
    var head: [UInt8]
    /// A line above the header that the mapping skips: passed over without a reject.
    let silent: Bool

    static let headBytes = 200

    /// Follows `base[from..<to]`; returns where the pass stopped (after the record's end, or `to`) and why it
    /// ended (`nil`: the record goes on in the next bytes).
    mutating func scan(_ base: UnsafePointer<UInt8>, from: Int, to: Int, dialect: CSVDialect) -> (Int, End?) {
        let quote = dialect.quote, delimiter = dialect.delimiter
        let limit = dialect.maxRecordBytes
        var i = from
        defer {
            if head.count < Self.headBytes {  // the record's own first bytes, not the next line's
                head.append(contentsOf: UnsafeBufferPointer(start: base + from, count: min(Self.headBytes - head.count, i - from)))
            }
        }
        while i < to {
            let b = base[i]
            i += 1
            bytes += 1
            if fieldAtLimit == nil && bytes > limit { fieldAtLimit = fields }
            switch state {
            case .fieldStart, .unquoted, .quoteInQuoted:
                if b == 0x0A { return (i, .lineBreak) }
                if b == delimiter {
                    state = .fieldStart
                    fields += 1
                } else if b == quote && state == .fieldStart {
                    state = .quoted
                } else if b == quote && state == .quoteInQuoted {
                    state = .quoted  // a doubled quote inside a quoted field
                } else if state != .fieldStart || (b != 0x20 && b != 0x09) {
                    state = .unquoted  // spaces before a field's opening quote keep it at its start
                }
            case .quoted:
                if b == quote {
                    state = .quoteInQuoted
                } else if b == 0x0A {
                    if lines >= dialect.maxLinesPerRecord { return (i, .tooManyLines) }
                    lines += 1
                }
            }
        }
        return (i, nil)
    }

    /// The state of libcsv's parser, for a record that was being parsed when it passed the limit.
    static func state(pstate: Int32, quoted: Int32) -> State {
        switch (pstate, quoted != 0) {
        case (2, true): return .quoted
        case (3, _): return .quoteInQuoted
        case (2, false): return .unquoted
        default: return .fieldStart
        }
    }

    /// The reject's message.
    func message(end: End?, dialect: CSVDialect) -> String {
        let span = lines > 1 ? "lines \(line)–\(line + lines - 1)" : "line \(line)"
        if end == .tooManyLines {
            return "a quoted field is still open after \(dialect.maxLinesPerRecord) lines and the record is longer "
                + "than the limit of \(CSVDialect.size(dialect.maxRecordBytes)): \(span) are left out (an unbalanced quote?)"
        }
        return "the record is \(bytes) bytes long (\(span)), more than the limit of "
            + "\(CSVDialect.size(dialect.maxRecordBytes)) a record: it is left out, and reading goes on after it"
    }
}

extension CSVDialect {
    /// `4 MiB`, `64 KiB`, `100 bytes`: a limit for messages.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
