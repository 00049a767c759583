/// A leerweg: BOL (school-based, with internships) or BBL (work and learn). SBB lists give it per leerplaats,
/// the crebo list per qualification; `both` when a list says "BOL/BBL".
public enum Leerweg: String, CaseIterable, Sendable, Codable {
    case bol, bbl, both

    /// Whether an erkenning (or qualification) for `self` allows a placement in `other`.
    public func allows(_ other: Leerweg) -> Bool {
        self == .both || self == other
    }

    /// `BOL`, `BBL` or `BOL/BBL`.
    public var label: String {
        switch self {
        case .bol: return "BOL"
        case .bbl: return "BBL"
        case .both: return "BOL/BBL"
        }
    }
}

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

/// SBB's accreditation of one leerbedrijf for one crebo, with its own dates, as one list (snapshot) states it.
public struct Erkenning: Hashable, Sendable {
    /// The 9-digit leerbedrijf-ID; the legacy code as listed when no alias links it to an id.
    public var leerbedrijfID: String
    /// The identifier as the list wrote it when it differs from ``leerbedrijfID`` (a legacy code resolved by an
    /// alias).
    public var listedAs: String?
    public var crebo: String
    /// First day of the erkenning (inclusive).
    public var start: CalendarDate
    /// Last day of the erkenning (inclusive); `nil`: open-ended.
    public var end: CalendarDate?
    /// BOL, BBL or both, where the list gives it.
    public var leerweg: Leerweg?
    /// The list the erkenning comes from (its source name) and when that list was retrieved.
    public var listSource: String?
    public var retrievedOn: CalendarDate?
    /// The row in the list.
    public var location: SourceLocation?

    public init(leerbedrijfID: String, listedAs: String? = nil, crebo: String, start: CalendarDate,
                end: CalendarDate?, leerweg: Leerweg? = nil, listSource: String? = nil,
                retrievedOn: CalendarDate? = nil, location: SourceLocation? = nil) {
        self.leerbedrijfID = leerbedrijfID
        self.listedAs = listedAs
        self.crebo = crebo
        self.start = start
        self.end = end
        self.leerweg = leerweg
        self.listSource = listSource
        self.retrievedOn = retrievedOn
        self.location = location
    }

    /// The days it covers.
    public var range: DateRange { DateRange(start: start, end: end) }

    /// What identifies an erkenning within one list: leerbedrijf, crebo and start date.
    public var key: ErkenningKey { ErkenningKey(leerbedrijfID: leerbedrijfID, crebo: crebo, start: start) }

    /// `2021-06-01 – 2026-12-31` or `2021-06-01 – open`.
    public var period: String { range.description }
}

/// Leerbedrijf, crebo and start: two rows with the same key describe the same erkenning.
public struct ErkenningKey: Hashable, Sendable, Comparable {
    public var leerbedrijfID: String
    public var crebo: String
    public var start: CalendarDate

    public init(leerbedrijfID: String, crebo: String, start: CalendarDate) {
        self.leerbedrijfID = leerbedrijfID
        self.crebo = crebo
        self.start = start
    }

    public static func < (a: ErkenningKey, b: ErkenningKey) -> Bool {
        (a.leerbedrijfID, a.crebo, a.start.dayNumber) < (b.leerbedrijfID, b.crebo, b.start.dayNumber)
    }
}

/// A leerbedrijf and a crebo: what SBB accredits.
public struct LeerbedrijfCrebo: Hashable, Sendable, Comparable {
    public var leerbedrijfID: String
    public var crebo: String

    public init(leerbedrijfID: String, crebo: String) {
        self.leerbedrijfID = leerbedrijfID
        self.crebo = crebo
    }

    public static func < (a: LeerbedrijfCrebo, b: LeerbedrijfCrebo) -> Bool {
        (a.leerbedrijfID, a.crebo) < (b.leerbedrijfID, b.crebo)
    }
}
