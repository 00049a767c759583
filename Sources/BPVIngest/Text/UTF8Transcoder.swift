/// Converts a stream of bytes in a ``TextEncoding`` to UTF-8, chunk by chunk, in constant memory.
///
/// Characters that the source encoding does not define (the five holes of Windows-1252, unpaired UTF-16
/// surrogates) become U+FFFD, which the mapping layer rejects as "invalid bytes for the declared encoding".
/// UTF-8 input passes through untouched (it is validated per field, where a value is used).
public struct UTF8Transcoder: Sendable {
    public let encoding: TextEncoding
    /// A byte carried over between chunks (UTF-16: an odd byte; a high surrogate waiting for its pair).
    private var pendingByte: UInt8?
    private var pendingHighSurrogate: UInt16?

    public init(encoding: TextEncoding) {
        self.encoding = encoding
    }

    /// Whether `transcode` must be called at all (UTF-8 needs no conversion).
    public var isIdentity: Bool { encoding == .utf8 }

    /// Appends the UTF-8 form of `input` to `output`.
    public mutating func transcode(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        switch encoding {
        case .utf8:
            output.append(contentsOf: input)
        case .iso88591, .windows1252:
            transcodeSingleByte(input, into: &output, table: encoding == .windows1252 ? Self.cp1252High : nil)
        case .utf16le, .utf16be:
            transcodeUTF16(input, bigEndian: encoding == .utf16be, into: &output)
        }
    }

    /// Flushes a character left incomplete at the end of the input (it becomes U+FFFD).
    public mutating func finish(into output: inout [UInt8]) {
        if pendingByte != nil || pendingHighSurrogate != nil { Self.appendScalar(0xFFFD, to: &output) }
        pendingByte = nil
        pendingHighSurrogate = nil
    }

    private func transcodeSingleByte(_ input: UnsafeRawBufferPointer, into output: inout [UInt8], table: [UInt16]?) {
        output.reserveCapacity(output.count + input.count + input.count / 8)
        let n = input.count
        var i = 0
        while i < n {
            // Copy runs of ASCII (the bulk of any export) in one go, eight bytes at a time.
            var j = i
            while j + 8 <= n && input.loadUnaligned(fromByteOffset: j, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { j += 8 }
            while j < n && input[j] < 0x80 { j += 1 }
            if j > i { output.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[i..<j])) }
            guard j < n else { break }
            let b = input[j]
            if b >= 0xA0 || table == nil {
                output.append(0xC0 | (b >> 6))
                output.append(0x80 | (b & 0x3F))
            } else {
                Self.appendScalar(UInt32(table![Int(b) - 0x80]), to: &output)
            }
            i = j + 1
        }
    }

    private mutating func transcodeUTF16(_ input: UnsafeRawBufferPointer, bigEndian: Bool, into output: inout [UInt8]) {
        var i = 0
        let n = input.count
        output.reserveCapacity(output.count + n)
        func unit(_ a: UInt8, _ b: UInt8) -> UInt16 {
            bigEndian ? UInt16(a) << 8 | UInt16(b) : UInt16(b) << 8 | UInt16(a)
        }
        while i < n || pendingByte != nil {
            let u: UInt16
            if let first = pendingByte {
                guard i < n else { break }
                u = unit(first, input[i]); i += 1; pendingByte = nil
            } else if i + 1 < n {
                u = unit(input[i], input[i + 1]); i += 2
            } else {
                pendingByte = input[i]; i += 1; break
            }
            if let high = pendingHighSurrogate {
                pendingHighSurrogate = nil
                if (0xDC00...0xDFFF).contains(u) {
                    let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(u) - 0xDC00)
                    Self.appendScalar(scalar, to: &output)
                    continue
                }
                Self.appendScalar(0xFFFD, to: &output)
            }
            switch u {
            case 0xD800...0xDBFF: pendingHighSurrogate = u
            case 0xDC00...0xDFFF: Self.appendScalar(0xFFFD, to: &output)
            default: Self.appendScalar(UInt32(u), to: &output)
            }
        }
    }

    static func appendScalar(_ s: UInt32, to out: inout [UInt8]) {
        switch s {
        case 0..<0x80: out.append(UInt8(s))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (s >> 6))); out.append(UInt8(0x80 | (s & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (s >> 12))); out.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (s & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (s >> 18))); out.append(UInt8(0x80 | ((s >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((s >> 6) & 0x3F))); out.append(UInt8(0x80 | (s & 0x3F)))
        }
    }

    /// Windows-1252 0x80...0x9F; the five undefined bytes map to U+FFFD.
    static let cp1252High: [UInt16] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
