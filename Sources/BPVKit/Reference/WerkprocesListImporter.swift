import BPVIngest
import BPVModel
import BPVStore

/// Imports the kerntaken and werkprocessen of SBB's kwalificatiedossier XML (`produces: werkprocessen`). Each
/// dossier part the file gives (the basisdeel of a dossier, or one profile's crebo) replaces what was stored for it.
/// The same werkproces twice with the same title is kept once; with another title the later one is a reject naming
/// the first. A file without werkprocessen is refused unless `allowEmpty` (usually the wrong mapping).
public struct WerkprocesListImporter {
    public let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    /// Imports `path`; throws only when the store fails.
    public func importFile(path: String, mapping: RecordMapping, allowEmpty: Bool = false) throws -> FileImportResult {
        let steps = RecordListImport<WerkprocesRecordMapper>(store: store, path: path, mapping: mapping,
                                                             sourceKey: "werkprocessen/" + mapping.name)
        return try steps.run(WerkprocessenKind.self, mapper: WerkprocessenKind.mapper(edition: nil), allowEmpty: allowEmpty,
                             prepare: { values, rejects, _ in Self.withoutDuplicates(values, rejects: &rejects) },
                             save: { batch, werkprocessen, rejects, counts in
            try store.saveWerkprocessen(batch, werkprocessen: werkprocessen, rejects: rejects, counts: counts)
        })
    }

    /// Keeps the first of each (dossier, crebo, code); a later one with the same title is dropped, one with another
    /// title becomes a reject naming the first's line.
    static func withoutDuplicates(_ values: [Werkproces], rejects: inout [Reject]) -> [Werkproces] {
        struct Key: Hashable { var dossier: String; var crebo: String?; var code: WerkprocesCode }
        var first: [Key: Werkproces] = [:]
        var kept: [Werkproces] = []
        for w in values {
            let key = Key(dossier: w.dossier, crebo: w.crebo, code: w.code)
            guard let earlier = first[key] else { first[key] = w; kept.append(w); continue }
            guard earlier.titel != w.titel else { continue }
            rejects.append(Reject(location: w.location ?? SourceLocation(file: "", line: 0), column: "titel",
                                  value: w.titel,
                                  reason: "werkproces \(w.code) of dossier \(w.dossier) appears twice with other titles "
                                      + "(first at line \(earlier.location?.line ?? 0): \"\(earlier.titel)\")",
                                  expected: "each werkproces once per dossier part"))
        }
        return kept
    }
}
