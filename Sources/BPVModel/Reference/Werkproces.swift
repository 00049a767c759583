/// The part of a kwalificatiedossier a kerntaak belongs to: the basisdeel (`B`, shared by every qualification of
/// the dossier) or a profieldeel (`P`, one qualification's own tasks).
public enum KwalificatiedossierPart: String, Hashable, Sendable, CaseIterable {
    case basis = "B"
    case profiel = "P"
}

/// A kerntaak's code: `B1-K1` (basisdeel 1, kerntaak 1) or `P3-K2` (profiel 3, kerntaak 2).
public struct KerntaakCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var part: KwalificatiedossierPart
    /// The basisdeel's or profiel's number (`3` in `P3-K1`).
    public var partNumber: Int
    /// The kerntaak's number within that part (`1` in `P3-K1`).
    public var number: Int

    public init(part: KwalificatiedossierPart, partNumber: Int, number: Int) {
        self.part = part
        self.partNumber = partNumber
        self.number = number
    }

    /// Reads `B1-K1`, `P3-K2` (case-insensitive; spaces and non-breaking spaces ignored). `nil` for anything else.
    public init?(_ text: String) {
        let pieces = KwalificatiedossierCodeParser.pieces(text)
        guard pieces.count == 2, let (part, n) = KwalificatiedossierCodeParser.part(pieces[0]),
              let k = KwalificatiedossierCodeParser.number(pieces[1], prefix: "K") else { return nil }
        self.init(part: part, partNumber: n, number: k)
    }

    /// The form codes take, for messages.
    public static let expectedForm = "a kerntaak code like B1-K1 (basisdeel) or P3-K1 (profieldeel): B or P with a number, -K with a number"

    public var description: String { "\(part.rawValue)\(partNumber)-K\(number)" }

    public static func < (a: KerntaakCode, b: KerntaakCode) -> Bool {
        (a.part == .basis ? 0 : 1, a.partNumber, a.number) < (b.part == .basis ? 0 : 1, b.partNumber, b.number)
    }
}

/// A werkproces's code: `B1-K1-W1`, `P3-K1-W2`: its kerntaak's code and its own number.
public struct WerkprocesCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var kerntaak: KerntaakCode
    public var number: Int

    public init(kerntaak: KerntaakCode, number: Int) {
        self.kerntaak = kerntaak
        self.number = number
    }

    /// Reads `B1-K1-W1`, `P3-K1-W2` (case-insensitive; spaces and non-breaking spaces ignored). `nil` for anything
    /// else (`B1-W1`, `X1-K1-W1`, `B1-K1-W`).
    public init?(_ text: String) {
        let pieces = KwalificatiedossierCodeParser.pieces(text)
        guard pieces.count == 3, let (part, n) = KwalificatiedossierCodeParser.part(pieces[0]),
              let k = KwalificatiedossierCodeParser.number(pieces[1], prefix: "K"),
              let w = KwalificatiedossierCodeParser.number(pieces[2], prefix: "W") else { return nil }
        self.init(kerntaak: KerntaakCode(part: part, partNumber: n, number: k), number: w)
    }

    public static let expectedForm = "a werkproces code like B1-K1-W1 (basisdeel) or P3-K1-W2 (profieldeel): "
        + "B or P with a number, -K with a number, -W with a number"

    public var description: String { "\(kerntaak)-W\(number)" }

    public static func < (a: WerkprocesCode, b: WerkprocesCode) -> Bool {
        (a.kerntaak, a.number) < (b.kerntaak, b.number)
    }
}

/// One werkproces of a kwalificatiedossier, with its kerntaak: what a student's bpv must cover. Basisdeel
/// werkprocessen belong to every qualification (crebo) of the dossier; profieldeel ones to the profile's crebo.
public struct Werkproces: Hashable, Sendable {
    /// The kwalificatiedossier's code (its own crebo, e.g. `23914`).
    public var dossier: String
    /// The kwalificatiedossier's title (`Podium- en evenemententechniek`), when the file gives it.
    public var dossierTitel: String?
    /// The profile's crebo for a profieldeel werkproces; `nil` for the basisdeel.
    public var crebo: String?
    public var code: WerkprocesCode
    public var titel: String
    public var kerntaakTitel: String?
    /// The record in the file.
    public var location: SourceLocation?

    public init(dossier: String, crebo: String?, code: WerkprocesCode, titel: String, kerntaakTitel: String?,
                dossierTitel: String? = nil, location: SourceLocation? = nil) {
        self.dossier = dossier
        self.dossierTitel = dossierTitel
        self.crebo = crebo
        self.code = code
        self.titel = titel
        self.kerntaakTitel = kerntaakTitel
        self.location = location
    }

    public var kerntaak: KerntaakCode { code.kerntaak }
}

/// The reading of `B1-K1-W1`-style codes, shared by ``KerntaakCode`` and ``WerkprocesCode``.
enum KwalificatiedossierCodeParser {
    /// The code's pieces between `-`, upper-cased, with spaces and non-breaking spaces removed.
    static func pieces(_ text: String) -> [Substring] {
        let cleaned = String(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{00A0}" }).uppercased()
        return cleaned.split(separator: "-", omittingEmptySubsequences: false)
    }

    /// `B1` / `P3` → the part and its number.
    static func part(_ piece: Substring) -> (KwalificatiedossierPart, Int)? {
        guard let first = piece.first, let part = KwalificatiedossierPart(rawValue: String(first)),
              let n = digits(piece.dropFirst()) else { return nil }
        return (part, n)
    }

    /// `K1` with prefix `K` → 1.
    static func number(_ piece: Substring, prefix: Character) -> Int? {
        guard piece.first == prefix else { return nil }
        return digits(piece.dropFirst())
    }

    /// 1 to 3 ASCII digits, at least 1.
    private static func digits(_ s: Substring) -> Int? {
        guard (1...3).contains(s.count), s.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(s), n >= 1 else { return nil }
        return n
    }
}
