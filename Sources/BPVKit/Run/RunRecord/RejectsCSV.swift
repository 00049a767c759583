import BPVModel
import BPVStore
import Foundation

/// `rejects.csv`: every record the run's imports rejected, to fix or send back to the employer.
struct RejectsCSV: Artifact {
    let fileName = "rejects.csv"
    let purpose = "every rejected record (file, line, column, value, reason, what was expected, the record), to fix "
        + "or send back"

    static let header = ["file", "line", "column", "column_number", "value", "reason", "expected", "record"]

    var rejects: [Reject]

    func render() throws -> Data {
        var table = CSVTable(header: Self.header)
        for reject in rejects {
            table.append([reject.location.file, String(reject.location.line), reject.column ?? "",
                          reject.columnNumber.map(String.init) ?? "", reject.value ?? "", reject.reason,
                          reject.expected ?? "", reject.record ?? ""])
        }
        return table.data()
    }

    /// The stored rejects of the files this run imported (a file seen before brings none), in the files' order.
    static func rejects(of files: [FileImportResult], in store: any Store) throws -> [Reject] {
        var rejects: [Reject] = []
        for result in files {
            guard let batchID = result.batchID, result.counts.rejects > 0,
                  result.outcome == .imported || result.outcome == .importedWithRejects else { continue }
            rejects += try store.rejects(batchID: batchID)
        }
        return rejects
    }
}
