import BPVModel

/// The first records of a file as a mapping reads them: each record's fields (with their header names) beside the
/// dossier values it becomes, or the reject with its reasons. Made by ``MappingPreviewer``; written as JSON by
/// ``PreviewJSON`` (a stable, documented shape) or as a table by the CLI.
public struct MappingPreview: Sendable {
    /// One field of a record as read: a CSV column, or the value of one path of an XML mapping.
    public struct RawField: Sendable, Equatable {
        /// 1-based position (XML: of the path in ``MappingPreview/columns``).
        public var column: Int
        /// The header name, when the file has a header; XML: the path as the mapping writes it.
        public var name: String?
        public var value: String
        /// Whether the mapping reads this column.
        public var isRead: Bool
    }

    public struct Record: Sendable {
        public var line: Int
        /// `nil` for a line that could not be parsed (see `lineText`).
        public var fields: [RawField]?
        public var lineText: String?
        public var entry: HourEntry?
        public var reject: Reject?
        /// Why the record is not hours (`rows.skip_when`, a code `skip`): neither an entry nor a reject.
        public var skipped: String? = nil
    }

    public var file: String
    public var mappingName: String
    public var mappingRevision: Int
    public var mappingPath: String?
    public var encoding: String?
    public var encodingNote: String?
    /// The header's column names; XML: the paths the mapping reads. `nil` without a header (or when the file failed
    /// before it was read).
    public var columns: [String]?
    public var records: [Record]
    /// Whether the file holds records beyond those shown.
    public var hasMoreRecords: Bool
    /// The employer the entries were mapped for; `nil` when none was given (a placeholder is used).
    public var employerID: String?
    /// Set when the file fails as a whole (empty, header without the mapped columns...): no records then.
    public var fileError: FileLevelError?
    /// Whether the raw fields are XML paths (``columns`` names them) rather than CSV columns.
    public var fieldsArePaths = false

    public var entryCount: Int { records.count { $0.entry != nil } }
    public var rejectCount: Int { records.count { $0.reject != nil } }
}

/// Previews a mapping on a file with ``HourFileReader/nextInspected()``: the same reader, header check and mapper
/// as an import, so the preview shows exactly what an import would store or reject.
public struct MappingPreviewer {
    /// The employer id used when none is given (the mapper needs one); shown as "not given".
    static let placeholderEmployer = "(employer not given)"
    public var rows: Int

    public init(rows: Int = 10) {
        self.rows = rows
    }

    public func preview(mapping: HourMapping, file: String, employerID: String?) -> MappingPreview {
        var preview = MappingPreview(file: file, mappingName: mapping.name, mappingRevision: mapping.revision,
                                     mappingPath: mapping.path, encoding: mapping.source.encoding?.rawValue,
                                     encodingNote: nil, columns: nil, records: [], hasMoreRecords: false,
                                     employerID: employerID, fileError: nil,
                                     fieldsArePaths: mapping.source.format == .xml)
        do {
            let reader = try HourFileReader(path: file, mapping: mapping,
                                            employerID: employerID ?? Self.placeholderEmployer)
            preview.encoding = reader.encoding.rawValue
            preview.encodingNote = reader.encodingNote
            preview.columns = reader.rawFieldNames
            let read = mapping.source.format == .xml ? Set(1...max(1, reader.rawFieldNames?.count ?? 0))
                : columnsRead(mapping, header: reader.columnNames)
            while preview.records.count <= rows, let batch = try reader.nextInspected() {
                for item in batch {
                    guard preview.records.count < rows else { preview.hasMoreRecords = true; break }
                    preview.records.append(record(item, header: reader.rawFieldNames, read: read,
                                                  employerID: employerID))
                }
                if preview.hasMoreRecords { break }
            }
        } catch {
            preview.fileError = error
        }
        return preview
    }

    private func record(_ item: HourFileReader.InspectedRecord, header: [String]?, read: Set<Int>,
                        employerID: String?) -> MappingPreview.Record {
        let fields = item.fields.map { values in
            values.enumerated().map { i, value in
                MappingPreview.RawField(column: i + 1, name: header.flatMap { i < $0.count ? $0[i] : nil },
                                        value: value, isRead: read.contains(i + 1))
            }
        }
        var result = MappingPreview.Record(line: item.line, fields: fields, lineText: item.lineText)
        switch item.outcome {
        case .entry(var entry):
            if employerID == nil && entry.employerID == Self.placeholderEmployer { entry.employerID = "" }
            result.entry = entry
        case .reject(let reject):
            result.reject = reject
        case .skipped(let reason):
            result.skipped = reason
        }
        return result
    }

    /// The 1-based columns a mapping reads.
    private func columnsRead(_ mapping: HourMapping, header: [String]?) -> Set<Int> {
        let names = header?.map(HourRecordMapper.normaliseHeader)
        var read: Set<Int> = []
        for spec in mapping.fields.values {
            switch spec.source {
            case .column(let name):
                if let i = names?.firstIndex(of: HourRecordMapper.normaliseHeader(name)) { read.insert(i + 1) }
            case .position(let n): read.insert(n)
            case .constant, .path: break
            }
        }
        for column in mapping.skipRules.compactMap(\.column) {
            if let i = names?.firstIndex(of: HourRecordMapper.normaliseHeader(column)) { read.insert(i + 1) }
        }
        return read
    }
}
