/// A choice a draft makes, with what it is based on and, when it is not sure, what its author must decide.
public struct DraftNote: Sendable, Equatable {
    /// What the choice is based on: `28/28 records have 20 fields with ","`.
    public var evidence: String
    /// Set when the choice is unsure: written as a `# CHECK:` comment that lint reports until it is deleted.
    public var check: String?

    public init(_ evidence: String, check: String? = nil) {
        self.evidence = evidence
        self.check = check
    }
}

/// How a CSV sample file is written, as far as its first records tell: encoding, delimiter, quoting, title lines,
/// header, and the sampled records themselves.
public struct CSVSniffResult: Sendable {
    public var encoding: TextEncoding
    /// What to write as `source.encoding`: an encoding's name, or `auto` when the sample is plain ASCII.
    public var encodingName: String
    public var encodingNote: DraftNote
    public var dialect: CSVDialect
    public var delimiterNote: DraftNote
    public var quoteNote: DraftNote
    public var skipLinesNote: DraftNote
    public var header: Bool
    public var headerNote: DraftNote
    public var table: SampleTable
}

/// Finds the dialect of a CSV sample: it reads the first records with ``CSVReader`` once per candidate delimiter
/// (`,` `;` tab `|`) and keeps the one whose records agree on their number of fields. The first record with that
/// number of fields is the header; the lines above it are title lines (`skip_lines`).
public struct DialectSniffer {
    public static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]
    /// Title lines above the header that are looked past.
    static let maxTitleLines = 20
    /// How many records are sampled.
    public var sampleRecords: Int

    public init(sampleRecords: Int = 1000) {
        self.sampleRecords = sampleRecords
    }

    /// Sniffs the CSV file at `path`; `prefix` is its first bytes (see ``SamplePrefix``). Throws a
    /// ``FileLevelError`` when no delimiter fits or when there are no records below the header.
    public func sniff(path: String, prefix: SamplePrefix) throws(FileLevelError) -> CSVSniffResult {
        let (encoding, encodingName, encodingNote) = sniffEncoding(prefix)
        var scores: [Score] = []
        var rowsByDelimiter: [UInt8: CSVSampleReader.Rows] = [:]
        for delimiter in Self.candidates {
            let rows = try CSVSampleReader.rows(path: path, dialect: CSVDialect(delimiter: delimiter), encoding: encoding,
                                                limit: sampleRecords + Self.maxTitleLines + 1)
            if rows.records.count <= 1 && rows.malformedLines.isEmpty {
                let line = rows.records.first?.line ?? 1
                throw FileLevelError(file: path, line: line, message: "the file holds a single line: a draft needs a "
                                     + "header line and at least one record below it")
            }
            rowsByDelimiter[delimiter] = rows
            scores.append(Score(delimiter: delimiter, rows: rows))
        }
        let ranked = scores.sorted { ($0.agreement, $0.fieldCount) > ($1.agreement, $1.fieldCount) }
        let best = ranked[0]
        if best.fieldCount > 1, best.recordsAfterHeader == 0 {
            throw FileLevelError(file: path, line: rowsByDelimiter[best.delimiter]!.records[best.headerIndex].line,
                                 message: "the file holds a header and no records below it: a draft needs at least "
                                     + "one record")
        }
        guard best.fieldCount > 1, best.agreement > 0 else {
            throw FileLevelError(file: path, message: "no delimiter found: with \",\", \";\", tab and \"|\" alike every "
                                 + "record is a single field (is this a CSV export?)")
        }
        let rows = rowsByDelimiter[best.delimiter]!
        let headerRecord = rows.records[best.headerIndex]
        let header = looksLikeHeader(headerRecord.fields)
        let firstData = header.isHeader ? best.headerIndex + 1 : best.headerIndex
        guard rows.records[firstData...].contains(where: { $0.fields.count == best.fieldCount }) else {
            throw FileLevelError(file: path, line: headerRecord.line, message: "the file holds a header and no records "
                                 + "below it: a draft needs at least one record")
        }
        var limited = rows
        limited.records = Array(rows.records.prefix(firstData + sampleRecords))
        if limited.records.count < rows.records.count { limited.reachedEnd = false }
        let table = CSVSampleReader.table(limited, firstRecord: firstData,
                                          header: header.isHeader ? headerRecord.fields : nil,
                                          fieldCount: best.fieldCount)

        let dialect = CSVDialect(delimiter: best.delimiter, skipLines: headerRecord.line - 1)
        return CSVSniffResult(
            encoding: encoding, encodingName: encodingName, encodingNote: encodingNote, dialect: dialect,
            delimiterNote: delimiterNote(best, others: Array(ranked.dropFirst()), table: table, header: header.isHeader),
            quoteNote: quoteNote(prefix, encoding: encoding, from: headerRecord.line,
                                 to: table.recordLines.last ?? headerRecord.line),
            skipLinesNote: skipLinesNote(rows, headerIndex: best.headerIndex, header: header.isHeader),
            header: header.isHeader, headerNote: header.note, table: table)
    }

    // MARK: - Encoding

    private func sniffEncoding(_ prefix: SamplePrefix) -> (TextEncoding, String, DraftNote) {
        let encoding = prefix.withBytes { TextEncoding.detect($0, isWholeFile: prefix.isWholeFile) }
        let bom = prefix.withBytes { ByteOrderMark.detect($0) }
        if let bom {
            return (encoding, encoding.rawValue,
                    DraftNote("the file starts with a \(bom.encoding.rawValue) byte-order mark (dropped when read)"))
        }
        switch encoding {
        case .utf16le, .utf16be:
            return (encoding, encoding.rawValue, DraftNote("every other byte is zero: \(encoding.rawValue) without a byte-order mark"))
        case .utf8:
            guard let offset = prefix.bytes.firstIndex(where: { $0 >= 0x80 }) else {
                return (encoding, "auto", DraftNote("only ASCII in the sample, which UTF-8 and Windows-1252 read alike: "
                                                    + "auto decides per file"))
            }
            return (encoding, "utf-8", DraftNote("valid UTF-8 with non-ASCII text (\"\(prefix.word(at: offset, as: .utf8))\" "
                                                 + "on line \(prefix.line(of: offset)))"))
        case .windows1252, .iso88591:
            let offset = prefix.withBytes { UTF8Validation.firstInvalidOffset($0, allowTruncatedEnd: !prefix.isWholeFile) } ?? 0
            let byte = String(prefix.bytes[offset], radix: 16, uppercase: true)
            return (encoding, encoding.rawValue,
                    DraftNote("not UTF-8: byte 0x\(byte) on line \(prefix.line(of: offset)); as Windows-1252 it reads "
                              + "\"\(prefix.word(at: offset, as: .windows1252))\""))
        }
    }

    // MARK: - Delimiter and header

    /// How well one delimiter fits: the usual number of fields, where the header is, and how many records after it
    /// have that number of fields.
    struct Score {
        var delimiter: UInt8
        var fieldCount = 0
        var headerIndex = 0
        var agreeing = 0
        var recordsAfterHeader = 0
        /// Share of the records below the header (malformed lines included) with the usual number of fields.
        var agreement = 0.0

        init(delimiter: UInt8, rows: CSVSampleReader.Rows) {
            self.delimiter = delimiter
            var frequency: [Int: Int] = [:]
            for record in rows.records { frequency[record.fields.count, default: 0] += 1 }
            guard let usual = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key else { return }
            fieldCount = usual
            headerIndex = rows.records.firstIndex { $0.fields.count == usual } ?? 0
            let below = rows.records[(headerIndex + 1)...]
            agreeing = below.count { $0.fields.count == usual }
            let headerLine = rows.records[headerIndex].line
            recordsAfterHeader = below.count + rows.malformedLines.count { $0 > headerLine }
            agreement = usual > 1 && recordsAfterHeader > 0 ? Double(agreeing) / Double(recordsAfterHeader) : 0
        }
    }

    private func delimiterNote(_ best: Score, others: [Score], table: SampleTable, header: Bool) -> DraftNote {
        let name = DraftYAML.delimiterName(best.delimiter)
        // Without a header, the record the score took for one is data like the others.
        let agreeing = best.agreeing + (header ? 0 : 1), records = best.recordsAfterHeader + (header ? 0 : 1)
        var text = "\(agreeing)/\(records) records" + (header ? " below the header" : "")
            + " have \(best.fieldCount) fields with \(name)"
        let rest = others.map { other -> String in
            let otherName = DraftYAML.delimiterName(other.delimiter)
            return other.fieldCount <= 1 ? "\(otherName) gives 1 field"
                : "\(otherName) gives \(other.fieldCount) fields on \(other.agreeing)/\(other.recordsAfterHeader)"
        }
        text += " (" + rest.joined(separator: "; ") + ")"
        var check: String?
        if best.agreement < 0.9 {
            check = "only \(agreeing) of \(records) records agree on their number of fields: "
                + "check the delimiter"
        } else if let close = others.first(where: { $0.fieldCount > 1 && $0.agreement >= best.agreement - 0.01 }) {
            check = "\(DraftYAML.delimiterName(close.delimiter)) fits almost as well: check the delimiter"
        }
        if !table.raggedLines.isEmpty {
            text += "; \(table.raggedLines.count) record(s) with another number of fields (line "
                + table.raggedLines.prefix(3).map { String($0) }.joined(separator: ", ")
                + ") would be rejected as ragged rows"
        }
        return DraftNote(text, check: check)
    }

    /// A header holds distinct, non-empty names, none of which reads as a date, time, number or e-mail address.
    private func looksLikeHeader(_ fields: [String]) -> (isHeader: Bool, note: DraftNote) {
        let dataLike = fields.first { ValueShape.looksLikeData($0) }
        let empties = fields.count { $0.isEmpty }
        let distinct = Set(fields.map { $0.lowercased() }).count == fields.count
        if let dataLike {
            return (false, DraftNote("the first record holds \"\(dataLike)\", which reads as data, not a column name: "
                                     + "no header, columns go by position",
                                     check: "is there really no header line?"))
        }
        var text = "the first record holds \(fields.count) column names, none of them a date, time or number"
        var check: String?
        if empties > 0 {
            text += "; \(empties) of them empty"
            check = "a header with empty names: name the columns by position (header: false) if this is no header"
        }
        if !distinct {
            text += "; some names repeat (the first of them is used)"
            check = check ?? "repeated column names: map the first, or use header: false and positions"
        }
        return (true, DraftNote(text, check: check))
    }

    private func skipLinesNote(_ rows: CSVSampleReader.Rows, headerIndex: Int, header: Bool) -> DraftNote {
        let line = rows.records[headerIndex].line
        let what = header ? "the header" : "the first record"
        guard line > 1 else { return DraftNote("\(what) is on line 1") }
        var text = "\(what) is on line \(line); the \(line - 1) line(s) above it are skipped"
        if let title = rows.records.prefix(headerIndex).first(where: { !$0.fields.joined().isEmpty }) {
            let words = title.fields.filter { !$0.isEmpty }.joined(separator: " ")
            text += " (line \(title.line): \"\(words.prefix(60))\")"
        }
        return DraftNote(text)
    }

    private func quoteNote(_ prefix: SamplePrefix, encoding: TextEncoding, from first: Int, to last: Int) -> DraftNote {
        let lines = prefix.lines(encoding: encoding)
        let sampled = lines.dropFirst(first - 1).prefix(max(0, last - first + 1))
        let quoted = sampled.count { $0.contains("\"") }
        if quoted == 0 {
            return DraftNote("no quoted fields in the sample; \" is the usual quote")
        }
        return DraftNote("quoted fields on \(quoted) of \(sampled.count) lines")
    }
}
