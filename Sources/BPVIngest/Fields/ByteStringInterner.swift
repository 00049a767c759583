#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns byte spans into `String`s once per distinct value: employee ids and hour-type codes repeat on every row,
/// so each distinct value is decoded once and shared afterwards, with a small id per value for per-value caches
/// (a code's category, say). Bounded: past `limit` distinct values it stops remembering new ones (the results are
/// still correct, only computed again).
struct ByteStringInterner {
    // Open addressing over flat tables (a table of structs holding an array and a string made every probe copy
    // and retain them): per slot the value's id (-1: empty) and hash; per id its bytes in `pool` and its string.
    private var slotIDs: [Int32]
    private var slotHashes: [UInt64]
    private var mask: Int
    private var strings: [String] = []
    private var keyStart: [Int] = []
    private var keyLength: [Int] = []
    private var pool: [UInt8] = []
    private let limit: Int

    init(limit: Int = 1 << 16) {
        self.limit = limit
        slotIDs = Array(repeating: -1, count: 1024)
        slotHashes = Array(repeating: 0, count: 1024)
        mask = 1023
    }

    /// The string for `bytes` (UTF-8, invalid sequences repaired).
    @inline(__always) mutating func string(_ bytes: UnsafeRawBufferPointer) -> String { intern(bytes).string }

    /// The string for `bytes` and a small id for it (0, 1, 2, ... in order of first appearance; the same bytes
    /// always get the same id), for per-value caches. The id is -1 once the interner is full.
    mutating func intern(_ bytes: UnsafeRawBufferPointer) -> (string: String, id: Int) {
        let hash = Self.hash(bytes)
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = Int(slotIDs[i])
            if id < 0 { break }
            if slotHashes[i] == hash && keyLength[id] == bytes.count && equalsKey(id, bytes) {
                return (strings[id], id)
            }
            i = (i + 1) & mask
        }
        let string = String(decoding: bytes, as: UTF8.self)
        guard strings.count < limit else { return (string, -1) }
        let id = strings.count
        slotIDs[i] = Int32(id)
        slotHashes[i] = hash
        strings.append(string)
        keyStart.append(pool.count)
        keyLength.append(bytes.count)
        pool.append(contentsOf: bytes)
        if strings.count * 2 > slotIDs.count { grow() }
        return (string, id)
    }

    /// Whether value `id` (any Int; -1 and unknown ids are never a value) has exactly these bytes.
    @inline(__always) func holds(_ id: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        id >= 0 && id < keyLength.count && keyLength[id] == bytes.count && equalsKey(id, bytes)
    }

    /// The string of value `id` (an id ``intern(_:)`` returned).
    @inline(__always) func value(_ id: Int) -> String { strings[id] }

    @inline(__always) private func equalsKey(_ id: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count > 0 else { return true }
        return pool.withUnsafeBytes { memcmp($0.baseAddress! + keyStart[id], bytes.baseAddress!, bytes.count) == 0 }
    }

    /// A quick hash, eight bytes at a time (values are short; collisions only cost a comparison).
    @inline(__always) static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        while i < bytes.count { h = (h ^ UInt64(bytes[i])) &* 0x100_0000_01b3; i += 1 }
        // Finish with a full mix, so that values differing only in their last bytes (TW-40001, TW-40002, ...)
        // spread over the table's low bits instead of probing long runs.
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        return h ^ (h >> 33)
    }

    private mutating func grow() {
        // Rehash every value into tables twice the size.
        let ids = slotIDs, hashes = slotHashes
        slotIDs = Array(repeating: -1, count: ids.count * 2)
        slotHashes = Array(repeating: 0, count: ids.count * 2)
        mask = slotIDs.count - 1
        for k in ids.indices where ids[k] >= 0 {
            var i = Int(truncatingIfNeeded: hashes[k]) & mask
            while slotIDs[i] >= 0 { i = (i + 1) & mask }
            slotIDs[i] = ids[k]
            slotHashes[i] = hashes[k]
        }
    }
}
