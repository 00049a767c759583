/// Normalisation of the identifiers that travel between systems: they are text, never numbers.
public enum Identifier {
    /// Trims spaces, tabs, line breaks and non-breaking spaces (U+00A0, U+202F) at both ends, and removes
    /// non-breaking spaces inside (spreadsheets insert them into codes).
    public static func clean(_ text: String) -> String {
        let nbsp: Set<Character> = ["\u{00A0}", "\u{202F}", "\u{2007}"]
        let inner = text.filter { !nbsp.contains($0) }
        return inner.trimmingWhitespace()
    }

    /// A leerbedrijf-ID: SBB's 9-digit number as text. Numeric ids (digit groups separated by spaces count) of up
    /// to 10 digits are zero-padded or stripped of leading zeros to 9 digits; other text (the 17-character legacy
    /// codes) is kept cleaned. Returns `nil` for an empty value or a numeric id that cannot be 9 digits.
    public static func leerbedrijfID(_ text: String) -> String? {
        let id = clean(text)
        guard !id.isEmpty else { return nil }
        let compact = id.filter { $0 != " " }
        guard compact.allSatisfy({ $0.isASCII && $0.isNumber }) else { return id }
        var digits = Substring(compact)
        while digits.count > 9, digits.first == "0" { digits = digits.dropFirst() }
        guard digits.count <= 9 else { return nil }
        return String(repeating: "0", count: 9 - digits.count) + digits
    }

    /// A crebo: 5 digits as text, stray spaces removed. `nil` when it is not 5 digits.
    public static func crebo(_ text: String) -> String? {
        let code = clean(text).filter { $0 != " " }
        guard code.count == 5, code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return code
    }
}

extension String {
    /// The string without leading and trailing white space (spaces, tabs, line breaks, NBSP).
    public func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
