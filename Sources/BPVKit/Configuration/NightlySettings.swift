import BPVModel
import Foundation

/// The nightly run's operation settings in bpv.yaml: what becomes of the input files, the lock, the metrics
/// textfile, the log and when findings change the exit code. Every key is optional.
///
/// ```yaml
/// files:
///   after_import: archive          # archive (move to archive/ or quarantine/) or keep (a read-only inbox)
///   archive: /srv/bpv/archive      # default: 'archive' beside the inbox
///   quarantine: /srv/bpv/quarantine  # default: 'quarantine' beside the inbox
///   settle_minutes: 2              # a file changed within the last N minutes is left for the next run
/// lock: /var/lib/bpv/bpv.lock      # default: the database's path + '.lock'
/// metrics: /var/lib/prometheus/node-exporter/bpv.prom   # a Prometheus textfile, written after every run
/// log:
///   format: text                   # text (readable lines) or json (one JSON object a line)
///   level: info                    # debug, info, warning, error
/// thresholds:
///   findings: error                # findings of this severity or above end the run with exit 3
/// ```
public struct NightlySettings: Sendable, Equatable {
    /// What happens to an input file once its import committed.
    public enum AfterImport: String, Sendable, CaseIterable {
        /// Imported or recognised files go to `archive/<date>/<feed>/`, failed ones to `quarantine/<date>/<feed>/`.
        case archive
        /// Files stay in the inbox (today's behaviour; for a read-only inbox): the fingerprint recognises them.
        case keep
    }

    /// How log lines look.
    public enum LogFormat: String, Sendable, CaseIterable {
        case text, json
    }

    public var afterImport: AfterImport = .archive
    /// The archive's top folder, resolved; `nil`: `archive` beside the inbox (``BPVConfiguration/archiveFolder``).
    public var archive: String?
    /// The quarantine's top folder, resolved; `nil`: `quarantine` beside the inbox.
    public var quarantine: String?
    /// A file modified less than this many minutes ago is left for the next run (it may still be being written).
    public var settleMinutes = 2
    /// The lock file (an advisory `flock` on it; it also holds the holder's pid and start); `nil`: the database's
    /// path + `.lock` (``BPVConfiguration/lockFile``).
    public var lockFile: String?
    /// The Prometheus textfile to write after every real run, if any.
    public var metricsFile: String?
    public var logFormat: LogFormat = .text
    public var logLevel: String = "info"
    /// Findings of this severity or above make the run end with exit 3; `nil`: findings never change the exit code.
    public var findingsThreshold: Finding.Severity?

    public init() {}

    struct File: Decodable {
        struct Files: Decodable {
            var after_import: String?
            var archive: String?
            var quarantine: String?
            var settle_minutes: Int?
        }
        struct Log: Decodable {
            var format: String?
            var level: String?
        }
        struct Thresholds: Decodable {
            var findings: String?
        }
    }

    static let filesKeys = ["after_import", "archive", "quarantine", "settle_minutes"]
    static let logKeys = ["format", "level"]
    static let thresholdKeys = ["findings"]
    static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// Reads the sections; errors name their place in `yaml`.
    mutating func read(files: File.Files?, lock: String?, metrics: String?, log: File.Log?,
                       thresholds: File.Thresholds?, yaml: ConfigurationYAML, resolve: (String) -> String) throws {
        if let files {
            if let text = files.after_import {
                guard let value = AfterImport(rawValue: text) else {
                    throw yaml.error(at: [.key("files"), .key("after_import")],
                                     "files.after_import is archive or keep, not '\(text)'")
                }
                afterImport = value
            }
            if let path = files.archive { archive = resolve(path) }
            if let path = files.quarantine { quarantine = resolve(path) }
            if let minutes = files.settle_minutes {
                guard minutes >= 0 else {
                    throw yaml.error(at: [.key("files"), .key("settle_minutes")],
                                     "files.settle_minutes is a number of minutes, 0 or more, not \(minutes)")
                }
                settleMinutes = minutes
            }
        }
        if let lock { lockFile = resolve(lock) }
        if let metrics { metricsFile = resolve(metrics) }
        if let log {
            if let text = log.format {
                guard let format = LogFormat(rawValue: text) else {
                    throw yaml.error(at: [.key("log"), .key("format")], "log.format is text or json, not '\(text)'")
                }
                logFormat = format
            }
            if let level = log.level {
                guard Self.logLevels.contains(level) else {
                    throw yaml.error(at: [.key("log"), .key("level")],
                                     "log.level is one of \(Self.logLevels.joined(separator: ", ")), not '\(level)'")
                }
                logLevel = level
            }
        }
        if let text = thresholds?.findings {
            guard let severity = Finding.Severity(rawValue: text) else {
                throw yaml.error(at: [.key("thresholds"), .key("findings")],
                                 "thresholds.findings is info, warning or error, not '\(text)'")
            }
            findingsThreshold = severity
        }
    }
}

extension BPVConfiguration {
    /// The archive's top folder: `files.archive`, else `archive` beside the inbox.
    public var archiveFolder: String {
        nightly.archive ?? URL(fileURLWithPath: inbox).deletingLastPathComponent().appendingPathComponent("archive").path
    }

    /// The quarantine's top folder: `files.quarantine`, else `quarantine` beside the inbox.
    public var quarantineFolder: String {
        nightly.quarantine
            ?? URL(fileURLWithPath: inbox).deletingLastPathComponent().appendingPathComponent("quarantine").path
    }

    /// The run lock's file: `lock`, else the database's path + `.lock`.
    public var lockFile: String { nightly.lockFile ?? database + ".lock" }
}
