import BPVIngest
import BPVModel
import BPVStore

/// Imports a POK list from the student-administration system: the complete list of its source, so it supersedes
/// the source's earlier POKs. A list without usable rows is refused unless `allowEmpty` (it would end every POK).
public struct POKListImporter {
    public let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    /// Imports `path`; throws only when the store fails.
    public func importFile(path: String, mapping: RecordMapping, allowEmpty: Bool = false) throws -> FileImportResult {
        let steps = RecordListImport<POKRecordMapper>(store: store, path: path, mapping: mapping,
                                                      sourceKey: "poks/" + mapping.name)
        var result = try steps.run(POKsKind.self, mapper: POKsKind.mapper(edition: nil), allowEmpty: allowEmpty) {
            batch, poks, rejects, counts in
            try store.savePOKs(batch, poks: poks, rejects: rejects, counts: counts)
        }
        if result.isStored && result.counts.superseded > 0 {
            result.notes.append("\(result.counts.superseded) earlier POK(s) of this source superseded")
        }
        return result
    }
}
