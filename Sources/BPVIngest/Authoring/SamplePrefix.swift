/// The first 64 KiB of a sample file: enough to tell text from binary, CSV from XML, and the encoding.
public struct SamplePrefix: Sendable {
    public static let size = 64 << 10

    /// The formats a draft can start from.
    public enum Format: Sendable, Equatable { case csv, xml }

    public let path: String
    public let bytes: [UInt8]
    /// Whether `bytes` is the whole file.
    public let isWholeFile: Bool

    /// Reads the start of `path`; throws for a file that cannot be read or is empty.
    public init(path: String) throws(FileLevelError) {
        self.path = path
        let source = try FileByteSource(path: path, chunkSize: Self.size)
        let chunk = try source.next()
        guard !chunk.isEmpty else {
            throw FileLevelError(file: path, message: "the file is empty (0 bytes): a draft needs a sample export "
                                 + "with a header and records")
        }
        bytes = Array(chunk)
        if chunk.count < Self.size {
            isWholeFile = true
        } else {
            isWholeFile = try source.next().isEmpty
        }
    }

    /// Whether the file is CSV or XML text. Throws for binary files (NUL or other control bytes in text that is not
    /// UTF-16), naming the first such byte and, for well-known containers, what the file probably is.
    public func format() throws(FileLevelError) -> Format {
        let encoding = withBytes { TextEncoding.detect($0, isWholeFile: isWholeFile) }
        let bom = withBytes { ByteOrderMark.detect($0) }
        let start = bom?.length ?? 0
        if encoding != .utf16le && encoding != .utf16be {
            let control = bytes[start...].indices.filter { i in
                let b = bytes[i]
                return b == 0 || (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1A) || b == 0x7F
            }
            if let first = control.first, bytes[first] == 0 || control.count * 100 > bytes.count - start {
                let byte = String(bytes[first], radix: 16, uppercase: true)
                throw FileLevelError(file: path, line: line(of: first), message: "not a text file: byte 0x"
                                     + (byte.count == 1 ? "0" + byte : byte) + " at offset \(first)"
                                     + (container.map { " (\($0))" } ?? "")
                                     + "; a draft needs a CSV export (text)")
            }
        }
        let text = lines(encoding: encoding).lazy.map { $0.drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" } }
        if let first = text.first(where: { !$0.isEmpty }), first.hasPrefix("<") { return .xml }
        return .csv
    }

    /// What a binary file probably is, from its first bytes.
    private var container: String? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return "it starts like a ZIP archive, such as an Excel .xlsx workbook: save it as CSV"
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "it starts like an old Excel .xls workbook: save it as CSV" }
        if bytes.starts(with: Array("%PDF".utf8)) { return "it is a PDF document" }
        return nil
    }

    func withBytes<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
        bytes.withUnsafeBytes(body)
    }

    /// The 1-based line of byte `offset`.
    func line(of offset: Int) -> Int {
        bytes[..<min(offset, bytes.count)].count { $0 == 0x0A } + 1
    }

    /// The word (up to a space, delimiter, quote or line break) around byte `offset`, decoded in `encoding`.
    func word(at offset: Int, as encoding: TextEncoding) -> String {
        let stops: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "|"),
                                 UInt8(ascii: "\"")]
        var lo = offset, hi = offset
        while lo > 0, offset - lo < 30, !stops.contains(bytes[lo - 1]) { lo -= 1 }
        while hi < bytes.count, hi - offset < 30, !stops.contains(bytes[hi]) { hi += 1 }
        return Self.decode(Array(bytes[lo..<hi]), encoding)
    }

    /// The prefix as text lines, split at LF as the CSV reader counts them (a CR before it removed; a last partial
    /// line included).
    func lines(encoding: TextEncoding) -> [String] {
        Self.utf8(bytes, encoding).split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }
    }

    private static func decode(_ bytes: [UInt8], _ encoding: TextEncoding) -> String {
        String(decoding: utf8(bytes, encoding), as: UTF8.self)
    }

    private static func utf8(_ bytes: [UInt8], _ encoding: TextEncoding) -> [UInt8] {
        var transcoder = UTF8Transcoder(encoding: encoding)
        guard !transcoder.isIdentity else { return bytes }
        var out: [UInt8] = []
        bytes.withUnsafeBytes { transcoder.transcode($0, into: &out) }
        transcoder.finish(into: &out)
        return out
    }
}
