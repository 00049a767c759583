import BPVModel

/// The reference-data part of the store seam: SBB erkenning lists as snapshots, their changes, the crebo lists,
/// leerbedrijf aliases, and findings. Storage-agnostic (plain values in and out), so that a PostgreSQL store can
/// implement it; the rules (diff, accreditation) live in BPVModel and run on what these calls return.
///
/// Leerbedrijf identities are resolved when read: an erkenning listed under a legacy code comes back under the
/// 9-digit id its alias names (``Erkenning/listedAs`` keeps the code), so an alias learned later applies to
/// everything stored before.
public protocol ReferenceStore: AnyObject {
    /// The newest snapshot of a source (latest retrieval date, then latest import), if any.
    func latestErkenningSnapshot(source: String) throws -> ErkenningSnapshot?

    /// Every snapshot, newest first.
    func erkenningSnapshots() throws -> [ErkenningSnapshot]

    /// The erkenningen of one snapshot, identities resolved through the alias table (empty once purged).
    func erkenningen(snapshotID: Int64) throws -> [Erkenning]

    /// Stores one list import in one transaction: the batch, the snapshot, its erkenningen (as listed), leerbedrijf
    /// names, aliases the list taught, rejects, the changes since the previous snapshot and the findings they
    /// raised. Throws ``SnapshotOrderError`` (storing nothing) when, inside the transaction, the source's latest
    /// snapshot is no longer `snapshot.previousID` or is newer than `snapshot.retrievedOn`.
    func saveErkenningSnapshot(_ batch: NewImportBatch, snapshot: NewErkenningSnapshot,
                               content: ErkenningSnapshotContent) throws -> (ImportBatch, ErkenningSnapshot)

    /// The retention rule: removes the erkenning rows of snapshots retrieved before `date`, except each source's
    /// latest snapshot. Snapshots, changes and findings stay. Returns the number of rows removed.
    @discardableResult
    func purgeErkenningen(retrievedBefore date: CalendarDate) throws -> Int

    /// The erkenningen of every source's latest snapshot (identities resolved), for some leerbedrijven or all.
    func currentErkenningen(leerbedrijfIDs: Set<String>?) throws -> [Erkenning]

    /// Erkenningen that a snapshot diff found withdrawn, with the dates of the last list that had them and the
    /// first without them (identities resolved).
    func withdrawnErkenningen(leerbedrijfIDs: Set<String>?) throws -> [WithdrawnErkenning]

    /// The changes a snapshot's import found, in leerbedrijf and crebo order.
    func erkenningChanges(snapshotID: Int64) throws -> [ErkenningChange]

    /// Every legacy code alias.
    func leerbedrijfAliases() throws -> [LeerbedrijfAlias]

    /// Adds or replaces aliases (a manual alias is not replaced by a list's).
    func saveLeerbedrijfAliases(_ aliases: [LeerbedrijfAlias]) throws

    /// Leerbedrijven with the names the lists gave them.
    func leerbedrijven(ids: Set<String>) throws -> [Leerbedrijf]

    /// Stores one crebo list import in one transaction. Rows merge per crebo and edition: a value a row leaves
    /// empty does not erase one stored before (so a "Vervallen" file adds end dates to the qualification rows).
    func saveCrebos(_ batch: NewImportBatch, kwalificaties: [Crebo], rejects: [Reject],
                           counts: ImportCounts) throws -> ImportBatch

    /// Every stored edition of the given crebos (all crebos when `nil`).
    func kwalificaties(crebos: Set<String>?) throws -> [Crebo]

    /// Stores the werkprocessen (with their kerntaken) of one kwalificatiedossier file in one transaction. Each
    /// dossier part the file gives (a dossier's basisdeel, or one profile's crebo) replaces what was stored for
    /// it: a new version of a dossier supersedes the old one.
    func saveWerkprocessen(_ batch: NewImportBatch, werkprocessen: [Werkproces], rejects: [Reject],
                           counts: ImportCounts) throws -> ImportBatch

    /// The werkprocessen of the given dossiers (all when `nil`), in dossier, crebo and code order.
    func werkprocessen(dossiers: Set<String>?) throws -> [Werkproces]

    /// The dossiers that hold profieldeel werkprocessen for `crebo`.
    func dossiers(ofProfileCrebo crebo: String) throws -> Set<String>

    /// Findings raised by one import batch.
    func findings(batchID: Int64) throws -> [Finding]
}

/// The POK half of the seam: the student administration's POK lists, each the complete list of its source.
public protocol POKStore: AnyObject {
    /// Stores one POK list in one transaction. A POK list is the complete list of its source: the source's
    /// earlier POKs are superseded (kept, marked with this batch); those of them in `disappeared` (ids from
    /// ``listedPOKs(sourceKey:)``) are marked as gone from the list (ended), not as listed again. `findings` are
    /// stored with the batch (`pok.disappeared`).
    func savePOKs(_ batch: NewImportBatch, poks: [POK], disappeared: [Int64], findings: [Finding], rejects: [Reject],
                  counts: ImportCounts) throws -> ImportBatch

    /// POKs not superseded, optionally of one crebo and/or one leerbedrijf (resolved through aliases), in
    /// leerbedrijf, crebo, begin and student order.
    func currentPOKs(crebo: String?, leerbedrijfID: String?) throws -> [POK]

    /// The POKs of one source's latest list, as it gave them (leerbedrijf as listed), in file order: what the next
    /// list of the source is compared with.
    func listedPOKs(sourceKey: String) throws -> [StoredPOK]

    /// Every POK of one student the store holds, current and superseded, oldest first: a later list never deletes
    /// a POK with its history.
    func pokHistory(studentNumber: String) throws -> [StoredPOK]
}

/// A POK as stored: the POK, its list's batch, and what a later list of its source did with it.
public struct StoredPOK: Hashable, Sendable {
    public var id: Int64
    public var batchID: Int64
    public var pok: POK
    /// The later list that superseded it (`nil`: current).
    public var supersededBy: Int64?
    /// That later list no longer had it: the POK ended there (`pok.disappeared`), rather than being listed again.
    public var disappeared: Bool

    public init(id: Int64, batchID: Int64, pok: POK, supersededBy: Int64? = nil, disappeared: Bool = false) {
        self.id = id
        self.batchID = batchID
        self.pok = pok
        self.supersededBy = supersededBy
        self.disappeared = disappeared
    }
}

/// What the importer knows about a new snapshot before storing it.
public struct NewErkenningSnapshot: Sendable {
    public var source: String
    public var retrievedOn: CalendarDate
    /// The latest snapshot of the source that the changes were computed against (`nil`: the first one).
    public var previousID: Int64?

    public init(source: String, retrievedOn: CalendarDate, previousID: Int64?) {
        self.source = source
        self.retrievedOn = retrievedOn
        self.previousID = previousID
    }
}

/// Everything one list import stores.
public struct ErkenningSnapshotContent: Sendable {
    /// As listed (leerbedrijf as the row gave it: 9-digit id, or legacy code).
    public var erkenningen: [Erkenning]
    public var leerbedrijven: [Leerbedrijf]
    public var aliases: [LeerbedrijfAlias]
    public var rejects: [Reject]
    public var changes: [ErkenningChange]
    public var findings: [Finding]
    public var counts: ImportCounts

    public init(erkenningen: [Erkenning], leerbedrijven: [Leerbedrijf], aliases: [LeerbedrijfAlias], rejects: [Reject],
                changes: [ErkenningChange], findings: [Finding], counts: ImportCounts) {
        self.erkenningen = erkenningen
        self.leerbedrijven = leerbedrijven
        self.aliases = aliases
        self.rejects = rejects
        self.changes = changes
        self.findings = findings
        self.counts = counts
    }
}

/// A snapshot that would not be the newest of its source, or whose base moved while it was being imported.
public struct SnapshotOrderError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
