/// The text encodings employer exports arrive in. Everything is converted to UTF-8 before parsing.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case iso88591 = "iso-8859-1"
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"

    /// Detects the encoding of a file from its first bytes: a byte-order mark decides; else UTF-16 is recognised
    /// by zero bytes in every other position; else valid UTF-8 means UTF-8; else Windows-1252 (Dutch Excel).
    ///
    /// - Parameter prefix: the file's first bytes (64 KiB is plenty).
    /// - Parameter isWholeFile: whether `prefix` is the whole file (a truncated last character is then invalid).
    public static func detect(_ prefix: UnsafeRawBufferPointer, isWholeFile: Bool) -> TextEncoding {
        if let bom = ByteOrderMark.detect(prefix) { return bom.encoding }
        let sample = prefix.prefix(512)
        if sample.count >= 4 {
            var zeroOdd = 0, zeroEven = 0
            for (i, b) in sample.enumerated() where b == 0 { if i % 2 == 1 { zeroOdd += 1 } else { zeroEven += 1 } }
            if zeroOdd * 3 > sample.count { return .utf16le }
            if zeroEven * 3 > sample.count { return .utf16be }
        }
        return UTF8Validation.isValid(prefix, allowTruncatedEnd: !isWholeFile) ? .utf8 : .windows1252
    }
}

/// A byte-order mark at the start of a file.
public enum ByteOrderMark: Sendable {
    case utf8, utf16le, utf16be

    public var length: Int { self == .utf8 ? 3 : 2 }
    public var encoding: TextEncoding {
        switch self {
        case .utf8: return .utf8
        case .utf16le: return .utf16le
        case .utf16be: return .utf16be
        }
    }

    public static func detect(_ bytes: UnsafeRawBufferPointer) -> ByteOrderMark? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return .utf8 }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return .utf16le }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return .utf16be }
        return nil
    }
}

/// UTF-8 checks on raw bytes.
public enum UTF8Validation {
    /// Whether `bytes` is valid UTF-8. With `allowTruncatedEnd`, an incomplete sequence at the very end is
    /// accepted (the rest of it may be in the next chunk).
    public static func isValid(_ bytes: UnsafeRawBufferPointer, allowTruncatedEnd: Bool = false) -> Bool {
        firstInvalidOffset(bytes, allowTruncatedEnd: allowTruncatedEnd) == nil
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, or `nil`.
    public static func firstInvalidOffset(_ bytes: UnsafeRawBufferPointer, allowTruncatedEnd: Bool = false) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var minCont: UInt8 = 0x80, maxCont: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; minCont = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; maxCont = 0x9F
            case 0xF0: need = 3; minCont = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; maxCont = 0x8F
            default: return i
            }
            for k in 1...need {
                if i + k >= n { return allowTruncatedEnd ? nil : i }
                let c = bytes[i + k]
                let lo = k == 1 ? minCont : 0x80, hi = k == 1 ? maxCont : 0xBF
                if c < lo || c > hi { return i }
            }
            i += need + 1
        }
        return nil
    }
}
