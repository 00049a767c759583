import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the files of a run record: whole or not at all, and readable by the owner and its group only.
///
/// The bytes go to a new temporary file in the same folder (`.<name>.<random>.tmp`, created with `O_EXCL`), which
/// is given mode `0640` with `fchmod` (whatever the process's umask made of the mode `open` asked for), flushed to
/// disk, and renamed over `path`. A reader of the folder sees the old file or the new one, never half a file; a
/// write that fails removes the temporary file and leaves `path` as it was.
enum OutputFile {
    /// The mode of every file BPVKit writes for people: the owner reads and writes, its group reads.
    static let mode: mode_t = 0o640

    /// Writes `data` to `path` atomically with mode ``mode`` (or `mode`, for a file without personal data that
    /// another user's process reads, such as the metrics textfile). `beforeRename` runs once the temporary file is
    /// written and flushed (tests interrupt the write there). `durable: false` skips the flush to disk before the
    /// rename (still whole or not at all for readers; after a power cut the file may be empty): for files that can
    /// be written again from what is kept durably, such as a report's pages.
    static func save(_ data: Data, to path: String, mode: mode_t = OutputFile.mode, durable: Bool = true,
                     beforeRename: () throws -> Void = {}) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = (folder as NSString).appendingPathComponent(
            ".\(url.lastPathComponent).\(UInt64.random(in: 0...UInt64.max)).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw OutputFileError(path: path, step: "cannot create \(temporary)", errno: errno) }
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        do {
            guard fchmod(fd, mode) == 0 else { throw OutputFileError(path: path, step: "cannot set its mode", errno: errno) }
            try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < bytes.count {
                    let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw OutputFileError(path: path, step: "cannot write it", errno: errno)
                    }
                    offset += written
                }
            }
            guard !durable || fsync(fd) == 0 else { throw OutputFileError(path: path, step: "cannot flush it", errno: errno) }
            closed = true
            guard close(fd) == 0 else { throw OutputFileError(path: path, step: "cannot close it", errno: errno) }
            try beforeRename()
            guard rename(temporary, path) == 0 else {
                throw OutputFileError(path: path, step: "cannot rename \(temporary) to it", errno: errno)
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}

/// A run-record file that could not be written.
public struct OutputFileError: Error, CustomStringConvertible {
    /// The file that was to be written.
    public var path: String
    /// `path: what failed: the system's reason`.
    public var description: String

    init(path: String, step: String, errno code: Int32) {
        self.path = path
        description = "\(path): \(step): \(String(cString: strerror(code)))"
    }
}
