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
    private struct Slot {
        var hash: UInt64
        var bytes: [UInt8]
        var string: String
        var id: Int
    }
    private var slots: [Slot?]
    private var mask: Int
    private var stored = 0
    private let limit: Int

    init(limit: Int = 1 << 16) {
        self.limit = limit
        slots = Array(repeating: nil, count: 1024)
        mask = 1023
    }

    /// The string for `bytes` (UTF-8, invalid sequences repaired).
    @inline(__always) mutating func string(_ bytes: UnsafeRawBufferPointer) -> String { intern(bytes).string }

    /// The string for `bytes` and a small id for it (0, 1, 2, ... in order of first appearance; the same bytes
    /// always get the same id), for per-value caches. The id is -1 once the interner is full.
    mutating func intern(_ bytes: UnsafeRawBufferPointer) -> (string: String, id: Int) {
        let hash = Self.hash(bytes)
        var i = Int(truncatingIfNeeded: hash) & mask
        while let slot = slots[i] {
            if slot.hash == hash && slot.bytes.count == bytes.count &&
                (bytes.count == 0 || slot.bytes.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 })) {
                return (slot.string, slot.id)
            }
            i = (i + 1) & mask
        }
        let string = String(decoding: bytes, as: UTF8.self)
        guard stored < limit else { return (string, -1) }
        slots[i] = Slot(hash: hash, bytes: Array(bytes), string: string, id: stored)
        stored += 1
        if stored * 2 > slots.count { grow() }
        return (string, stored - 1)
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
        return h ^ (h >> 32)
    }

    private mutating func grow() {
        // (rehash every slot into a table twice the size)
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        mask = slots.count - 1
        for case let slot? in old {
            var i = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[i] != nil { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}
