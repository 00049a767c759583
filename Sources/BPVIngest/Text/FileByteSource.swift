#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A problem with a whole file: it cannot be read, is empty, or is not what its mapping says. Nothing of the
/// file is stored; the run reports it and goes on with the next file.
public struct FileLevelError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return "\(location): \(message)"
    }
}

/// Reads a file in fixed-size chunks with POSIX `read`, into one reused buffer: constant memory for any size.
///
/// Only regular files are read: a FIFO, a device (`/dev/zero`), a socket or a folder is refused when opened (the
/// file is opened non-blocking, so a FIFO without a writer cannot hang the open), and reading stops at the size
/// the file had when it was opened, so a file that keeps growing cannot keep a run reading.
final class FileByteSource {
    let path: String
    private let fd: Int32
    private let buffer: UnsafeMutableRawBufferPointer
    private(set) var bytesRead = 0
    /// The file's size when it was opened: nothing past it is read.
    let size: Int
    /// The size of a full chunk: a shorter first chunk is the whole file.
    var chunkSize: Int { buffer.count }

    init(path: String, chunkSize: Int = 1 << 19) throws(FileLevelError) {
        self.path = path
        fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw FileLevelError(file: path, message: "cannot open the file: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw FileLevelError(file: path, message: "cannot read the file's status: \(reason)")
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            close(fd)
            throw FileLevelError(file: path, message: Self.notRegular(type))
        }
        // A regular file never blocks; back to ordinary reads.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        size = Int(info.st_size)
        buffer = .allocate(byteCount: chunkSize, alignment: 16)
    }

    /// Why a file of this type is not read.
    static func notRegular(_ type: mode_t) -> String {
        let what: String
        switch type {
        case S_IFDIR: return "is a folder, not a file"
        case S_IFIFO: what = "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: what = "a device"
        case S_IFSOCK: what = "a socket"
        default: what = "not a regular file"
        }
        return "is \(what), not a regular file: only regular files are read"
    }

    deinit {
        close(fd)
        buffer.deallocate()
    }

    /// The next chunk, valid until the next call; empty at the end of the file (or at its size when opened).
    func next() throws(FileLevelError) -> UnsafeRawBufferPointer {
        let wanted = min(buffer.count, size - bytesRead)
        guard wanted > 0 else { return UnsafeRawBufferPointer(rebasing: buffer[0..<0]) }
        while true {
            let n = read(fd, buffer.baseAddress, wanted)
            if n < 0 {
                if errno == EINTR { continue }
                throw FileLevelError(file: path, message: "read error: \(String(cString: strerror(errno)))")
            }
            bytesRead += n
            return UnsafeRawBufferPointer(rebasing: buffer[0..<n])
        }
    }
}
