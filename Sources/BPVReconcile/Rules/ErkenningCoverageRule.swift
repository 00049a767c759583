import BPVModel

extension RuleID {
    /// ``ErkenningCoverageRule``.
    public static let erkenningCoverage: RuleID = "erkenning.coverage"
}

/// Is a leerbedrijf accredited for a crebo on every day of a placement? The triple (leerbedrijf-ID, crebo,
/// date) decides; "the company is erkend" is not enough. Pure: the caller passes the leerbedrijf's erkenningen
/// from the latest lists (ids resolved through aliases), the withdrawn ones, and the crebo register.
///
/// Its answer is an ``ErkenningCoverage`` per placement (the rows of `bpv erkenning check` and `erkenning.csv`);
/// it raises no findings and judges no hour entries.
public struct ErkenningCoverageRule: Rule {
    public static let id = RuleID.erkenningCoverage
    public static let title = "Erkenning covers the placement"
    public static let findingIDs: [RuleID] = []

    /// One placement and what the lists say about it.
    public struct Input: Sendable {
        public var query: ErkenningQuery
        /// "Today", or `--on`.
        public var referenceDate: CalendarDate
        /// The erkenningen of the latest lists (any leerbedrijf: the rule takes the query's).
        public var erkenningen: [Erkenning]
        /// Erkenningen that earlier lists had and the latest do not.
        public var withdrawn: [WithdrawnErkenning]
        public var register: CreboRegister

        public init(query: ErkenningQuery, on referenceDate: CalendarDate, erkenningen: [Erkenning],
                    withdrawn: [WithdrawnErkenning] = [], register: CreboRegister) {
            self.query = query
            self.referenceDate = referenceDate
            self.erkenningen = erkenningen
            self.withdrawn = withdrawn
            self.register = register
        }
    }

    public let settings: ErkenningPolicy

    public init(settings: ErkenningPolicy = ErkenningPolicy()) {
        self.settings = settings
    }

    public func evaluate(_ input: Input) -> ErkenningCoverage {
        let query = input.query, referenceDate = input.referenceDate, register = input.register, policy = settings
        let chain = register.successors(of: query.crebo, on: query.begin)
        let facts = Self.creboFacts(query, chain: chain, register: register, on: referenceDate)
        let successorSet = Set(chain.all)
        var eligible: Set<String> = [query.crebo]
        if policy.successorErkenningCovers { eligible.formUnion(successorSet) }

        var notes: [String] = []
        let mine = input.erkenningen.filter { $0.leerbedrijfID == query.leerbedrijfID }
        var counted: [Erkenning] = []
        for e in mine where eligible.contains(e.crebo) {
            if let wanted = query.leerweg, let given = e.leerweg, !given.allows(wanted) {
                notes.append("erkenning \(e.crebo) \(e.period) is for \(given.label) only, the placement is \(wanted.label)")
                continue
            }
            counted.append(e)
        }
        counted.sort { ($0.crebo, $0.start.dayNumber) < ($1.crebo, $1.start.dayNumber) }
        let withdrawnHere = input.withdrawn.filter { $0.erkenning.leerbedrijfID == query.leerbedrijfID && eligible.contains($0.erkenning.crebo) }
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
        var result = ErkenningCoverage(
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

    private static func creboFacts(_ query: ErkenningQuery, chain: SuccessorChain, register: CreboRegister,
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

/// Settings of the accreditation rule (``ErkenningCoverageRule/settings``); both are design choices, so both are
/// configurable (`bpv.yaml`'s `reference:` section, `bpv erkenning check`'s options).
public struct ErkenningPolicy: Sendable, Equatable {
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

extension ErkenningCoverage: RuleOutput {
    /// None: the rule judges placements, not hour entries.
    public var reasons: [VerdictReason] { [] }
    /// None: the result itself is the answer (``needsAttention`` says whom to look at).
    public var findings: [Finding] { [] }
}
