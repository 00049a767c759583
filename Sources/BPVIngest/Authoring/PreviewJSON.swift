import BPVModel
import Foundation

/// The JSON form of a ``MappingPreview``: a stable shape for other tools and tests, documented in
/// mappings/README.md ("Preview as JSON"). Keys are sorted; every key is always present (`null` when there is no
/// value); `version` changes only when the shape does.
public enum PreviewJSON {
    public static let version = 1

    /// The preview as pretty-printed JSON text (two-space indent, sorted keys, a final line break).
    public static func render(_ preview: MappingPreview) -> String {
        // Encoding plain strings, numbers and nulls cannot fail.
        let data = try! JSONOutput.encoder(keys: .asWritten).encode(Document(preview))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Document: Encodable {
        let preview: MappingPreview
        init(_ preview: MappingPreview) { self.preview = preview }

        enum Keys: String, CodingKey {
            case version, file, mapping, encoding, encodingNote = "encoding_note", employer, columns, records, summary,
                 error
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(PreviewJSON.version, forKey: .version)
            try c.encode(preview.file, forKey: .file)
            try c.encode(Mapping(name: preview.mappingName, revision: preview.mappingRevision,
                                 path: preview.mappingPath), forKey: .mapping)
            try c.encodeValueOrNull(preview.encoding, forKey: .encoding)
            try c.encodeValueOrNull(preview.encodingNote, forKey: .encodingNote)
            try c.encodeValueOrNull(preview.employerID, forKey: .employer)
            try c.encodeValueOrNull(preview.columns, forKey: .columns)
            try c.encode(preview.records.map(Record.init), forKey: .records)
            try c.encode(Summary(records: preview.records.count, entries: preview.entryCount,
                                 rejects: preview.rejectCount, moreRecords: preview.hasMoreRecords), forKey: .summary)
            try c.encodeValueOrNull(preview.fileError.map(FileError.init), forKey: .error)
        }
    }

    private struct Mapping: Encodable {
        let name: String, revision: Int, path: String?
        enum Keys: String, CodingKey { case name, revision, path }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(name, forKey: .name)
            try c.encode(revision, forKey: .revision)
            try c.encodeValueOrNull(path, forKey: .path)
        }
    }

    private struct Summary: Encodable {
        let records: Int, entries: Int, rejects: Int, moreRecords: Bool
        enum CodingKeys: String, CodingKey { case records, entries, rejects, moreRecords = "more_records" }
    }

    private struct FileError: Encodable {
        let error: FileLevelError
        init(_ error: FileLevelError) { self.error = error }
        enum Keys: String, CodingKey { case file, line, column, message }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(error.file, forKey: .file)
            try c.encodeValueOrNull(error.line, forKey: .line)
            try c.encodeValueOrNull(error.column, forKey: .column)
            try c.encode(error.message, forKey: .message)
        }
    }

    private struct Record: Encodable {
        let record: MappingPreview.Record
        init(_ record: MappingPreview.Record) { self.record = record }
        enum Keys: String, CodingKey { case line, status, fields, lineText = "line_text", mapped, reject, skipped }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(record.line, forKey: .line)
            try c.encode(record.entry != nil ? "entry" : record.skipped != nil ? "skipped" : "reject", forKey: .status)
            try c.encodeValueOrNull(record.fields?.map(Field.init), forKey: .fields)
            try c.encodeValueOrNull(record.lineText, forKey: .lineText)
            try c.encodeValueOrNull(record.entry.map(Entry.init), forKey: .mapped)
            try c.encodeValueOrNull(record.reject.map(RejectValue.init), forKey: .reject)
            if let skipped = record.skipped { try c.encode(skipped, forKey: .skipped) }
        }
    }

    private struct Field: Encodable {
        let field: MappingPreview.RawField
        init(_ field: MappingPreview.RawField) { self.field = field }
        enum Keys: String, CodingKey { case column, name, value, read }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(field.column, forKey: .column)
            try c.encodeValueOrNull(field.name, forKey: .name)
            try c.encode(field.value, forKey: .value)
            try c.encode(field.isRead, forKey: .read)
        }
    }

    private struct Entry: Encodable {
        let entry: HourEntry
        init(_ entry: HourEntry) { self.entry = entry }
        enum Keys: String, CodingKey {
            case employee, student, employer, leerbedrijf, date, start, end, minutes, category, hourType = "hour_type",
                 approved, externalID = "external_id", description
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(entry.employeeIdentity, forKey: .employee)
            try c.encodeValueOrNull(entry.studentNumber, forKey: .student)
            try c.encodeValueOrNull(entry.employerID.isEmpty ? nil : entry.employerID, forKey: .employer)
            try c.encodeValueOrNull(entry.leerbedrijfID, forKey: .leerbedrijf)
            try c.encode(entry.date.iso, forKey: .date)
            try c.encodeValueOrNull(entry.start?.description, forKey: .start)
            try c.encodeValueOrNull(entry.end?.description, forKey: .end)
            try c.encode(entry.minutes, forKey: .minutes)
            try c.encode(entry.category.rawValue, forKey: .category)
            try c.encodeValueOrNull(entry.hourType, forKey: .hourType)
            try c.encodeValueOrNull(entry.approved, forKey: .approved)
            try c.encodeValueOrNull(entry.externalID, forKey: .externalID)
            try c.encodeValueOrNull(entry.description, forKey: .description)
        }
    }

    private struct RejectValue: Encodable {
        let reject: Reject
        init(_ reject: Reject) { self.reject = reject }
        enum Keys: String, CodingKey { case column, columnNumber = "column_number", value, reason, expected }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encodeValueOrNull(reject.column, forKey: .column)
            try c.encodeValueOrNull(reject.columnNumber, forKey: .columnNumber)
            try c.encodeValueOrNull(reject.value, forKey: .value)
            try c.encode(reject.reason, forKey: .reason)
            try c.encodeValueOrNull(reject.expected, forKey: .expected)
        }
    }
}

private extension KeyedEncodingContainer {
    /// Writes the value, or `null`: every key of the preview's shape is always present.
    mutating func encodeValueOrNull<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}
