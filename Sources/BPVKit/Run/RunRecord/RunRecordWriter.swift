import BPVStore
import Foundation

/// Writes a run record: a folder of its own under `<output>/runs/` (a dry run's under `<output>/dry-runs/`), named
/// after the run's clock (`2026-11-02T183658`), and a list of artifacts in it, each whole or not at all with mode
/// 0640 (``OutputFile``). The folder is made when the run begins; the artifacts are written when it ends,
/// `run.json` last.
/// Which artifacts make up the record is ``NightlyRun/runRecord(of:run:)``'s business, not the writer's.
struct RunRecordWriter {
    /// `<output>/runs` (`<output>/dry-runs`).
    let runs: URL

    init(output: String, dryRun: Bool = false) {
        runs = URL(fileURLWithPath: output).appendingPathComponent(dryRun ? "dry-runs" : "runs")
    }

    /// Writes `list` into `folder` in the order given (a fault point before each).
    static func write(into folder: URL, _ list: [any Artifact]) throws -> [WrittenFile] {
        for artifact in list {
            try FaultPoints.reach("record.artifact")
            try OutputFile.save(try artifact.render(), to: folder.appendingPathComponent(artifact.fileName).path)
        }
        return list.map(WrittenFile.init)
    }

    /// A new folder for the run, mode 0750, and its name. Two runs within one second get folders of their own
    /// (`...T183658`, `...T183658-2`): a run never overwrites another run's record.
    func makeFolder(at clock: Date) throws -> (URL, String) {
        try FileManager.default.createDirectory(at: runs, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o750])
        var stamp = Self.stamp(clock)
        var folder = runs.appendingPathComponent(stamp)
        var attempt = 1
        while mkdir(folder.path, 0o750) != 0 {
            guard errno == EEXIST, attempt < 100 else {
                throw StoreError("cannot create the run folder \(folder.path): \(String(cString: strerror(errno)))")
            }
            attempt += 1
            stamp = Self.stamp(clock) + "-\(attempt)"
            folder = runs.appendingPathComponent(stamp)
        }
        return (folder, stamp)
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy-MM-dd'T'HHmmss"
        return formatter.string(from: date)
    }
}
