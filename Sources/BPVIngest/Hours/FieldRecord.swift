/// A record as the mapper sees it: numbered field slots holding bytes, and where the record is.
/// CSV records number their columns; XML records number the paths a mapping asks for.
public protocol FieldRecord {
    /// Number of slots.
    var count: Int { get }
    /// The bytes of slot `i`.
    subscript(i: Int) -> UnsafeRawBufferPointer { get }
    /// 1-based line of the record's start.
    var line: Int { get }
    var byteOffset: Int { get }
    /// XML: the record element's place (`/TimeCard/ReportedTime[1]/TimeInterval[3]`); `nil` for CSV. Built only
    /// for messages.
    var elementPath: String? { get }
}

extension FieldRecord {
    public var elementPath: String? { nil }
}

extension CSVRecord: FieldRecord {}
