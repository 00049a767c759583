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
final class FileByteSource {
    let path: String
    private let fd: Int32
    private let buffer: UnsafeMutableRawBufferPointer
    private(set) var bytesRead = 0
    /// The size of a full chunk: a shorter first chunk is the whole file.
    var chunkSize: Int { buffer.count }

    init(path: String, chunkSize: Int = 1 << 19) throws(FileLevelError) {
        self.path = path
        fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw FileLevelError(file: path, message: "cannot open the file: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw FileLevelError(file: path, message: "is a folder, not a file")
        }
        buffer = .allocate(byteCount: chunkSize, alignment: 16)
    }

    deinit {
        close(fd)
        buffer.deallocate()
    }

    /// The next chunk, valid until the next call; empty at the end of the file.
    func next() throws(FileLevelError) -> UnsafeRawBufferPointer {
        while true {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw FileLevelError(file: path, message: "read error: \(String(cString: strerror(errno)))")
            }
            bytesRead += n
            return UnsafeRawBufferPointer(rebasing: buffer[0..<n])
        }
    }
}
