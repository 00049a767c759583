/// A short, safe piece of input text for a message: what a file held, shown to a person without letting the file
/// write into the terminal, the run record or a log. Control characters are shown as escapes (`\n`, `\t`,
/// `\u{1B}`), and text longer than the limit is cut with `…` and its full length.
public enum Excerpt {
    /// Characters a message quotes of one value at most.
    public static let defaultLimit = 60

    /// `text` made safe to print, at most `limit` characters (plus the note on its length).
    public static func of(_ text: some StringProtocol, limit: Int = defaultLimit) -> String {
        var result = ""
        var count = 0
        var total = 0
        for character in text {
            total += 1
            guard count < limit else { continue }
            count += 1
            for scalar in character.unicodeScalars {
                switch scalar.value {
                case 0x0A: result += "\\n"
                case 0x0D: result += "\\r"
                case 0x09: result += "\\t"
                case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                    // C0/C1 controls, line separators and bidirectional overrides
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                default: result.unicodeScalars.append(scalar)
                }
            }
        }
        if total > limit { result += "… (\(total) characters)" }
        return result
    }

    /// Bytes as UTF-8 (invalid bytes repaired), made safe like ``of(_:limit:)``; `total` is the length of the
    /// whole value when `bytes` is only its start.
    public static func of(bytes: some Collection<UInt8>, total: Int? = nil, limit: Int = defaultLimit) -> String {
        let shown = of(String(decoding: bytes.prefix(limit * 4), as: UTF8.self), limit: limit)
        guard let total, total > bytes.count || shown.hasSuffix("characters)") else { return shown }
        let cut = shown.hasSuffix("characters)") ? String(shown[..<shown.lastIndex(of: "…")!]) : shown
        return cut + "… (\(total) bytes)"
    }

    /// Names for a message: each made safe and cut at `limit`, at most `count` of them, then how many more.
    public static func list(_ names: [String], count: Int = 12, limit: Int = 40) -> String {
        var shown = names.prefix(count).map { "\"\(of($0, limit: limit))\"" }
        if names.count > count { shown.append("and \(names.count - count) more") }
        return shown.joined(separator: ", ")
    }
}
