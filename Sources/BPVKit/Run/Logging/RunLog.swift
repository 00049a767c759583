import Foundation
import Logging

/// The nightly run's log (swift-log): one front (`RunLog.logger`), one handler (``BPVLogHandler``) that the
/// executable chooses once (``bootstrap(format:level:)``). Lines go to standard error and, while a run is on, to
/// `<output>/logs/<run>.log`, beside its run record.
///
/// No personal data above debug: info, warning and error lines name steps, files, counts and outcomes, never a
/// student's name, birth date or identity; rejected values (which may hold them) are logged at debug only.
public enum RunLog {
    /// The run's logger.
    public static let logger = Logger(label: "bpv.run")

    /// The per-run log file, opened by the run when its folder exists.
    static let file = LogFileSink()

    /// Chooses ``BPVLogHandler`` for the process. Call once, from the executable, before the run.
    public static func bootstrap(format: NightlySettings.LogFormat, level: String) {
        let level = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = BPVLogHandler(label: label, format: format, sink: file, toStandardError: true)
            handler.logLevel = level
            return handler
        }
    }
}

/// Where log lines of a run go besides standard error: a file, opened and closed by the run.
final class LogFileSink: @unchecked Sendable {
    private let lock = NSLock()
    private var handle: FileHandle?

    /// Starts writing to `path` (created 0640).
    func open(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard fd >= 0 else { return }
        fchmod(fd, 0o640)
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    func close() {
        lock.lock(); defer { lock.unlock() }
        try? handle?.close()
        handle = nil
    }

    func write(_ line: String) {
        lock.lock(); defer { lock.unlock() }
        handle?.write(Data(line.utf8))
    }
}

/// One log line per event: readable text (`2026-12-08T02:00:01Z info step=hours: step begins`) or a JSON object
/// (`{"time":...,"level":"info","label":"bpv.run","message":"step begins","step":"hours"}`).
public struct BPVLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String
    let format: NightlySettings.LogFormat
    let sink: LogFileSink?
    let toStandardError: Bool
    /// Receives every formatted line (tests).
    var capture: (@Sendable (String) -> Void)?

    init(label: String, format: NightlySettings.LogFormat, sink: LogFileSink?, toStandardError: Bool,
         capture: (@Sendable (String) -> Void)? = nil) {
        self.label = label
        self.format = format
        self.sink = sink
        self.toStandardError = toStandardError
        self.capture = capture
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String,
                    file: String, function: String, line: UInt) {
        let all = metadata.merging(extra ?? [:]) { $1 }
        let text = Self.line(time: Date(), level: level, label: label, message: "\(message)", metadata: all,
                             format: format)
        if toStandardError { FileHandle.standardError.write(Data(text.utf8)) }
        sink?.write(text)
        capture?(text)
    }

    /// One formatted line, ending in a line feed.
    static func line(time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata,
                     format: NightlySettings.LogFormat) -> String {
        let stamp = ISO8601DateFormatter().string(from: time)
        switch format {
        case .text:
            let fields = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            return "\(stamp) \(level.rawValue) " + (fields.isEmpty ? "" : fields + ": ") + message + "\n"
        case .json:
            var object: [String: String] = ["time": stamp, "level": level.rawValue, "label": label, "message": message]
            for (key, value) in metadata where object[key] == nil { object[key] = "\(value)" }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }
}
