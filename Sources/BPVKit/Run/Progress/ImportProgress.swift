import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Progress of a long import on a terminal: `reading export.csv: 12.0 of 40.0 MiB (30%), 4.1 MiB/s`, rewritten in
/// place on standard error every half second once a file has taken more than a second; silent when standard error
/// is not a terminal (cron, systemd, a pipe), so logs and mails never fill with it.
///
/// The readers are not touched: a watcher thread reads how far the process has read the file from Linux's
/// `/proc/self/fdinfo` (the `pos:` of the descriptor open on it). Where there is no `/proc`, it shows nothing.
public final class ImportProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var current: (path: String, size: Int, started: Date)?
    private var shown = false
    private let enabled: Bool
    private var thread: Thread?

    /// `enabled: nil` decides by whether standard error is a terminal.
    public init(enabled: Bool? = nil) {
        self.enabled = enabled ?? (isatty(STDERR_FILENO) == 1)
    }

    /// Watches `path` until ``finish()``.
    public func start(_ path: String) {
        guard enabled else { return }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        lock.lock()
        current = (path, size, Date())
        lock.unlock()
        if thread == nil {
            let thread = Thread { [weak self] in
                while let self, !Thread.current.isCancelled {
                    self.tick()
                    Thread.sleep(forTimeInterval: 0.5)
                }
            }
            self.thread = thread
            thread.start()
        }
    }

    /// The file is done: its line is cleared.
    public func finish() {
        guard enabled else { return }
        lock.lock()
        current = nil
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)); shown = false }
        lock.unlock()
    }

    deinit { thread?.cancel() }

    private func tick() {
        lock.lock(); defer { lock.unlock() }
        guard let current, Date().timeIntervalSince(current.started) > 1,
              let position = Self.position(of: current.path) else { return }
        let line = Self.line(name: (current.path as NSString).lastPathComponent, read: position, size: current.size,
                             seconds: Date().timeIntervalSince(current.started))
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
        shown = true
    }

    /// `reading NAME: 12.0 of 40.0 MiB (30%), 4.1 MiB/s`.
    static func line(name: String, read: Int, size: Int, seconds: Double) -> String {
        let mib = 1_048_576.0
        let percent = size > 0 ? min(100, read * 100 / size) : 0
        let rate = seconds > 0 ? Double(read) / mib / seconds : 0
        return String(format: "reading %@: %.1f of %.1f MiB (%d%%), %.1f MiB/s", name, Double(read) / mib,
                      Double(size) / mib, percent, rate)
    }

    /// How far this process has read `path`: the position of a descriptor open on it, from `/proc/self/fdinfo`.
    static func position(of path: String) -> Int? {
        guard let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return nil }
        for fd in descriptors {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)"),
                  target == path,
                  let info = try? String(contentsOfFile: "/proc/self/fdinfo/\(fd)", encoding: .utf8) else { continue }
            for line in info.split(separator: "\n") where line.hasPrefix("pos:") {
                return Int(line.dropFirst(4).trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }
}
