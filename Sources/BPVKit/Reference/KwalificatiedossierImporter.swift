import BPVIngest
import BPVModel
import BPVStore

/// Imports one kwalificatiedossier XML file with the mappings that read it: those that produce crebos first (the
/// dossier's crebos with their dates, merged into the crebo lists), then those that produce werkprocessen. One
/// result per mapping; each is its own batch, so a mapping whose part fails does not undo the others.
public struct KwalificatiedossierImporter {
    public let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    /// A mapping that cannot read a dossier file.
    public struct WrongKind: Error, CustomStringConvertible {
        public var mapping: String
        public var kind: RecordKind
        public var description: String {
            "mapping \(mapping) produces \(kind.produces); a kwalificatiedossier mapping produces crebos or werkprocessen"
        }
    }

    /// Imports `path` with every mapping. Throws ``WrongKind`` (before reading anything) for a mapping of another
    /// kind, and store errors.
    public func importFile(path: String, mappings: [RecordMapping], allowEmpty: Bool = false) throws -> [FileImportResult] {
        if let wrong = mappings.first(where: { $0.kind != .crebos && $0.kind != .werkprocessen }) {
            throw WrongKind(mapping: wrong.name, kind: wrong.kind)
        }
        let ordered = mappings.filter { $0.kind == .crebos } + mappings.filter { $0.kind == .werkprocessen }
        return try ordered.map { mapping in
            mapping.kind == .crebos
                ? try CreboListImporter(store: store).importFile(path: path, mapping: mapping, allowEmpty: allowEmpty)
                : try WerkprocesListImporter(store: store).importFile(path: path, mapping: mapping, allowEmpty: allowEmpty)
        }
    }
}
