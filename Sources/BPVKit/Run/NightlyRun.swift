import BPVIngest
import BPVModel
import BPVStore
import Foundation

/// The nightly job: load the alias file, import every employer's new hour exports with its mapping, import the
/// configured reference lists and POKs and check every POK's accreditation, and write the run's record to
/// `<output>/runs/<timestamp>/` (its files: ``runRecord(of:run:)``).
///
/// Files are taken per employer folder in name order. They may stay in the inbox: a file imported before is
/// recognised by its fingerprint and changes nothing.
public struct NightlyRun {
    public let configuration: BPVConfiguration
    public let store: any Store

    public init(configuration: BPVConfiguration, store: any Store) {
        self.configuration = configuration
        self.store = store
    }

    /// The outcome of a run.
    public struct Summary: Sendable {
        public var files: [FileImportResult] = []
        public var aliasesLoaded = 0
        public var entriesResolvedByAliases = 0
        public var problems: [String] = []
        public var unresolved: [UnresolvedIdentity] = []
        public var runFolder: String = ""
        /// The files of the run record, in the order written: what its `run.json` lists as `files_written`.
        public var filesWritten: [WrittenFile] = []
        /// Findings raised by this run: changes in the SBB lists it imported, aliases that moved to another student.
        public var findings: [Finding] = []
        /// The accreditation check of every current POK, when reference data is configured.
        public var erkenningCheck: ErkenningCheck.Report?
        /// Every hour entry's verdict and every POK's progress, when there are POKs.
        public var reconciliation: ReconcileResult?
        /// What changed since the last reconciliation kept in the store.
        public var reconciliationChanges: ReconciliationChanges?
        /// The run's morning report (`<run folder>/index.html`).
        public var report: String = ""
        public var exitStatus: ExitStatus {
            let status = ExitStatus.of(files)
            return status == .success && !problems.isEmpty ? .completedWithRejects : status
        }
    }

    public struct UnresolvedIdentity: Sendable, Codable {
        public var employer: String
        public var identity: String
        public var entries: Int
    }

    /// Runs the job. `clock` names the run folder (tests pass a fixed date).
    public func run(at clock: Date = Date()) throws -> Summary {
        var summary = Summary()
        for employer in configuration.employers {
            try store.saveEmployer(id: employer.id, name: employer.name,
                                   leerbedrijfID: employer.leerbedrijfID.flatMap(Identifier.leerbedrijfID))
        }
        if let aliasPath = configuration.aliases {
            let (aliases, problems) = try AliasFile.read(path: aliasPath, employers: Set(configuration.employers.map(\.id)))
            summary.aliasesLoaded = aliases.count
            let saved = try store.saveAliases(aliases, origin: .file)
            summary.entriesResolvedByAliases = saved.resolved
            summary.problems += problems
            summary.problems += saved.conflicts.map(AliasFindings.problem)
            summary.findings += saved.moves.map { AliasFindings.finding($0, date: calendarDate(clock)) }
        }
        let loader = MappingLoader()
        let importer = HourImporter(store: store)
        for employer in configuration.employers {
            let mapping: HourMapping
            do {
                mapping = try loader.loadHourMapping(path: employer.mapping)
            } catch {
                summary.problems.append("employer \(employer.id): mapping \(employer.mapping) cannot be used:\n\(error)")
                continue
            }
            let listing = try inboxFiles(in: configuration.folder(of: employer))
            summary.files += listing.refused.map { refusal in
                FileImportResult(refused: refusal, employerID: employer.id, mappingName: mapping.name)
            }
            for file in listing.files {
                summary.files.append(try importer.importFile(path: file, mapping: mapping, employerID: employer.id))
            }
        }
        try importReferenceData(into: &summary, today: calendarDate(clock))
        // Reconcile every hour against the POKs, once the day's hours and lists are in.
        let poks = try store.currentPOKs(crebo: nil, leerbedrijfID: nil)
        if !poks.isEmpty {
            let (result, changes) = try Reconciler(store: store, configuration: configuration)
                .runAndKeep(on: calendarDate(clock))
            summary.reconciliation = result
            summary.reconciliationChanges = changes
            summary.findings += result.findings + changes.findings
        }
        summary.unresolved = try store.unresolvedIdentities().map {
            UnresolvedIdentity(employer: $0.employerID, identity: $0.identity, entries: $0.entries)
        }
        let record = try RunRecordWriter(output: configuration.output).write(at: clock) { run in
            try runRecord(of: summary, run: run)
        }
        summary.runFolder = record.folder
        summary.filesWritten = record.files
        summary.report = try writeReport(of: summary, at: clock)
        return summary
    }

    /// The files of an inbox folder to read, and those refused (links out of the inbox).
    func inboxFiles(in folder: String) throws -> InboxFiles {
        try InboxFiles.list(folder: folder, inbox: configuration.inbox,
                            followLinksOutOfInbox: configuration.followLinksOutOfInbox)
    }

    /// The export files in a folder (not hidden, `.csv`, `.txt` or `.xml`), in name order. A missing folder has none.
    public static func exportFiles(in folder: String) throws -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        return try manager.contentsOfDirectory(atPath: folder)
            .filter { name in !name.hasPrefix(".") && [".csv", ".txt", ".xml"].contains { name.lowercased().hasSuffix($0) } }
            .sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }
}
