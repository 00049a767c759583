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
