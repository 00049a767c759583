import BPVModel

/// The one seam between BPVKit and where the store lives, split per stage so that a second store (PostgreSQL)
/// can implement and test each part: import batches (``ImportBatchStore``), hours (``HourStore``), reference data
/// (``ReferenceStore``: SBB lists, crebos, kwalificatiedossiers), POKs (``POKStore``) and the keyed record kinds
/// (``KeyedRecordStore``: students...) and the last reconciliation (``ReconcileStore``). ``SQLiteStore``
/// implements it today.
///
/// The calls are synchronous: the nightly job is a batch process, and a PostgreSQL implementation can bridge
/// its driver's futures on its own thread. Imports are streamed: ``HourStore/importHours(_:body:)`` runs one file
/// in one transaction and hands the pipeline an ``HourImportWriter`` to pour batches of entries and rejects into.
public protocol Store: ImportBatchStore, HourStore, ReferenceStore, POKStore, KeyedRecordStore, ReconcileStore, ExportStore {}

/// Import batches of every kind: what was read, when, and whether the same bytes came before.
public protocol ImportBatchStore: AnyObject {
    /// An earlier import of the same bytes from the same source, if any (not counting failed ones). With a
    /// `legacyFingerprint` (the XXH64 that stores kept before SHA-256), a batch stored with it matches too, and its
    /// fingerprint is brought up to `contentFingerprint`, so later runs match on SHA-256 alone.
    func findImport(sourceKey: String, contentFingerprint: String, fileSize: Int,
                    legacyFingerprint: String?) throws -> ImportBatch?

    /// Records a file that failed as a whole (no entries), so the run history shows it: once per content. The
    /// same bytes from the same source failing again update that batch (its message, its time, one more attempt).
    func recordFailedImport(_ batch: NewImportBatch, message: String, counts: ImportCounts) throws -> ImportBatch

    /// The rejects of one batch, in file order.
    func rejects(batchID: Int64) throws -> [Reject]

    /// Import batches, newest first.
    func importBatches(limit: Int) throws -> [ImportBatch]
}

/// Hour entries from employers' exports, the employers, and the aliases that link their employees to students.
public protocol HourStore: AnyObject {
    /// Imports one file in one transaction: the body writes entries and rejects; then the store resolves
    /// employee identities through the alias table, applies the supersede rule for the batch's period, and
    /// commits. If the body throws, nothing of the file is stored (the error is rethrown).
    ///
    /// Corrections act as entries are written, in file order: a `change` entry (and, with
    /// ``NewImportBatch/supersedeByExternalID``, any entry with an external id) supersedes the active entry of the
    /// same source with the same external id; a `void` entry supersedes it and is not stored itself. A void that
    /// finds nothing to remove is stored as a reject.
    func importHours(_ batch: NewImportBatch, body: (any HourImportWriter) throws -> Void) throws -> ImportBatch


    /// Adds or replaces aliases, then links every stored unresolved entry they match. An alias that now names
    /// another student takes its stored entries along (``AliasSaveResult/moves``). Aliases from the alias file
    /// (`origin: .file`) win over ones set with `bpv alias add` (`.command`); where they disagree, the file's
    /// alias is saved and the disagreement is a ``AliasSaveResult/conflicts`` entry.
    func saveAliases(_ aliases: [EmployeeAlias], origin: AliasOrigin) throws -> AliasSaveResult

    /// The leerbedrijf-ID of every saved employer that is itself a leerbedrijf (not an uitzendbureau), by id.
    func employerLeerbedrijven() throws -> [String: String]

    /// The ids of the employers saved so far (``saveEmployer(id:name:leerbedrijfID:)``), in order.
    func employerIDs() throws -> [String]

    /// Employer registry (id, name, leerbedrijf-ID) as configured.
    func saveEmployer(id: String, name: String?, leerbedrijfID: String?) throws

    /// Every active (not superseded) entry, in id order, handed to `body` one at a time (the reconciliation's
    /// read: no array of all entries, texts that repeat shared).
    func forEachActiveHourEntry(_ body: (StoredHourEntry) throws -> Void) throws

    /// Active (not superseded) entries, optionally for one employer or student, in date order.
    func activeHourEntries(employerID: String?, studentNumber: String?) throws -> [StoredHourEntry]



    /// Identities with active entries that no alias links to a student, with their number of entries.
    func unresolvedIdentities() throws -> [(employerID: String, identity: String, entries: Int)]
}

/// Who set an alias: the nightly alias file, or a person with `bpv alias add`.
public enum AliasOrigin: String, Sendable {
    case file
    case command
}

/// What saving aliases changed.
public struct AliasSaveResult: Sendable, Equatable {
    /// An alias that named another student before: its stored entries moved with it.
    public struct Move: Sendable, Equatable {
        public var alias: EmployeeAlias
        public var previousStudent: String
        public var entriesMoved: Int
    }
    /// The alias file and an alias set with `bpv alias add` disagree; the file's alias was saved.
    public struct Conflict: Sendable, Equatable {
        public var fileAlias: EmployeeAlias
        public var commandStudent: String
        public var commandSetAt: String
    }
    /// Unresolved stored entries now linked to a student.
    public var resolved = 0
    public var moves: [Move] = []
    public var conflicts: [Conflict] = []

    public init() {}
}

extension HourStore {
    /// Saves aliases from the alias file; returns how many stored entries were resolved.
    @discardableResult
    public func saveAliases(_ aliases: [EmployeeAlias]) throws -> Int {
        try saveAliases(aliases, origin: .file).resolved
    }
}

extension ImportBatchStore {
    public func findImport(sourceKey: String, contentFingerprint: String, fileSize: Int) throws -> ImportBatch? {
        try findImport(sourceKey: sourceKey, contentFingerprint: contentFingerprint, fileSize: fileSize,
                       legacyFingerprint: nil)
    }
}

/// What the pipeline knows about a file before importing it.
public struct NewImportBatch: Sendable {
    public var sourceKey: String
    public var employerID: String?
    public var mappingName: String
    public var mappingRevision: Int
    public var filePath: String
    public var fileSize: Int
    public var contentFingerprint: String
    public var encoding: String?
    public var identityKind: EmployeeIdentityKind
    public var supersedeByPeriod: Bool
    /// What the file holds: `hours`, or a record kind (`erkenningen`, `crebos`, `poks`).
    public var kind: String
    /// Each entry with an external id replaces the active entry of the same source with that id (`change` and
    /// `void` entries act by id whatever this says).
    public var supersedeByExternalID: Bool
    /// An earlier batch of the same bytes read with another mapping (or revision): this import replaces it, and
    /// its active entries are superseded (reason `reimport`), so that the hours are never in the store twice.
    public var replacesBatchID: Int64?

    public init(sourceKey: String, employerID: String?, mappingName: String, mappingRevision: Int, filePath: String,
                fileSize: Int, contentFingerprint: String, encoding: String?, identityKind: EmployeeIdentityKind,
                supersedeByPeriod: Bool, supersedeByExternalID: Bool = false, kind: String = "hours") {
        self.kind = kind
        self.supersedeByExternalID = supersedeByExternalID
        self.sourceKey = sourceKey
        self.employerID = employerID
        self.mappingName = mappingName
        self.mappingRevision = mappingRevision
        self.filePath = filePath
        self.fileSize = fileSize
        self.contentFingerprint = contentFingerprint
        self.encoding = encoding
        self.identityKind = identityKind
        self.supersedeByPeriod = supersedeByPeriod
        self.supersedeByExternalID = supersedeByExternalID
    }
}

/// Where an import streams its results, inside the import's transaction.
public protocol HourImportWriter: AnyObject {
    func write(_ entries: [HourEntry]) throws
    func write(_ rejects: [Reject]) throws
    /// Counts the reader knows and the store does not (records read, blank records), set before the body ends.
    func setReaderCounts(recordsRead: Int, blankRecords: Int)
    /// The reader's encoding, when it was detected.
    func setEncoding(_ encoding: String)
    /// Rejects written so far, for the `max_reject_percent` rule.
    var rejectCount: Int { get }
    var entryCount: Int { get }
}

/// An hour entry as stored: the entry, its batch, and whether a later import superseded it.
public struct StoredHourEntry: Hashable, Sendable {
    public var id: Int64
    public var batchID: Int64
    public var entry: HourEntry
    public var supersededBy: Int64?
}

/// A store problem that is not about one record: the database cannot be opened, migrated or written.
public struct StoreError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
