import BPVIngest
import BPVModel
import BPVStore

/// The one place where a list file of any record kind is imported: the kinds with stores of their own (SBB
/// erkenningen with their snapshots and findings, crebos merged per edition, werkprocessen per dossier part,
/// POKs) through their importers, and every keyed kind (students, and the kinds that follow) through the shared
/// ``KeyedListImporter``. The nightly run and `bpv import list` both call it.
public enum ListImports {
    /// What a list file's import gave: its result and the findings it raised (erkenning changes, POKs gone from
    /// the student administration's list).
    public struct Outcome {
        public var file: FileImportResult
        public var findings: [Finding] = []
    }

    /// Imports `path` with `mapping` (its `produces:` decides the kind). `edition`: the crebo list's geldig-vanaf
    /// date for files without it; `settings` and `today`: the erkenning lists' retention and policy, and the
    /// findings' date.
    public static func importFile(path: String, mapping: RecordMapping, store: any Store,
                                  edition: CalendarDate? = nil, settings: ReferenceSettings = ReferenceSettings(),
                                  today: CalendarDate, allowEmpty: Bool = false) throws -> Outcome {
        switch mapping.kind {
        case .poks:
            let result = try POKListImporter(store: store, today: today).importFile(path: path, mapping: mapping,
                                                                                    allowEmpty: allowEmpty)
            return Outcome(file: result.file, findings: result.findings)
        case .crebos:
            return Outcome(file: try CreboListImporter(store: store).importFile(path: path, mapping: mapping,
                                                                               edition: edition, allowEmpty: allowEmpty))
        case .werkprocessen:
            return Outcome(file: try WerkprocesListImporter(store: store).importFile(path: path, mapping: mapping,
                                                                                    allowEmpty: allowEmpty))
        case .erkenningen:
            let result = try ErkenningListImporter(store: store, settings: settings, today: today)
                .importFile(path: path, mapping: mapping, allowEmpty: allowEmpty)
            return Outcome(file: result.file, findings: result.findings)
        default:
            guard let keyed = mapping.kind.descriptor as? any KeyedRecordKind.Type else {
                preconditionFailure("record kind \(mapping.kind) is neither keyed nor handled above")
            }
            return Outcome(file: try importKeyed(keyed, path: path, mapping: mapping, store: store, allowEmpty: allowEmpty))
        }
    }

    private static func importKeyed<Kind: KeyedRecordKind>(_ kind: Kind.Type, path: String, mapping: RecordMapping,
                                                           store: any Store, allowEmpty: Bool) throws -> FileImportResult {
        try KeyedListImporter(kind, store: store).importFile(path: path, mapping: mapping, allowEmpty: allowEmpty)
    }
}
