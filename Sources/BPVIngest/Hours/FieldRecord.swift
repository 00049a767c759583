import BPVModel

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
    /// XML: a path whose text was longer than the field limit (not kept): the record is rejected.
    var oversizedValue: (path: String, limit: Int)? { get }
}

extension FieldRecord {
    public var elementPath: String? { nil }
    /// CSV records over the limits never reach a mapper (the reader rejects them).
    public var oversizedValue: (path: String, limit: Int)? { nil }

    /// The reject for a record with an ``oversizedValue``, or `nil`.
    func oversizedReject(at location: SourceLocation) -> Reject? {
        guard let over = oversizedValue else { return nil }
        var location = location
        location.elementPath = elementPath
        return Reject(location: location, column: over.path,
                      reason: "the text of \(over.path) is longer than the limit of \(CSVDialect.size(over.limit)) a "
                          + "field: the record is left out",
                      expected: "a value of at most \(CSVDialect.size(over.limit))")
    }
}

extension CSVRecord: FieldRecord {}
