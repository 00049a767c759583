/// Where a record came from: the file, the (first) line, and the byte offset of the record in the file's text.
/// For XML sources the element path is kept too.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    /// 1-based line number of the record's first line.
    public var line: Int
    /// Byte offset of the record's start in the decoded (UTF-8) text; for UTF-8 files the same as in the file.
    public var byteOffset: Int?
    /// XML only: the record element's path, e.g. `/TimeCard/ReportedTime/TimeInterval`.
    public var elementPath: String?

    public init(file: String, line: Int, byteOffset: Int? = nil, elementPath: String? = nil) {
        self.file = file
        self.line = line
        self.byteOffset = byteOffset
        self.elementPath = elementPath
    }

    /// `file:line` (the form editors and terminals link to).
    public var description: String { "\(file):\(line)" }
}
