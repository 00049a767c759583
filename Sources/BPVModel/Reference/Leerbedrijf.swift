/// A leerbedrijf as the checks need it: its 9-digit SBB id and a name for people. SBB's licence forbids caching its
/// register: addresses are read from the list (they help check a mapping) but not kept.
public struct Leerbedrijf: Hashable, Sendable {
    public var id: String
    public var name: String?

    public init(id: String, name: String?) {
        self.id = id
        self.name = name
    }
}

/// A legacy 17-character leerbedrijf code that stands for a 9-digit leerbedrijf-ID. Older SBB files and SIS
/// exports carry the legacy code; everything that looks a leerbedrijf up goes through these aliases.
public struct LeerbedrijfAlias: Hashable, Sendable {
    /// Where an alias was learned.
    public enum Origin: String, Sendable {
        /// A list row that carried both the id and the legacy code.
        case list
        /// Entered by hand (`bpv leerbedrijf alias`).
        case manual
    }

    /// The legacy code, normalised (upper case, no spaces).
    public var legacyCode: String
    public var leerbedrijfID: String
    public var origin: Origin

    public init(legacyCode: String, leerbedrijfID: String, origin: Origin) {
        self.legacyCode = legacyCode
        self.leerbedrijfID = leerbedrijfID
        self.origin = origin
    }
}
