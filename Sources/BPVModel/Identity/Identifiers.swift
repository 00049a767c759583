/// Normalisation of the identifiers that travel between systems: they are text, never numbers.
public enum Identifier {
    /// Trims spaces, tabs, line breaks and non-breaking spaces (U+00A0, U+202F) at both ends, and removes
    /// non-breaking spaces inside (spreadsheets insert them into codes).
    public static func clean(_ text: String) -> String {
        let nbsp: Set<Character> = ["\u{00A0}", "\u{202F}", "\u{2007}"]
        let inner = text.filter { !nbsp.contains($0) }
        return inner.trimmingWhitespace()
    }

    /// The length of SBB's legacy leerbedrijf codes (BRIN kenniscentrum + postcode + huisnummer/volgnummer).
    public static let legacyLeerbedrijfCodeLength = 17

    /// A leerbedrijf as a file names it: SBB's 9-digit leerbedrijf-ID, or a 17-character legacy code.
    ///
    /// - Numeric text of 7 to 10 digits (spaces between digit groups ignored) becomes 9 digits: shorter ids are zero-padded, a 10-digit id loses its
    ///   leading zero (files pad or trim it). A 10-digit id without a leading zero cannot be 9 digits: `nil`.
    /// - 17 letters and digits (spaces inside ignored, letters upper-cased) are a legacy code, kept as text.
    /// - Anything else (fewer than 7 digits, letters mixed into a short id, other lengths) is `nil`.
    public static func leerbedrijf(_ text: String) -> LeerbedrijfReference? {
        let id = clean(text)
        guard !id.isEmpty else { return nil }
        let compact = id.filter { $0 != " " }  // digit groups ("7 700 012") and spaced legacy codes
        if compact.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard (7...10).contains(compact.count) else { return nil }
            var digits = Substring(compact)
            while digits.count > 9, digits.first == "0" { digits = digits.dropFirst() }
            guard digits.count <= 9 else { return nil }
            return .id(String(repeating: "0", count: 9 - digits.count) + digits)
        }
        guard compact.count == legacyLeerbedrijfCodeLength,
              compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        return .legacy(compact.uppercased())
    }

    /// A leerbedrijf-ID as text: the 9-digit id, or the legacy code (see ``leerbedrijf(_:)``); `nil` when the
    /// text is neither.
    public static func leerbedrijfID(_ text: String) -> String? {
        leerbedrijf(text)?.text
    }

    /// The lengths a studentnummer may have: the student-administration systems number students with digits
    /// only (Eduarte, Magister MBO: 6 to 8 digits); 5 to 10 leaves room for every school seen.
    public static let studentNumberLengths = 5...10

    /// A studentnummer: digits only, ``studentNumberLengths`` of them, stray spaces and non-breaking spaces
    /// removed. `nil` when the text is not one (an e-mail address, a name, `abc`).
    public static func studentNumber(_ text: String) -> String? {
        let number = clean(text)
        guard studentNumberLengths.contains(number.count), number.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return number
    }

    /// A crebo: 5 digits as text, stray spaces and non-breaking spaces removed. `nil` when it is not 5 digits.
    public static func crebo(_ text: String) -> String? {
        let code = clean(text).filter { $0 != " " }
        guard code.count == 5, code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return code
    }

    /// One or more crebos in one value (`25604`, `25604, 25605`, `25604/25605`), in the order written.
    /// `nil` when any part is not a crebo.
    public static func crebos(_ text: String) -> [String]? {
        let parts = clean(text).split(whereSeparator: { $0 == "," || $0 == "/" || $0 == ";" || $0 == "+" })
        var codes: [String] = []
        for part in parts {
            guard let code = crebo(String(part)) else { return nil }
            if !codes.contains(code) { codes.append(code) }
        }
        return codes.isEmpty ? nil : codes
    }
}

/// How a file names a leerbedrijf: SBB's 9-digit id, or a legacy 17-character code that an alias links to an id.
public enum LeerbedrijfReference: Hashable, Sendable {
    case id(String)
    case legacy(String)

    /// The normalised text (9 digits, or the upper-cased legacy code).
    public var text: String {
        switch self {
        case .id(let t), .legacy(let t): return t
        }
    }

    public var isLegacy: Bool {
        if case .legacy = self { return true }
        return false
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
