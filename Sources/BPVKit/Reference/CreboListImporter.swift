import BPVIngest
import BPVModel
import BPVStore

/// Imports SBB crebo lists (the qualifications and the "Vervallen" part, from one file or two). Rows merge per
/// crebo and edition, so the Vervallen file adds end dates and successors to what the qualification file gave.
public struct CreboListImporter {
    public let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    /// Imports `path`. `edition` is the list's "geldig vanaf" when the file has no column for it.
    /// Throws only when the store fails.
    public func importFile(path: String, mapping: RecordMapping, edition: CalendarDate? = nil,
                           allowEmpty: Bool = false) throws -> FileImportResult {
        let steps = RecordListImport<CreboRecordMapper>(store: store, path: path, mapping: mapping,
                                                               sourceKey: "crebos/" + mapping.name)
        return try steps.run(CrebosKind.self, mapper: CrebosKind.mapper(edition: edition), allowEmpty: allowEmpty,
                             prepare: { values, _, notes in
            if values.contains(where: { $0.geldigVanaf == nil }) {
                notes.append("no edition date (geldig vanaf) for some rows: give --edition, or map geldig_vanaf; "
                             + "they count as the oldest edition")
            }
            return values
        }, save: { batch, values, rejects, counts in
            try store.saveCrebos(batch, kwalificaties: values, rejects: rejects, counts: counts)
        })
    }
}
