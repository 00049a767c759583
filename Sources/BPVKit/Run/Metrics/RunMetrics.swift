import BPVModel
import Foundation

/// The run's figures as a Prometheus textfile, for node_exporter's textfile collector: written after every real
/// run (a failed one too), atomically (a temporary file renamed over it, so the collector never reads half a
/// file), mode 0644 (node_exporter runs as its own user; the file holds counts, no personal data).
///
/// Every metric has its `# HELP` and `# TYPE` lines. `bpv_last_success_timestamp_seconds` survives failed runs:
/// a run that fails carries the previous file's value forward, so an alert on its age fires when nights fail.
public struct RunMetrics: Sendable {
    public var finishedAt: Date
    public var durationSeconds: Double
    public var exitStatus: Int32
    /// The last run that completed (exit 0, 3 or 4: it went through, whatever the files held), this one or an earlier one.
    public var lastSuccess: Date?
    /// Files per feed (employer id or list mapping) and outcome (`imported`, `already_imported`, `failed`...).
    public var files: [Label2: Int] = [:]
    /// Records stored per feed.
    public var records: [String: Int] = [:]
    /// Rejected records per feed.
    public var rejects: [String: Int] = [:]
    /// Findings per severity.
    public var findings: [String: Int] = [:]
    /// Files moved to the archive and to the quarantine.
    public var archived = 0
    public var quarantined = 0
    /// Export files written (the results stage's exports).
    public var exportsWritten = 0
    /// POKs per status.
    public var poks: [String: Int] = [:]

    /// A pair of label values.
    public struct Label2: Hashable, Sendable {
        public var feed: String
        public var outcome: String
    }

    public init(finishedAt: Date, durationSeconds: Double, exitStatus: Int32, lastSuccess: Date?) {
        self.finishedAt = finishedAt
        self.durationSeconds = durationSeconds
        self.exitStatus = exitStatus
        self.lastSuccess = lastSuccess
    }

    /// The figures of a run's summary.
    public init(summary: NightlyRun.Summary, finishedAt: Date, durationSeconds: Double, exitStatus: ExitStatus,
                previousLastSuccess: Date?) {
        let completed = [.success, .completedWithRejects, .fileFailed].contains(exitStatus)
        self.init(finishedAt: finishedAt, durationSeconds: durationSeconds, exitStatus: exitStatus.rawValue,
                  lastSuccess: completed ? finishedAt : previousLastSuccess)
        for result in summary.files {
            let feed = result.employerID ?? result.mappingName
            files[Label2(feed: feed, outcome: RunJSON.describe(result.outcome).0), default: 0] += 1
            records[feed, default: 0] += result.counts.entriesStored
            rejects[feed, default: 0] += result.counts.rejects
        }
        for severity in Finding.Severity.allCases { findings[severity.rawValue] = 0 }
        for finding in summary.findings { findings[finding.severity.rawValue, default: 0] += 1 }
        archived = summary.moves.filter { !$0.quarantined }.count
        quarantined = summary.moves.filter(\.quarantined).count
        exportsWritten = summary.exportsWritten
        for progress in summary.reconciliation?.progress ?? [] { poks[progress.status.rawValue, default: 0] += 1 }
    }

    /// The exposition format (text, version 0.0.4).
    public func render() -> String {
        var out = ""
        func metric(_ name: String, _ type: String, _ help: String, _ samples: [(labels: String, value: String)]) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for sample in samples { out += "\(name)\(sample.labels) \(sample.value)\n" }
        }
        func labelled(_ key: String, _ values: [String: Int]) -> [(labels: String, value: String)] {
            values.sorted { $0.key < $1.key }.map { ("{\(key)=\"\(Self.escape($0.key))\"}", "\($0.value)") }
        }
        metric("bpv_run_duration_seconds", "gauge", "How long the last nightly run took.",
               [("", String(format: "%.3f", durationSeconds))])
        metric("bpv_run_exit_code", "gauge", "The exit code of the last nightly run (0 ok, 3 rejects or findings, "
               + "4 a file failed, 1 run failed, 75 already running, 78 configuration error).", [("", "\(exitStatus)")])
        metric("bpv_run_finished_timestamp_seconds", "gauge", "When the last nightly run ended (Unix time).",
               [("", Self.seconds(finishedAt))])
        metric("bpv_last_success_timestamp_seconds", "gauge",
               "When a nightly run last completed (exit 0, 3 or 4), Unix time; 0 when none has.",
               [("", lastSuccess.map(Self.seconds) ?? "0")])
        metric("bpv_files", "gauge", "Input files of the last run, per feed and outcome.",
               files.sorted { ($0.key.feed, $0.key.outcome) < ($1.key.feed, $1.key.outcome) }.map {
                   ("{feed=\"\(Self.escape($0.key.feed))\",outcome=\"\(Self.escape($0.key.outcome))\"}", "\($0.value)")
               })
        metric("bpv_records_imported", "gauge", "Records stored by the last run, per feed.", labelled("feed", records))
        metric("bpv_rejects", "gauge", "Records rejected by the last run, per feed.", labelled("feed", rejects))
        metric("bpv_findings", "gauge", "Findings of the last run, per severity.", labelled("severity", findings))
        metric("bpv_files_moved", "gauge", "Input files the last run moved, to the archive or the quarantine.",
               [("{to=\"archive\"}", "\(archived)"), ("{to=\"quarantine\"}", "\(quarantined)")])
        metric("bpv_exports_written", "gauge", "Export files the last run wrote.", [("", "\(exportsWritten)")])
        metric("bpv_poks", "gauge", "POKs per status after the last run's reconciliation.", labelled("status", poks))
        return out
    }

    /// Writes the textfile atomically, mode 0644.
    public func write(to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try OutputFile.save(Data(render().utf8), to: path, mode: 0o644)
    }

    /// `bpv_last_success_timestamp_seconds` of an earlier textfile, when there is one with a value above 0.
    public static func lastSuccess(inFile path: String) -> Date? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("bpv_last_success_timestamp_seconds ") {
            if let value = Double(line.split(separator: " ").last ?? ""), value > 0 {
                return Date(timeIntervalSince1970: value)
            }
        }
        return nil
    }

    static func seconds(_ date: Date) -> String { String(format: "%.0f", date.timeIntervalSince1970) }

    /// A label value as the format wants it: backslash, double quote and line feed escaped.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
