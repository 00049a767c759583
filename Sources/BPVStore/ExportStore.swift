import BPVModel

/// What each export layout has sent: per row key (a POK) the row's content hash and the result it carried, so that
/// the next export of the layout holds only new or changed rows, and a result that changes after it was exported
/// is noticed.
public protocol ExportStore: AnyObject {
    /// The rows last exported with `layout`, by row key.
    func exportedRows(layout: String) throws -> [String: ExportedRow]
    /// Records `rows` as exported with `layout` (replacing the earlier state of those keys).
    func saveExportedRows(layout: String, _ rows: [String: ExportedRow]) throws
}

/// One exported row as the store keeps it.
public struct ExportedRow: Sendable, Equatable {
    /// SHA-256 (hex) of the row's cells.
    public var hash: String
    /// The result the row carried (`goed`...), for results layouts.
    public var outcome: String?
    /// The day of the export.
    public var exportedOn: CalendarDate

    public init(hash: String, outcome: String?, exportedOn: CalendarDate) {
        self.hash = hash
        self.outcome = outcome
        self.exportedOn = exportedOn
    }
}
