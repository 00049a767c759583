import BPVModel

/// What to check: a leerbedrijf, a crebo and the days of a placement (a POK, or a single date for a pair).
public struct ErkenningQuery: Hashable, Sendable {
    public var leerbedrijfID: String
    public var crebo: String
    public var begin: CalendarDate
    public var end: CalendarDate
    public var leerweg: Leerweg?

    public init(leerbedrijfID: String, crebo: String, begin: CalendarDate, end: CalendarDate, leerweg: Leerweg? = nil) {
        self.leerbedrijfID = leerbedrijfID
        self.crebo = crebo
        self.begin = begin
        self.end = end
        self.leerweg = leerweg
    }

    /// The POK's days: from its begin to its last day (its termination date when it ended early: an erkenning
    /// need not cover days the placement no longer has).
    public init(_ pok: POK) {
        self.init(leerbedrijfID: pok.leerbedrijfID, crebo: pok.crebo, begin: pok.begin, end: pok.lastDay, leerweg: pok.leerweg)
    }
}

/// What the crebo lists say about a placement's crebo.
public struct CreboFacts: Hashable, Sendable {
    public var crebo: String
    /// `nil` when no crebo list was imported; `false` when the lists do not have this crebo.
    public var known: Bool?
    public var name: String?
    public var eindeInstroom: CalendarDate?
    public var eindeOpleiding: CalendarDate?
    public var successors: SuccessorChain
    /// The qualification ends (einde opleiding) before the placement does.
    public var endsBeforePlacement: Bool
    /// The placement began after the last day of enrolment (einde instroom).
    public var beganAfterEindeInstroom: Bool
    /// Einde opleiding lies before the reference date.
    public var endedOnReferenceDate: Bool
}

/// The answer for one placement.
public struct ErkenningCoverage: Hashable, Sendable {
    public enum Status: String, CaseIterable, Sendable, Codable {
        /// Accredited on every checked day, and on until the placement ends.
        case covered
        /// Accredited so far, but the coverage ends within the window and before the placement ends.
        case expiring
        /// Accredited so far; the coverage ends before the placement does, beyond the window.
        case endsDuringPlacement = "ends_during_pok"
        /// Some checked days are not covered (see ``ErkenningCoverage/notCoveredSince`` and the gaps).
        case notCovered = "not_covered"
        /// No erkenning at all for this leerbedrijf and crebo.
        case noErkenning = "no_erkenning"
    }

    public var query: ErkenningQuery
    public var status: Status
    /// The reference date ("today", or `--on`).
    public var referenceDate: CalendarDate
    /// The days checked: from the begin to the reference date or the end, whichever is earlier (only the begin
    /// when the placement starts after the reference date).
    public var checked: DateRange
    /// The first checked day without coverage.
    public var notCoveredSince: CalendarDate?
    /// Every run of checked days without coverage.
    public var gaps: [DateRange]
    /// The last day of the coverage that holds on the last checked day (`nil`: open-ended, or not covered).
    public var coverageEnds: CalendarDate?
    /// Days from the reference date to ``coverageEnds``.
    public var daysLeft: Int?
    /// The erkenningen that were counted.
    public var erkenningen: [Erkenning]
    /// Successor crebos whose erkenningen were counted (policy on).
    public var countedSuccessors: [String]
    /// Erkenningen for successor crebos that exist but were not counted (policy off).
    public var uncountedSuccessorErkenningen: [Erkenning]
    /// Erkenningen of the crebo that earlier lists had and the latest does not.
    public var withdrawn: [WithdrawnErkenning]
    public var crebo: CreboFacts
    /// Further facts in words.
    public var notes: [String]

    /// Whether someone should look at this placement.
    public var needsAttention: Bool {
        status != .covered || crebo.endsBeforePlacement || crebo.beganAfterEindeInstroom || crebo.known == false
    }
}
