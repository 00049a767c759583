import Crypto

/// A file's content identity: the SHA-256 of its bytes (hex) and its size, which recognise a file imported before.
/// SHA-256, not a fast unkeyed hash: two files with the same fingerprint and different hours must not be made on
/// purpose (with XXH64 they were, on the first try, and the second file was skipped as "nothing changed").
public struct FileContent: Sendable, Equatable {
    /// SHA-256 of the bytes, 64 lowercase hex digits.
    public var sha256: String
    public var size: Int
    /// The XXH64 fingerprint (16 hex digits) that stores made before SHA-256 kept: only to recognise files
    /// imported by an older BPVKit (see `Store.findImport`).
    public var legacyXXH64: String

    /// Reads the file at `path` once, in chunks, for both fingerprints. Only regular files are read (see
    /// ``FileByteSource``).
    public static func of(path: String) throws(FileLevelError) -> FileContent {
        let source = try FileByteSource(path: path)
        var sha = SHA256()
        var legacy = ContentFingerprint()
        while true {
            let chunk = try source.next()
            if chunk.isEmpty { break }
            sha.update(bufferPointer: chunk)
            legacy.update(chunk)
        }
        let hex = sha.finalize().map { byte in
            let digits = Array("0123456789abcdef".utf8)
            return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
        }.joined()
        return FileContent(sha256: hex, size: source.bytesRead, legacyXXH64: legacy.finish())
    }
}

/// XXH64 of a byte stream, fed in chunks: the fingerprint stores kept before ``FileContent``'s SHA-256. Not a
/// security hash: kept only so that files imported by an older BPVKit are still recognised.
public struct ContentFingerprint {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    private var v1 = p1 &+ p2, v2 = p2, v3: UInt64 = 0, v4: UInt64 = 0 &- p1
    private var tail: [UInt8] = []
    private var length: UInt64 = 0

    public init() {}

    @inline(__always) private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        var acc = acc &+ input &* p2
        acc = (acc << 31) | (acc >> 33)
        return acc &* p1
    }

    @inline(__always) private static func merge(_ acc: UInt64, _ value: UInt64) -> UInt64 {
        (acc ^ round(0, value)) &* p1 &+ p4
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        length += UInt64(bytes.count)
        var input = bytes
        if !tail.isEmpty {
            let take = min(32 - tail.count, input.count)
            tail.append(contentsOf: input.prefix(take))
            input = UnsafeRawBufferPointer(rebasing: input[take...])
            if tail.count < 32 { return }
            let stripe = tail
            stripe.withUnsafeBytes { consumeStripes($0) }
            tail.removeAll(keepingCapacity: true)
        }
        let whole = input.count & ~31
        consumeStripes(UnsafeRawBufferPointer(rebasing: input[0..<whole]))
        tail.append(contentsOf: input[whole...])
    }

    private mutating func consumeStripes(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        while i + 32 <= bytes.count {
            v1 = Self.round(v1, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian)
            v2 = Self.round(v2, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self).littleEndian)
            v3 = Self.round(v3, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self).littleEndian)
            v4 = Self.round(v4, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self).littleEndian)
            i += 32
        }
    }

    /// The fingerprint as 16 hex digits.
    public func finish() -> String {
        var h: UInt64
        if length >= 32 {
            h = ((v1 << 1) | (v1 >> 63)) &+ ((v2 << 7) | (v2 >> 57)) &+ ((v3 << 12) | (v3 >> 52)) &+ ((v4 << 18) | (v4 >> 46))
            h = Self.merge(h, v1); h = Self.merge(h, v2); h = Self.merge(h, v3); h = Self.merge(h, v4)
        } else {
            h = Self.p5
        }
        h = h &+ length
        tail.withUnsafeBytes { rest in
            var i = 0
            while i + 8 <= rest.count {
                h ^= Self.round(0, rest.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian)
                h = ((h << 27) | (h >> 37)) &* Self.p1 &+ Self.p4
                i += 8
            }
            if i + 4 <= rest.count {
                h ^= UInt64(rest.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian) &* Self.p1
                h = ((h << 23) | (h >> 41)) &* Self.p2 &+ Self.p3
                i += 4
            }
            while i < rest.count {
                h ^= UInt64(rest[i]) &* Self.p5
                h = ((h << 11) | (h >> 53)) &* Self.p1
                i += 1
            }
        }
        h ^= h >> 33; h = h &* Self.p2; h ^= h >> 29; h = h &* Self.p3; h ^= h >> 32
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
