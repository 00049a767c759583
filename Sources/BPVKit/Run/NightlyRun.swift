import BPVIngest
import BPVModel
import BPVStore
import Foundation
import Logging

/// The nightly job: an ordered list of named steps (``steps``) run on one store: load the aliases, import every
/// employer's new hour exports with its mapping, import the configured lists and POKs and check every POK's
/// accreditation, move the input files out of the inbox, reconcile, and write the run's record to
/// `<output>/runs/<timestamp>/` (its files: ``runRecord(of:run:)``).
///
/// Files are taken per employer folder in name order. A file imported before is recognised by its fingerprint and
/// changes nothing. The lock, the dry run's copy of the store and the metrics are ``NightlyJob``'s, around this.
public struct NightlyRun {
    public let configuration: BPVConfiguration
    public let store: any Store
    /// A dry run: the store is a copy (``NightlyJob``), no file is moved, no export written, the record goes to
    /// `<output>/dry-runs/<timestamp>/` and says `"dry_run": true`.
    public var dryRun = false
    /// Whether the `files` step moves the input files (when `files.after_import` is `archive`). ``NightlyJob`` (what
    /// `bpv run` runs) sets it; a `NightlyRun` used directly (library tests on the repository's fixtures, tools)
    /// leaves every file where it is.
    public var moveFiles = false

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
        /// Errors that did not stop the run but make it a failed one (exit 1): a file that could not be moved out of
        /// the inbox (it stays there for the next run).
        public var errors: [String] = []
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
        /// Every POK's result, and the exports written (`exports:`).
        public var results: Results?
        public var exports: [ResultExport.Outcome] = []
        /// Whether this was a dry run.
        public var dryRun = false
        /// Files left in the inbox because they are still being written (changed within `files.settle_minutes`).
        public var waiting: [String] = []
        /// The files moved out of the inbox.
        public var moves: [FileLifecycle.Move] = []
        /// Findings of this severity or above end the run with exit 3 (`thresholds.findings`).
        public var findingsThreshold: Finding.Severity?
        /// The steps run, in order, with their seconds.
        public var steps: [StepTiming] = []

        /// Export files written by the `results` step (an incremental export with nothing new writes none).
        public var exportsWritten: Int { exports.filter { $0.file != nil }.count }

        /// The run's morning report (`<output>/reports/<run>/index.html`; in a dry run inside its record folder).
        public var report: String = ""

        public init() {}

        public var exitStatus: ExitStatus {
            if !errors.isEmpty { return .error }
            let status = ExitStatus.of(files)
            let findingsReached = findingsThreshold.map { threshold in findings.contains { $0.severity >= threshold } }
            return status == .success && (!problems.isEmpty || findingsReached == true) ? .completedWithRejects : status
        }
    }

    /// One step's name and duration.
    public struct StepTiming: Sendable, Codable {
        public var step: String
        public var seconds: Double
    }

    public struct UnresolvedIdentity: Sendable, Codable {
        public var employer: String
        public var identity: String
        public var entries: Int
    }

    /// Runs the steps. `clock` names the run folder (tests pass a fixed date). Throws a ``NightlyRunError`` when
    /// the inbox is missing (nothing is done), or the error of a step that could not go on (the store failed).
    public func run(at clock: Date = Date()) throws -> Summary {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: configuration.inbox, isDirectory: &isFolder), isFolder.boolValue
        else {
            throw NightlyRunError("the inbox \(configuration.inbox) does not exist (or is not a folder): nothing was "
                                  + "imported; create it, or correct 'inbox:' in \(configuration.path)")
        }
        let writer = RunRecordWriter(output: configuration.output, dryRun: dryRun)
        let (folder, name) = try writer.makeFolder(at: clock)
        // The run's log: `<output>/logs/<run>.log` (`<run>.dry-run.log`), beside the record, not in it (the record's
        // files are exactly those run.json lists).
        let logs = URL(fileURLWithPath: configuration.output).appendingPathComponent("logs")
        try? FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o750])
        RunLog.file.open(logs.appendingPathComponent(name + (dryRun ? ".dry-run.log" : ".log")).path)
        defer { RunLog.file.close() }
        var context = NightlyContext(clock: clock, dryRun: dryRun, runFolder: folder, runName: name,
                                     exportsFolder: dryRun ? folder.appendingPathComponent("exports")
                                         : URL(fileURLWithPath: configuration.output).appendingPathComponent("exports")
                                             .appendingPathComponent(FileLifecycle.dayStamp(clock)))
        context.summary.dryRun = dryRun
        context.summary.findingsThreshold = configuration.nightly.findingsThreshold
        context.summary.runFolder = folder.path
        let log = RunLog.logger
        log.info("run begins", metadata: ["run": "\(name)", "dry_run": "\(dryRun)"])
        for step in Self.steps {
            try FaultPoints.reach("step.\(step.name)")
            let started = Date()
            log.info("step begins", metadata: ["step": "\(step.name)"])
            do {
                try step.body(self, &context)
            } catch {
                log.error("step failed: \(error)", metadata: ["step": "\(step.name)"])
                throw error
            }
            let seconds = Date().timeIntervalSince(started)
            context.summary.steps.append(StepTiming(step: step.name, seconds: seconds))
            log.info("step done", metadata: ["step": "\(step.name)", "seconds": "\(String(format: "%.3f", seconds))"])
        }
        log.info("run done", metadata: ["exit": "\(context.summary.exitStatus.rawValue)",
                                        "files": "\(context.summary.files.count)"])
        return context.summary
    }

    /// The files of an inbox folder to read, those refused (links out of the inbox) and those still being written.
    func inboxFiles(in folder: String, now: Date) throws -> InboxFiles {
        try InboxFiles.list(folder: folder, inbox: configuration.inbox,
                            followLinksOutOfInbox: configuration.followLinksOutOfInbox,
                            settleSeconds: configuration.nightly.settleMinutes * 60, now: now)
    }

    /// The export files in a folder (not hidden, `.csv`, `.txt` or `.xml`), in name order. A missing folder has
    /// none. A file still being uploaded under a temporary name (`.part`, `.tmp`, `.filepart`) is never listed.
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

/// A run that could not start or go on (exit 1).
public struct NightlyRunError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
