import BPVIngest
import BPVModel
import BPVReconcile
import BPVStore
import Foundation

/// What an SBB list import did: the file's result, the snapshot it became, what changed since the previous
/// snapshot of its source, and the findings for active POKs.
public struct ErkenningImportResult: Sendable {
    public var file: FileImportResult
    public var snapshot: ErkenningSnapshot?
    public var previous: ErkenningSnapshot?
    public var changes: [ErkenningChange] = []
    public var findings: [Finding] = []
    /// Erkenning rows removed by the retention rule after this import.
    public var purged = 0
}

/// Imports SBB erkenning lists: each import is a snapshot of its source.
///
/// The rules: the same file twice changes nothing; a list retrieved before the source's latest snapshot is refused;
/// a list without usable rows is refused unless `allowEmpty` (it would read as "everything withdrawn"); rows with the
/// same leerbedrijf, crebo and start but other dates are all rejected, each naming the others; the changes since
/// the previous snapshot raise a finding for every POK still running on the retrieval date; after the import, the
/// retention rule removes erkenning rows of older snapshots.
public struct ErkenningListImporter {
    public let store: any Store
    public var settings: ReferenceSettings
    /// "Today", for the retention rule (tests pass a fixed date).
    public var today: CalendarDate

    public init(store: any Store, settings: ReferenceSettings = ReferenceSettings(),
                today: CalendarDate = calendarDate(Date())) {
        self.store = store
        self.settings = settings
        self.today = today
    }

    /// Imports `path`. `retrieved` overrides the list's retrieval date (else a mapped `retrieved` column, else the
    /// file's modification date); `source` names the list (default: the mapping's name). Throws only when the
    /// store fails.
    public func importFile(path: String, mapping: RecordMapping, retrieved: CalendarDate? = nil, source: String? = nil,
                           allowEmpty: Bool = false) throws -> ErkenningImportResult {
        let sourceName = source ?? mapping.name
        let steps = RecordListImport<ErkenningRecordMapper>(store: store, path: path, mapping: mapping,
                                                            sourceKey: "erkenningen/" + sourceName)
        let (newBatch, read, started): (NewImportBatch, RecordListImport<ErkenningRecordMapper>.Read, FileImportResult)
        switch try steps.start(mapper: ErkenningRecordMapper()) {
        case .done(let result):
            // Imported before (or by a run killed before its purge): the retention rule still applies tonight.
            var done = ErkenningImportResult(file: result)
            done.purged = try store.purgeErkenningen(retrievedBefore: today.adding(days: -settings.retentionDays))
            return done
        case .read(let b, let r, let f): (newBatch, read, started) = (b, r, f)
        }
        var file = started
        func failed(_ message: String, _ counts: ImportCounts) throws -> ErkenningImportResult {
            ErkenningImportResult(file: try steps.fail(newBatch, file, message: message, counts: counts))
        }

        // The retrieval date.
        let listed = Set(read.batch.values.compactMap(\.retrieved))
        let retrievedOn: CalendarDate
        if let retrieved {
            retrievedOn = retrieved
        } else if listed.count > 1 {
            return try failed("\(path): the list mixes retrieval dates (\(listed.sorted().map(\.iso).joined(separator: ", "))); "
                              + "give --retrieved", read.counts)
        } else if let only = listed.first {
            retrievedOn = only
        } else if let modified = modificationDate(of: path) {
            retrievedOn = modified
            file.notes.append("retrieval date \(modified) taken from the file's modification time (give --retrieved "
                              + "or map a 'retrieved' column to be sure)")
        } else {
            return try failed("\(path): no retrieval date: give --retrieved", read.counts)
        }

        // Identities: the store's aliases and those this list teaches.
        var aliases = Dictionary(try store.leerbedrijfAliases().map { ($0.legacyCode, $0.leerbedrijfID) },
                                 uniquingKeysWith: { a, _ in a })
        for alias in read.batch.values.compactMap(\.alias) where aliases[alias.legacyCode] == nil {
            aliases[alias.legacyCode] = alias.leerbedrijfID
        }
        func resolved(_ e: Erkenning) -> Erkenning {
            guard let id = aliases[e.leerbedrijfID] else { return e }
            var copy = e
            copy.listedAs = e.leerbedrijfID
            copy.leerbedrijfID = id
            return copy
        }

        // Duplicates: the same erkenning twice is kept once; conflicting rows are all rejected.
        var counts = read.counts
        var rejects = read.batch.rejects
        var unreadable = Set(read.batch.rejectedPairs.map { pair in
            LeerbedrijfCrebo(leerbedrijfID: aliases[pair.leerbedrijfID] ?? pair.leerbedrijfID, crebo: pair.crebo)
        })
        let (rows, duplicates, conflicts) = Self.deduplicate(read.batch.values, resolve: resolved)
        rejects += conflicts.map(\.reject)
        unreadable.formUnion(conflicts.map(\.pair))
        counts.rejects = rejects.count
        if duplicates > 0 { file.notes.append("\(duplicates) row(s) repeat an erkenning with the same dates: kept once") }
        file.firstRejects = Array(rejects.sorted { $0.location.line < $1.location.line }.prefix(steps.rejectsToShow))
        file.counts = counts

        if rows.isEmpty && !allowEmpty {
            return try failed(steps.emptyListMessage(kind: ErkenningenKind.plural, counts: counts,
                                                     consequence: ErkenningenKind.emptyConsequence), counts)
        }
        if let message = steps.rejectThresholdMessage(rejects: counts.rejects, records: counts.recordsRead) {
            return try failed(message, counts)
        }
        let previous = try store.latestErkenningSnapshot(source: sourceName)
        if let previous, previous.retrievedOn > retrievedOn {
            return try failed("\(path): the list was retrieved on \(retrievedOn), before the latest snapshot of "
                              + "\(sourceName) (snapshot \(previous.id), retrieved \(previous.retrievedOn)); an older "
                              + "list cannot replace a newer one", counts)
        }

        // What changed, and whom it affects.
        let new = rows.map { resolved($0.erkenning) }
        file.notes += try Self.unknownNotes(new, store: store)
        var changes: [ErkenningChange] = []
        if let previous {
            let old = try store.erkenningen(snapshotID: previous.id).map(resolved)
            changes = ErkenningDiff.changes(from: old, to: new, unreadable: unreadable)
        } else {
            file.notes.append("first snapshot of \(sourceName): no changes to compare")
        }
        let poks = try store.currentPOKs(crebo: nil, leerbedrijfID: nil).map { pok -> POK in
            var copy = pok
            copy.leerbedrijfID = aliases[pok.leerbedrijfID] ?? pok.leerbedrijfID
            return copy
        }
        let findings = ErkenningChangeRule().evaluate(.init(
            source: sourceName, previous: previous, retrievedOn: retrievedOn, changes: changes, poks: poks)).findings

        counts.entriesStored = rows.count
        let names = Dictionary(rows.compactMap { row in row.name.map { (resolved(row.erkenning).leerbedrijfID, $0) } },
                               uniquingKeysWith: { a, _ in a })
        let content = ErkenningSnapshotContent(
            erkenningen: rows.map(\.erkenning),
            leerbedrijven: names.sorted { $0.key < $1.key }.map { Leerbedrijf(id: $0.key, name: $0.value) }
                .filter { Identifier.leerbedrijf($0.id)?.isLegacy == false },
            aliases: Array(Set(read.batch.values.compactMap(\.alias))).sorted { $0.legacyCode < $1.legacyCode },
            rejects: rejects, changes: changes, findings: findings, counts: counts)
        let stored: (ImportBatch, ErkenningSnapshot)
        do {
            stored = try store.saveErkenningSnapshot(newBatch, snapshot: NewErkenningSnapshot(
                source: sourceName, retrievedOn: retrievedOn, previousID: previous?.id), content: content)
        } catch let error as SnapshotOrderError {
            return try failed("\(path): \(error)", counts)
        }
        file.batchID = stored.0.id
        file.counts = stored.0.counts
        file.outcome = rejects.isEmpty ? .imported : .importedWithRejects
        var result = ErkenningImportResult(file: file, snapshot: stored.1, previous: previous, changes: changes,
                                           findings: findings)
        try FaultPoints.reach("erkenning.saved")
        result.purged = try store.purgeErkenningen(retrievedBefore: today.adding(days: -settings.retentionDays))
        return result
    }

    /// Legacy codes no alias links to an id, and crebos the imported crebo lists do not have: stored as listed,
    /// but named, because they match nothing until an alias or a crebo list says what they are.
    static func unknownNotes(_ erkenningen: [Erkenning], store: any Store) throws -> [String] {
        var notes: [String] = []
        let legacy = Set(erkenningen.map(\.leerbedrijfID).filter { Identifier.leerbedrijf($0)?.isLegacy == true })
        if !legacy.isEmpty {
            notes.append("legacy leerbedrijf code(s) without a known leerbedrijf-ID: \(legacy.sorted().joined(separator: ", ")); "
                         + "add one with `bpv leerbedrijf alias --legacy CODE --id ID`")
        }
        let known = Set(try store.kwalificaties(crebos: nil).map(\.crebo))
        let unknown = Set(erkenningen.map(\.crebo)).subtracting(known)
        if !known.isEmpty && !unknown.isEmpty {
            notes.append("crebo(s) not in the imported crebo lists: \(unknown.sorted().joined(separator: ", "))")
        }
        return notes
    }

    struct Conflict {
        var reject: Reject
        var pair: LeerbedrijfCrebo
    }

    /// Rows in file order with repeats of the same erkenning (same key, same dates and leerweg) dropped; rows whose
    /// key repeats with other dates become rejects naming every other line of the key.
    static func deduplicate(_ rows: [ErkenningRow], resolve: (Erkenning) -> Erkenning)
        -> (rows: [ErkenningRow], duplicates: Int, conflicts: [Conflict]) {
        let groups = Dictionary(grouping: rows.indices) { resolve(rows[$0].erkenning).key }
        var drop = Set<Int>()
        var duplicates = 0
        var conflicts: [Conflict] = []
        for (key, indices) in groups where indices.count > 1 {
            let first = rows[indices[0]].erkenning
            let agree = indices.allSatisfy { rows[$0].erkenning.end == first.end && rows[$0].erkenning.leerweg == first.leerweg }
            if agree {
                duplicates += indices.count - 1
                drop.formUnion(indices.dropFirst())
                continue
            }
            drop.formUnion(indices)
            for i in indices {
                let e = rows[i].erkenning
                let others = indices.filter { $0 != i }.map { j -> String in
                    let o = rows[j].erkenning
                    return "line \(o.location?.line ?? 0) (end \(o.end?.iso ?? "open")"
                        + (o.leerweg != e.leerweg ? ", leerweg \(o.leerweg?.label ?? "-")" : "") + ")"
                }
                let location = e.location ?? SourceLocation(file: "", line: 0)
                conflicts.append(Conflict(reject: Reject(
                    location: location, column: rows[i].endColumn, columnNumber: rows[i].endColumnNumber,
                    value: rows[i].endValue ?? "",
                    reason: "conflicting duplicate: leerbedrijf \(key.leerbedrijfID), crebo \(key.crebo) and start "
                        + "\(key.start) also on \(others.joined(separator: ", ")), with other dates; none of these rows is used",
                    expected: "one row per leerbedrijf, crebo and start date", record: rows[i].record),
                    pair: LeerbedrijfCrebo(leerbedrijfID: key.leerbedrijfID, crebo: key.crebo)))
            }
        }
        let kept = rows.indices.filter { !drop.contains($0) }.map { rows[$0] }
        return (kept, duplicates, conflicts.sorted { $0.reject.location.line < $1.reject.location.line })
    }
}
