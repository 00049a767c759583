import BPVModel

/// Where each mapped field sits in a CSV record: header names (or positions) resolved to 0-based slots once per
/// file. Shared by every record mapper, so that "the file lacks the mapped column" reads the same for every kind.
enum ColumnSlots {
    /// Header names compare trimmed, ignoring case and runs of spaces.
    static func normaliseHeader(_ name: String) -> String {
        name.trimmingWhitespace().lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The slot of every column-backed field (constants have none). Throws a ``FileLevelError`` naming the missing
    /// columns, the expected and the found ones, and a likely wrong delimiter.
    static func resolve(fields: [String: FieldSpec], header: [String]?, mappingName: String, file: String,
                        dialect: CSVDialect) throws(FileLevelError) -> [String: Int] {
        var slots: [String: Int] = [:]
        var missing: [String] = []
        let normalisedHeader = header?.map(normaliseHeader)
        for (field, spec) in fields {
            switch spec.source {
            case .column(let name):
                if let index = normalisedHeader?.firstIndex(of: normaliseHeader(name)) {
                    slots[field] = index
                } else {
                    missing.append(name)
                }
            case .position(let n):
                slots[field] = n - 1
            case .constant, .path:
                break
            }
        }
        guard !missing.isEmpty else { return slots }
        let found = header ?? []
        var message = "the file lacks the mapped column(s) \(missing.sorted().map { "\"\($0)\"" }.joined(separator: ", "))"
            + " (mapping \(mappingName)); expected columns: "
            + fields.values.compactMap { if case .column(let c) = $0.source { return "\"\(c)\"" }; return nil }
                .sorted().joined(separator: ", ")
            + "; found in the header: " + Excerpt.list(found)
        if found.count == 1, let only = found.first {
            let seen = [";", ",", "\t", "|"].filter { only.contains($0) && $0.utf8.first != dialect.delimiter }
            if let other = seen.first {
                let shown = other == "\t" ? "\\t" : other
                message += ". The header is one field holding '\(shown)': is the delimiter '\(shown)' rather than "
                    + "'\(Character(UnicodeScalar(dialect.delimiter)))'?"
            }
        }
        throw FileLevelError(file: file, line: dialect.skipLines + 1, message: message)
    }
}
