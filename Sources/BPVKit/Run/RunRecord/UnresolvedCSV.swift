import Foundation

/// `unresolved.csv`: the employee identities that no alias links to a student yet.
struct UnresolvedCSV: Artifact {
    let fileName = "unresolved.csv"
    let purpose = "employee identities that no alias links to a student yet, with their number of stored entries"

    static let header = ["employer", "identity", "entries"]

    var unresolved: [NightlyRun.UnresolvedIdentity]

    func render() throws -> Data {
        var table = CSVTable(header: Self.header)
        for item in unresolved {
            table.append([item.employer, item.identity, String(item.entries)])
        }
        return table.data()
    }
}
