import BPVModel

/// Which POK an hour entry belongs to (domain.md, "Hours: what counts"; the README documents it):
/// - the student's POK at the entry's leerbedrijf (the entry's own, else the sending employer's) whose period holds
///   the entry's day; with none holding it, that leerbedrijf's POK nearest to the day (the period rule then says
///   the day is outside it); with no POK at that leerbedrijf: `no_pok`;
/// - sent by an employer without a leerbedrijf (an uitzendbureau, a holding: the *contractpartner*), the student's
///   only POK running on that day; several running: `ambiguous_pok`; none running: the nearest (outside its period);
/// - an entry without a student: `unknown_employee`.
public struct POKAttributionRule: Rule {
    public static let id: RuleID = "hours.attribution"
    public static let title = "Each hour entry belongs to at most one POK"

    /// What to do with an uitzendbureau's entry while several of the student's POKs run (a per-employer
    /// setting, `pok_choice:` in bpv.yaml): not count it (`refuse`, the default: `ambiguous_pok`), or give it to the
    /// POK that began first or last.
    public enum Choice: String, Sendable, Equatable, CaseIterable {
        case refuse
        case earliestBegin = "earliest_begin"
        case latestBegin = "latest_begin"
    }

    public struct Input {
        public var entry: ReconcileEntry
        /// The student's current POKs.
        public var poks: [POK]
        public var choice: Choice
        public init(entry: ReconcileEntry, poks: [POK], choice: Choice = .refuse) {
            self.entry = entry
            self.poks = poks
            self.choice = choice
        }
    }

    /// The POK the entry belongs to (and its index in ``Input/poks``), or why it has none.
    public struct Attribution: RuleOutput {
        public var index: Int?
        public var pok: POK?
        public var reasons: [VerdictReason]
        public var findings: [Finding] { [] }
    }

    public let settings: NoSettings
    public init(settings: NoSettings) { self.settings = settings }

    public func evaluate(_ input: Input) -> Attribution {
        let entry = input.entry.entry
        guard let student = entry.studentNumber else {
            return Attribution(index: nil, pok: nil, reasons: [VerdictReason(.unknownEmployee, rule: Self.id,
                explanation: "no alias links \(entry.employerID)'s employee \(Excerpt.of(entry.employeeIdentity)) to a student")])
        }
        let day = entry.date
        if let leerbedrijf = input.entry.leerbedrijfID {
            let there = input.poks.indices.filter { input.poks[$0].leerbedrijfID == leerbedrijf }
            guard !there.isEmpty else {
                return Attribution(index: nil, pok: nil, reasons: [VerdictReason(.noPOK, rule: Self.id,
                    explanation: "student \(student) has no POK at leerbedrijf \(leerbedrijf)")])
            }
            if let running = there.filter({ input.poks[$0].range.contains(day) })
                .min(by: { input.poks[$0].begin < input.poks[$1].begin }) {
                return Attribution(index: running, pok: input.poks[running], reasons: [])
            }
            let near = Self.nearest(there, in: input.poks, to: day)
            return Attribution(index: near, pok: near.map { input.poks[$0] }, reasons: [])
        }
        guard !input.poks.isEmpty else {
            return Attribution(index: nil, pok: nil, reasons: [VerdictReason(.noPOK, rule: Self.id,
                explanation: "student \(student) has no POK")])
        }
        let running = input.poks.indices.filter { input.poks[$0].begin <= day && day <= input.poks[$0].lastDay }
        if running.count > 1 && input.choice != .refuse {
            let byBegin = running.sorted { input.poks[$0].begin < input.poks[$1].begin }
            let chosen = input.choice == .earliestBegin ? byBegin.first! : byBegin.last!
            return Attribution(index: chosen, pok: input.poks[chosen], reasons: [])
        }
        if running.count > 1 {
            return Attribution(index: nil, pok: nil, reasons: [VerdictReason(.ambiguousPOK, rule: Self.id,
                explanation: "\(entry.employerID) names no leerbedrijf and \(running.count) POKs of student \(student) "
                    + "run on \(day): " + running.map { input.poks[$0].leerbedrijfID }.joined(separator: ", "))])
        }
        let chosen = running.first ?? Self.nearest(Array(input.poks.indices), in: input.poks, to: day)
        return Attribution(index: chosen, pok: chosen.map { input.poks[$0] }, reasons: [])
    }

    /// Of the POKs at `candidates`, the one whose period lies nearest to `day` (the earlier on a tie).
    static func nearest(_ candidates: [Int], in poks: [POK], to day: CalendarDate) -> Int? {
        func distance(_ pok: POK) -> Int {
            day < pok.begin ? pok.begin.dayNumber - day.dayNumber : day > pok.end ? day.dayNumber - pok.end.dayNumber : 0
        }
        return candidates.min { (distance(poks[$0]), poks[$0].begin) < (distance(poks[$1]), poks[$1].begin) }
    }
}
