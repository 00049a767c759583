/// A day relative to an entry's start date, as `assigned_day` may give it: the words `previous`, `current` and
/// `next` (any case), or a whole-day offset with or without a sign (`-2`, `0`, `+1`, `3`; at most three digits, so
/// that no date written as digits reads as one).
enum DayOffset {
    /// The offset in days, or `nil` when the text is neither a word nor an offset.
    static func days(_ bytes: UnsafeRawBufferPointer) -> Int? {
        func word(_ w: String) -> Bool {
            bytes.count == w.utf8.count && zip(bytes, w.utf8).allSatisfy { $0 | 0x20 == $1 }
        }
        if word("previous") { return -1 }
        if word("current") { return 0 }
        if word("next") { return 1 }
        var digits = bytes[...]
        var sign = 1
        if let first = digits.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            digits = digits.dropFirst()
        }
        guard (1...3).contains(digits.count), digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return sign * digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// ``days(_:)`` of a string (a constant in the mapping file).
    static func days(_ text: String) -> Int? {
        Array(text.utf8).withUnsafeBytes { days($0) }
    }

    /// What a reject or a mapping error says is expected.
    static let expected = "previous, current, next, a whole-day offset such as -1 or +2"
}
