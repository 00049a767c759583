import BPVIngest
import BPVModel
import BPVStore

/// Imports SBB crebo lists (the qualifications and the "Vervallen" part, from one file or two). Rows merge per
/// crebo and edition, so the Vervallen file adds end dates and successors to what the qualification file gave.
public struct CreboListImporter {
    public let store: any DossierStore

    public init(store: any DossierStore) {
        self.store = store
    }

    /// Imports `path`. `edition` is the list's "geldig vanaf" when the file has no column for it.
    /// Throws only when the store fails.
    public func importFile(path: String, mapping: RecordMapping, edition: CalendarDate? = nil,
                           allowEmpty: Bool = false) throws -> FileImportResult {
        let steps = RecordListImport<KwalificatieRecordMapper>(store: store, path: path, mapping: mapping,
                                                               sourceKey: "crebos/" + mapping.name)
        switch try steps.start(mapper: KwalificatieRecordMapper(edition: edition)) {
        case .done(let result):
            return result
        case .read(let batch, let read, var result):
            var counts = read.counts
            let values = read.batch.values
            if let refused = try steps.refusal(batch, result, values: values.count, counts: counts, kind: CrebosKind.plural,
                                               consequence: CrebosKind.emptyConsequence, allowEmpty: allowEmpty) {
                return refused
            }
            counts.entriesStored = values.count
            if values.contains(where: { $0.geldigVanaf == nil }) {
                result.notes.append("no edition date (geldig vanaf) for some rows: give --edition, or map geldig_vanaf; "
                                    + "they count as the oldest edition")
            }
            let stored = try store.saveKwalificaties(batch, kwalificaties: values, rejects: read.batch.rejects, counts: counts)
            result.batchID = stored.id
            result.counts = stored.counts
            result.outcome = read.batch.rejects.isEmpty ? .imported : .importedWithRejects
            return result
        }
    }
}
