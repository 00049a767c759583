import BPVIngest
import BPVModel
import BPVReconcile
import BPVStore
import Foundation

/// What a POK list import did: the file's result, and the POKs of the source's previous list that the new one no
/// longer has (ended in the store, each with a `pok.disappeared` finding).
public struct POKImportResult: Sendable {
    public var file: FileImportResult
    public var disappeared: [POK] = []
    public var findings: [Finding] = []
}

/// Imports a POK list from the student-administration system: the complete list of its source, so it supersedes
/// the source's earlier POKs, and a POK of the previous list that the new one does not have is ended
/// (``POKDisappearanceRule``), never deleted. The same POK number twice in one list is a reject naming the first.
/// A list without usable rows is refused unless `allowEmpty` (it would end every POK).
public struct POKListImporter {
    public let store: any Store
    /// "Today": the date of the findings (tests pass a fixed date).
    public var today: CalendarDate

    public init(store: any Store, today: CalendarDate = calendarDate(Date())) {
        self.store = store
        self.today = today
    }

    /// Imports `path`; throws only when the store fails.
    public func importFile(path: String, mapping: RecordMapping, allowEmpty: Bool = false) throws -> POKImportResult {
        let sourceKey = "poks/" + mapping.name
        let steps = RecordListImport<POKRecordMapper>(store: store, path: path, mapping: mapping, sourceKey: sourceKey)
        var outcome = POKDisappearanceRule.Outcome()
        var previous: [StoredPOK] = []
        var result = try steps.run(POKsKind.self, mapper: POKsKind.mapper(edition: nil), allowEmpty: allowEmpty,
                                   prepare: { values, rejects, _ in
            Self.firstOfEachNumber(values, rejects: &rejects)
        }, save: { batch, poks, rejects, counts in
            previous = try store.listedPOKs(sourceKey: sourceKey)
            let aliases = Dictionary(try store.leerbedrijfAliases().map { ($0.legacyCode, $0.leerbedrijfID) },
                                     uniquingKeysWith: { a, _ in a })
            func resolved(_ pok: POK) -> POK {
                var copy = pok
                copy.leerbedrijfID = aliases[pok.leerbedrijfID] ?? pok.leerbedrijfID
                return copy
            }
            outcome = POKDisappearanceRule().evaluate(.init(
                previous: previous.map { .init(pok: resolved($0.pok), batchID: $0.batchID) },
                listed: poks.map(resolved), file: path, rejectedRows: rejects.count, date: today))
            return try store.savePOKs(batch, poks: poks, disappeared: outcome.disappeared.map { previous[$0].id },
                                      findings: outcome.findings, rejects: rejects, counts: counts)
        })
        let gone = outcome.disappeared.map { previous[$0].pok }
        if result.isStored && result.counts.superseded > 0 {
            result.notes.append("\(result.counts.superseded) earlier POK(s) of this source superseded")
        }
        if !gone.isEmpty {
            result.notes.append("\(gone.count) POK(s) of the previous list are not in this one: ended, kept with their "
                                + "history (pok.disappeared)")
        }
        return POKImportResult(file: result, disappeared: gone, findings: outcome.findings)
    }

    /// The POKs with the second of two rows with one POK number turned into a reject naming the first.
    static func firstOfEachNumber(_ poks: [POK], rejects: inout [Reject]) -> [POK] {
        var first: [String: Int] = [:]
        return poks.filter { pok in
            guard let number = pok.pokNumber else { return true }
            let location = pok.location ?? SourceLocation(file: "", line: 0)
            if let line = first[number] {
                rejects.append(Reject(location: location, value: number,
                                      reason: "POKs: \(number) appears twice (first at line \(line))",
                                      expected: "each POK number once in a list"))
                return false
            }
            first[number] = location.line
            return true
        }
    }
}
