/// A record that could not become a dossier value, kept so that nothing is lost: where it is, which column, the
/// value, what was wrong and what was expected, and the record itself.
public struct Reject: Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    /// The column's name (or `#n` by position); for XML the element or attribute path. `nil` for whole-record
    /// problems such as a ragged row.
    public var column: String?
    /// 1-based column position, when there is one.
    public var columnNumber: Int?
    /// The offending value as text (decoded leniently when its bytes were invalid).
    public var value: String?
    /// What was wrong, in one short phrase: `not a valid date`.
    public var reason: String
    /// What was expected: `a date like dd-MM-yyyy`.
    public var expected: String?
    /// The whole record, re-joined, so that it can be fixed and sent again.
    public var record: String?

    public init(location: SourceLocation, column: String? = nil, columnNumber: Int? = nil, value: String? = nil,
                reason: String, expected: String? = nil, record: String? = nil) {
        self.location = location
        self.column = column
        self.columnNumber = columnNumber
        self.value = value
        self.reason = reason
        self.expected = expected
        self.record = record
    }

    /// One line for people: `export.csv:14: column "Datum" (4): value "31-02-2026": not a valid date; expected dd-MM-yyyy`.
    /// The value is quoted as a short, safe excerpt (``Excerpt``); the whole value stays in ``value``.
    public var description: String {
        var text = location.description + ":"
        if let column {
            text += " column \"\(column)\"" + (columnNumber.map { " (\($0))" } ?? "") + ":"
        }
        if let value { text += " value \"\(Excerpt.of(value))\":" }
        text += " " + reason
        if let expected { text += "; expected " + expected }
        return text
    }
}
