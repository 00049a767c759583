import BPVIngest
import BPVModel
import BPVStore

/// Imports a POK list from the student-administration system: the complete list of its source, so it supersedes
/// the source's earlier POKs. A list without usable rows is refused unless `allowEmpty` (it would end every POK).
///
/// Minimal on purpose (student, leerbedrijf, crebo, dates, hours): the SIS import extends it.
public struct POKListImporter {
    public let store: any DossierStore

    public init(store: any DossierStore) {
        self.store = store
    }

    /// Imports `path`; throws only when the store fails.
    public func importFile(path: String, mapping: RecordMapping, allowEmpty: Bool = false) throws -> FileImportResult {
        let steps = RecordListImport<POKRecordMapper>(store: store, path: path, mapping: mapping,
                                                      sourceKey: "poks/" + mapping.name)
        switch try steps.start(mapper: POKRecordMapper()) {
        case .done(let result):
            return result
        case .read(let batch, let read, var result):
            var counts = read.counts
            let poks = read.batch.values
            if let refused = try steps.refusal(batch, result, values: poks.count, counts: counts, kind: POKsKind.plural,
                                               consequence: POKsKind.emptyConsequence, allowEmpty: allowEmpty) {
                return refused
            }
            counts.entriesStored = poks.count
            let stored = try store.savePOKs(batch, poks: poks, rejects: read.batch.rejects, counts: counts)
            result.batchID = stored.id
            result.counts = stored.counts
            result.outcome = read.batch.rejects.isEmpty ? .imported : .importedWithRejects
            if stored.counts.superseded > 0 { result.notes.append("\(stored.counts.superseded) earlier POK(s) of this source superseded") }
            return result
        }
    }
}
