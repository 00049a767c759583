import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The nightly run's lock: an advisory `flock(2)` on a lock file, held for the whole run.
///
/// The kernel releases a `flock` when its holder dies, however it dies (SIGKILL, a power cut ends every process),
/// so a stale lock cannot exist: the next run simply gets the lock. The file's content (`pid N since T`) is for
/// the message of a run that finds the lock taken, never for the decision. The file stays (removing it would let
/// two runs lock two different files of the same name).
public final class RunLock {
    /// Another process holds the lock.
    public struct AlreadyRunning: Error, CustomStringConvertible {
        /// What the lock file says of its holder (`pid 4711 since 2026-12-08T01:30:00Z`), when readable.
        public var holder: String
        public var lockFile: String
        public var description: String {
            "already running (\(holder.isEmpty ? "holder unknown" : holder)): another bpv run holds \(lockFile); "
                + "this run did nothing"
        }
    }

    public let path: String
    private var fd: Int32

    /// Takes the lock at `path` (created 0640 when missing) without waiting; throws ``AlreadyRunning`` when another
    /// process holds it, or a ``RunLockError`` when the file cannot be opened.
    public init(path: String, now: Date = Date()) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                                       attributes: [.posixPermissions: 0o750]) }
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard fd >= 0 else { throw RunLockError("\(path): cannot open the lock file: \(String(cString: strerror(errno)))") }
        // 0640 whatever the umask (open's mode is masked by it): the file names the running process.
        _ = fchmod(fd, 0o640)
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            let holder = Self.holder(fd)
            close(fd)
            if code == EWOULDBLOCK { throw AlreadyRunning(holder: holder, lockFile: path) }
            throw RunLockError("\(path): cannot lock: \(String(cString: strerror(code)))")
        }
        // Ours now: say who holds it.
        let text = "pid \(getpid()) since \(ISO8601DateFormatter().string(from: now))\n"
        ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    /// Releases the lock (also done by the kernel when the process ends).
    public func release() {
        guard fd >= 0 else { return }
        ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }

    private static func holder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 200)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return "" }
        return String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A lock file that cannot be used (its folder is missing and cannot be made, no permission).
public struct RunLockError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
