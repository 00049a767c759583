import BPVStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The nightly run as cron starts it: around ``NightlyRun``'s steps, the lock (one run at a time), the dry run's
/// copy of the store, and the metrics textfile.
///
/// A dry run works on a copy of the database file (with its rollback journal, if a killed run left one, so the copy
/// rolls back exactly as the store would), taken under the lock, in `<output>/dry-runs/.store-<pid>/`, removed
/// afterwards. The full pipeline runs on the copy with the very code and SQL of a real run, so it meets the same
/// errors; nothing is moved, nothing exported, and the record goes to `<output>/dry-runs/<timestamp>/`.
public struct NightlyJob {
    public let configuration: BPVConfiguration
    public var dryRun = false
    /// Opens the store at a path (the CLI's one place that chooses the store).
    let openStore: (String) throws -> any Store

    public init(configuration: BPVConfiguration, dryRun: Bool = false, openStore: @escaping (String) throws -> any Store) {
        self.configuration = configuration
        self.dryRun = dryRun
        self.openStore = openStore
    }

    /// Takes the lock (throws ``RunLock/AlreadyRunning`` when another run holds it), runs, writes the metrics
    /// (a real run's, also when it failed), releases the lock.
    public func run(at clock: Date = Date()) throws -> NightlyRun.Summary {
        let lock = try RunLock(path: configuration.lockFile, now: clock)
        defer { lock.release() }
        try FaultPoints.reach("job.locked")
        let started = Date()
        do {
            let summary = try dryRun ? runOnCopy(clock) : runOnStore(configuration.database, clock)
            if !dryRun { try writeMetrics(summary, status: summary.exitStatus, started: started) }
            return summary
        } catch {
            if !dryRun { try? writeMetrics(NightlyRun.Summary(), status: .error, started: started) }
            throw error
        }
    }

    private func runOnStore(_ database: String, _ clock: Date) throws -> NightlyRun.Summary {
        var run = NightlyRun(configuration: configuration, store: try openStore(database))
        run.dryRun = dryRun
        run.moveFiles = true
        return try run.run(at: clock)
    }

    private func runOnCopy(_ clock: Date) throws -> NightlyRun.Summary {
        let scratch = URL(fileURLWithPath: configuration.output).appendingPathComponent("dry-runs")
            .appendingPathComponent(".store-\(getpid())")
        try? FileManager.default.removeItem(at: scratch)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o750])
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = scratch.appendingPathComponent(URL(fileURLWithPath: configuration.database).lastPathComponent).path
        for suffix in ["", "-journal"] where FileManager.default.fileExists(atPath: configuration.database + suffix) {
            let data = try Data(contentsOf: URL(fileURLWithPath: configuration.database + suffix))
            try OutputFile.save(data, to: copy + suffix)
        }
        return try runOnStore(copy, clock)
    }

    private func writeMetrics(_ summary: NightlyRun.Summary, status: ExitStatus, started: Date) throws {
        guard let path = configuration.nightly.metricsFile else { return }
        let finished = Date()
        try FaultPoints.reach("metrics.write")
        try RunMetrics(summary: summary, finishedAt: finished, durationSeconds: finished.timeIntervalSince(started),
                       exitStatus: status, previousLastSuccess: RunMetrics.lastSuccess(inFile: path)).write(to: path)
    }
}
