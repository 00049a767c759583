/// One import of an SBB erkenning list: which list (its source), when it was retrieved, and how many erkenningen
/// it held. Snapshots of one source are compared with each other, never with another source's.
public struct ErkenningSnapshot: Hashable, Sendable {
    public var id: Int64
    /// The import batch that stored it.
    public var batchID: Int64
    /// The list's source name (its mapping's name, or `--source`).
    public var source: String
    public var retrievedOn: CalendarDate
    /// The snapshot of the same source it was compared with.
    public var previousID: Int64?
    public var erkenningCount: Int
    /// Set when the retention rule removed its erkenning rows (the snapshot, its changes and findings stay).
    public var purgedAt: String?

    public init(id: Int64, batchID: Int64, source: String, retrievedOn: CalendarDate, previousID: Int64?,
                erkenningCount: Int, purgedAt: String?) {
        self.id = id
        self.batchID = batchID
        self.source = source
        self.retrievedOn = retrievedOn
        self.previousID = previousID
        self.erkenningCount = erkenningCount
        self.purgedAt = purgedAt
    }
}
