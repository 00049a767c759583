import Foundation

/// A table for people as `;`-separated CSV: a header and rows of text cells. It holds the one quoting rule of every
/// CSV BPVKit writes (the run record's `rejects.csv`, `unresolved.csv`, `findings.csv`, `erkenning.csv`, and
/// `bpv erkenning`/`bpv dossier --format csv`):
///
/// - cells are separated by `;` (what a Dutch spreadsheet expects) and lines end with a line feed;
/// - a cell holding `;`, `"`, a carriage return or a line feed is put in double quotes, inner quotes doubled;
/// - a cell that a spreadsheet would read as a formula gets a leading `'` (OWASP's advice against CSV injection,
///   see ``neutralised(_:)``): employers' values (`=HYPERLINK(...)`, `+cmd|'/c calc'!A0`, `@SUM(A1)`) reach the
///   rejects and the unresolved identities as they came, and must not run when the bpv-bureau opens the file.
///
/// ``data(byteOrderMark:)`` is UTF-8 with a byte-order mark by default, so that a double-click opens the file in
/// Excel with `ë` and `–` intact (without the mark Excel reads it as Windows-1252).
public struct CSVTable: Sendable, Equatable {
    /// The column names.
    public let header: [String]
    /// The rows, each with as many cells as the header.
    public private(set) var rows: [[String]] = []

    /// The UTF-8 byte-order mark, `EF BB BF`.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// A table with `header` and, optionally, rows (each as long as the header).
    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        for row in rows { append(row) }
    }

    /// Adds a row; it must have as many cells as the header.
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a CSV row of \(row.count) cells under a header of \(header.count)")
        rows.append(row)
    }

    /// The table as text: the header line, then one line per row, each ending in a line feed. No byte-order mark.
    public var text: String {
        var out = Self.line(header)
        for row in rows { out += Self.line(row) }
        return out
    }

    /// The table as UTF-8 bytes, with the byte-order mark in front unless `byteOrderMark` is `false` (for tools
    /// that read the bytes themselves).
    public func data(byteOrderMark: Bool = true) -> Data {
        var data = Data(byteOrderMark ? Self.byteOrderMark : [])
        data.append(contentsOf: text.utf8)
        return data
    }

    /// The table with another delimiter and line ending (the export layouts': `,` or `|`, CRLF).
    public func text(delimiter: Character, lineEnding: String) -> String {
        var out = Self.line(header, delimiter: delimiter, lineEnding: lineEnding)
        for row in rows { out += Self.line(row, delimiter: delimiter, lineEnding: lineEnding) }
        return out
    }

    /// One line: the cells, each neutralised and quoted where needed, joined with `;` (or `delimiter`), and a line
    /// feed (or `lineEnding`).
    static func line(_ cells: [String], delimiter: Character = ";", lineEnding: String = "\n") -> String {
        cells.map { cell($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + lineEnding
    }

    /// A cell as it is written: ``neutralised(_:)``, then in double quotes (inner quotes doubled) when it holds
    /// the delimiter (`;`), `"`, CR or LF.
    public static func cell(_ value: String, delimiter: Character = ";") -> String {
        let text = neutralised(value)
        let separator = delimiter.unicodeScalars.first!
        let needsQuotes = text.unicodeScalars.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// The value with a leading `'` when it starts with `=`, `+`, `-`, `@`, a tab or a carriage return: a
    /// spreadsheet would take it for a formula (OWASP, "CSV Injection"), and with the `'` it shows it as text.
    ///
    /// A plain negative number (`-2`, `-7,5`, `-0.25`: a minus, digits, at most one `,` or `.` followed by digits)
    /// is let through unchanged: a spreadsheet reads it as a number and nothing else, and the rejects of a negative
    /// duration or break should show the employer's value as it came, sortable as a number. Anything more
    /// (`-2+3`, `-1e5`, `-A1`, a lone `-`) gets the `'`.
    public static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return isPlainNegativeNumber(value) ? value : "'" + value
    }

    /// `-` followed by digits, optionally one `,` or `.` and more digits.
    static func isPlainNegativeNumber(_ value: String) -> Bool {
        var scalars = value.unicodeScalars.makeIterator()
        guard scalars.next() == "-" else { return false }
        var digitsBefore = 0, digitsAfter = 0, separators = 0
        while let s = scalars.next() {
            switch s {
            case "0"..."9": if separators == 0 { digitsBefore += 1 } else { digitsAfter += 1 }
            case ",", ".": separators += 1; if separators > 1 { return false }
            default: return false
            }
        }
        return digitsBefore > 0 && (separators == 0 || digitsAfter > 0)
    }
}
