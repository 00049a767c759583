/// Settings of the accreditation rule; both are design choices, so both are configurable.
public struct AccreditationPolicy: Sendable, Equatable {
    /// Whether an erkenning for a successor crebo (`wordt vervangen door`) covers a placement on the replaced
    /// crebo. Off by default: SBB accredits per crebo, and a silent match would hide a missing erkenning.
    public var successorErkenningCovers: Bool
    /// Coverage that ends within this many days of the reference date (and before the POK ends) is "expiring".
    public var expiringWithinDays: Int

    public init(successorErkenningCovers: Bool = false, expiringWithinDays: Int = 90) {
        self.successorErkenningCovers = successorErkenningCovers
        self.expiringWithinDays = expiringWithinDays
    }
}

/// What to check: a leerbedrijf, a crebo and the days of a placement (a POK, or a single date for a pair).
public struct AccreditationQuery: Hashable, Sendable {
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

    public init(_ pok: POK) {
        self.init(leerbedrijfID: pok.leerbedrijfID, crebo: pok.crebo, begin: pok.begin, end: pok.end, leerweg: pok.leerweg)
    }
}

/// An erkenning that an earlier list had and a later one no longer has: it proves coverage up to the day its
/// last list was retrieved, and not after the first list without it.
public struct WithdrawnErkenning: Hashable, Sendable {
    public var erkenning: Erkenning
    /// Retrieval date of the last list that had it.
    public var lastSeen: CalendarDate
    /// Retrieval date of the first list without it.
    public var absentFrom: CalendarDate

    public init(erkenning: Erkenning, lastSeen: CalendarDate, absentFrom: CalendarDate) {
        self.erkenning = erkenning
        self.lastSeen = lastSeen
        self.absentFrom = absentFrom
    }

    /// The days it is known to have covered.
    public var provenRange: DateRange? {
        let end = erkenning.end.map { min($0, lastSeen) } ?? lastSeen
        return erkenning.start <= end ? DateRange(start: erkenning.start, end: end) : nil
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
public struct AccreditationResult: Hashable, Sendable {
    public enum Status: String, CaseIterable, Sendable, Codable {
        /// Accredited on every checked day, and on until the placement ends.
        case covered
        /// Accredited so far, but the coverage ends within the window and before the placement ends.
        case expiring
        /// Accredited so far; the coverage ends before the placement does, beyond the window.
        case endsDuringPlacement = "ends_during_pok"
        /// Some checked days are not covered (see ``AccreditationResult/notCoveredSince`` and the gaps).
        case notCovered = "not_covered"
        /// No erkenning at all for this leerbedrijf and crebo.
        case noErkenning = "no_erkenning"
    }

    public var query: AccreditationQuery
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

/// Is a leerbedrijf accredited for a crebo on every day of a placement? The triple (leerbedrijf-ID, crebo,
/// date) decides; "the company is erkend" is not enough. Pure: the caller passes the leerbedrijf's erkenningen
/// from the latest lists (ids resolved through aliases), the withdrawn ones, and the crebo register.
public enum AccreditationRule {
    public static func evaluate(_ query: AccreditationQuery, on referenceDate: CalendarDate, erkenningen: [Erkenning],
                                withdrawn: [WithdrawnErkenning] = [], register: CreboRegister,
                                policy: AccreditationPolicy = AccreditationPolicy()) -> AccreditationResult {
        let chain = register.successors(of: query.crebo, on: query.begin)
        let facts = creboFacts(query, chain: chain, register: register, on: referenceDate)
        let successorSet = Set(chain.all)
        var eligible: Set<String> = [query.crebo]
        if policy.successorErkenningCovers { eligible.formUnion(successorSet) }

        var notes: [String] = []
        let mine = erkenningen.filter { $0.leerbedrijfID == query.leerbedrijfID }
        var counted: [Erkenning] = []
        for e in mine where eligible.contains(e.crebo) {
            if let wanted = query.leerweg, let given = e.leerweg, !given.allows(wanted) {
                notes.append("erkenning \(e.crebo) \(e.period) is for \(given.label) only, the placement is \(wanted.label)")
                continue
            }
            counted.append(e)
        }
        counted.sort { ($0.crebo, $0.start.dayNumber) < ($1.crebo, $1.start.dayNumber) }
        let withdrawnHere = withdrawn.filter { $0.erkenning.leerbedrijfID == query.leerbedrijfID && eligible.contains($0.erkenning.crebo) }
        for w in withdrawnHere {
            notes.append("erkenning \(w.erkenning.crebo) \(w.erkenning.period) was withdrawn: listed on \(w.lastSeen), "
                         + "absent from the list of \(w.absentFrom)")
        }
        let uncounted = policy.successorErkenningCovers ? []
            : mine.filter { successorSet.contains($0.crebo) }.sorted { $0.start < $1.start }
        for e in uncounted {
            notes.append("an erkenning for successor crebo \(e.crebo) exists (\(e.period)); not counted for crebo "
                         + "\(query.crebo) (policy: successor erkenningen do not cover the replaced crebo)")
        }

        let coverage = counted.map(\.range) + withdrawnHere.compactMap(\.provenRange)
        let horizon = referenceDate < query.begin ? query.begin : min(query.end, referenceDate)
        let checked = DateRange(start: query.begin, end: horizon)
        let gaps = checked.gaps(in: coverage)
        var result = AccreditationResult(
            query: query, status: .covered, referenceDate: referenceDate, checked: checked, notCoveredSince: nil,
            gaps: gaps, coverageEnds: nil, daysLeft: nil, erkenningen: counted,
            countedSuccessors: Array(Set(counted.map(\.crebo)).subtracting([query.crebo])).sorted(),
            uncountedSuccessorErkenningen: uncounted, withdrawn: withdrawnHere, crebo: facts, notes: notes)
        if !result.countedSuccessors.isEmpty {
            result.notes.append("erkenningen for successor crebo(s) \(result.countedSuccessors.joined(separator: ", ")) "
                                + "counted for crebo \(query.crebo) (policy: successor erkenningen cover the replaced crebo)")
        }
        if let first = gaps.first {
            result.status = coverage.isEmpty ? .noErkenning : .notCovered
            result.notCoveredSince = first.start
            return result
        }
        let run = DateRange.union(coverage).first { $0.contains(horizon) }
        guard let end = run?.end, end < query.end else { return result }
        result.coverageEnds = end
        result.daysLeft = end.dayNumber - referenceDate.dayNumber
        result.status = result.daysLeft! <= policy.expiringWithinDays ? .expiring : .endsDuringPlacement
        return result
    }

    static func creboFacts(_ query: AccreditationQuery, chain: SuccessorChain, register: CreboRegister,
                           on referenceDate: CalendarDate) -> CreboFacts {
        let k = register.lookup(query.crebo, on: query.begin)
        return CreboFacts(
            crebo: query.crebo, known: register.isEmpty ? nil : k != nil, name: k?.name,
            eindeInstroom: k?.eindeInstroom, eindeOpleiding: k?.eindeOpleiding, successors: chain,
            endsBeforePlacement: k?.eindeOpleiding.map { $0 < query.end } ?? false,
            beganAfterEindeInstroom: k?.eindeInstroom.map { query.begin > $0 } ?? false,
            endedOnReferenceDate: k?.eindeOpleiding.map { $0 < referenceDate } ?? false)
    }
}
