import BPVModel

/// The store's shared home for record kinds without a table of their own (students, and the kinds that follow:
/// assessments, documents, DUO registrations): each value is stored as JSON under its kind and key. A list is
/// the complete list of its source: storing a new one supersedes the source's earlier values (kept, marked with
/// the new batch), so history is never deleted. A new kind needs no store code.
public protocol KeyedRecordStore: AnyObject {
    /// Stores one list of `kind` in one transaction: the values (key, first line, JSON) and the rejects.
    func saveKeyedRecords(_ batch: NewImportBatch, kind: String, records: [KeyedRecord], rejects: [Reject],
                          counts: ImportCounts) throws -> ImportBatch

    /// The current (not superseded) values of `kind`, in key order.
    func keyedRecords(kind: String) throws -> [KeyedRecord]
}

/// One stored value of a keyed kind.
public struct KeyedRecord: Sendable, Equatable {
    public var key: String
    public var line: Int
    public var json: [UInt8]

    public init(key: String, line: Int, json: [UInt8]) {
        self.key = key
        self.line = line
        self.json = json
    }
}
