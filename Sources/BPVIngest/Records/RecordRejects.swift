import BPVModel

/// The one way a mapper (hour entries and every record kind) turns a problem into a reject: which column (its
/// header name and number; XML: the path, no number), the value as read, the record's shape (a ragged CSV row,
/// an XML value over the field limit), and the record itself as text to fix or send back.
struct RecordRejects {
    let file: String
    /// CSV: the header's names; XML: the mapped paths.
    let columnNames: [String]?
    let delimiter: UInt8
    let isXML: Bool
    /// CSV: the number of fields every record must have (the header's, else the first record's).
    private var expectedFieldCount: Int?

    init(file: String, columnNames: [String]?, delimiter: UInt8, isXML: Bool) {
        self.file = file
        self.columnNames = columnNames
        self.delimiter = delimiter
        self.isXML = isXML
        expectedFieldCount = isXML ? nil : columnNames?.count
    }

    /// Where a record is, for a reject; XML with its element path.
    func location<R: FieldRecord>(_ record: R) -> SourceLocation {
        SourceLocation(file: file, line: record.line, byteOffset: record.byteOffset,
                       elementPath: isXML ? record.elementPath : nil)
    }

    /// A reject for the record as a whole, or `nil`: CSV, another number of fields than the header (or the first
    /// record); XML, a value longer than the field limit.
    @inline(__always)
    mutating func shapeReject<R: FieldRecord>(_ record: R) -> Reject? {
        if isXML {
            // The element path is built only for a record that is rejected (building it costs more than mapping).
            guard record.oversizedValue != nil else { return nil }
            return record.oversizedReject(at: location(record))
        }
        guard let expected = expectedFieldCount else { expectedFieldCount = record.count; return nil }
        guard record.count != expected else { return nil }
        return Reject(location: location(record), reason: "ragged row: \(record.count) fields where the header has \(expected)",
                      expected: "\(expected) fields separated by '\(Character(UnicodeScalar(delimiter)))'",
                      record: recordText(record))
    }

    /// A problem with the field `name` read from `slot` (nil: not read from the record). `isConstant`: the
    /// mapping gives the field a constant, shown as the value when `constantValue` is given.
    func problem<R: FieldRecord>(_ name: String, slot: Int?, isConstant: Bool, constantValue: String?, _ record: R,
                                 reason: String, expected: String?) -> FieldProblem {
        var column: String
        if let slot { column = columnNames.map { slot < $0.count ? $0[slot] : "#\(slot + 1)" } ?? "#\(slot + 1)" }
        else if isConstant { column = "\(name) (constant)" }
        else { column = name }
        var value: String?
        if let slot, slot < record.count { value = String(decoding: record[slot], as: UTF8.self).replacingNUL() }
        else if let constantValue { value = constantValue }
        if isXML {
            // An absent element or attribute and an empty one read the same: say both.
            return FieldProblem(column: column, columnNumber: nil, value: value?.isEmpty == true ? nil : value,
                                reason: reason == "empty" && slot != nil ? "missing or empty" : reason, expected: expected)
        }
        return FieldProblem(column: column, columnNumber: slot.map { $0 + 1 }, value: value, reason: reason,
                            expected: expected)
    }

    /// The reject for a problem in `record`.
    func reject<R: FieldRecord>(_ problem: FieldProblem, _ record: R) -> Reject {
        Reject(location: location(record), column: problem.column, columnNumber: problem.columnNumber,
               value: problem.value, reason: problem.reason, expected: problem.expected, record: recordText(record))
    }

    /// The record's fields joined with the delimiter, quoted where needed; XML: the mapped paths with their
    /// values, `path=value; ...`.
    func recordText<R: FieldRecord>(_ record: R) -> String {
        guard isXML else { return Self.joinedFields(record, delimiter: delimiter) }
        let names = columnNames ?? []
        return (0..<record.count).compactMap { i -> String? in
            guard record[i].count > 0, i < names.count else { return nil }
            return names[i] + "=" + String(decoding: record[i], as: UTF8.self).replacingNUL()
        }.joined(separator: "; ")
    }

    /// A record's fields joined with `delimiter`, quoted where needed: what to fix or send back to the employer.
    static func joinedFields<R: FieldRecord>(_ record: R, delimiter: UInt8) -> String {
        let d = Character(UnicodeScalar(delimiter))
        return (0..<record.count).map { i -> String in
            let field = String(decoding: record[i], as: UTF8.self).replacingNUL()
            if field.contains(d) || field.contains("\"") || field.contains("\n") || field.contains("\r") {
                return "\"" + field.replacingOccurrencesOfQuote() + "\""
            }
            return field
        }.joined(separator: String(d))
    }
}
