import BPVModel

/// The settings of the hour verdicts and the POK progress (`rules:` in bpv.yaml).
public struct ReconcileSettings: Sendable, Equatable {
    public var categories = HourCategoryRule.Settings()
    public var approval = ApprovalRule.Settings()
    public var progress = POKProgressSettings()
    public var workingTime = WorkingTimeSettings()
    /// Per employer id: what its entries do while several POKs of the student run (see ``POKAttributionRule/Choice``).
    public var pokChoice: [String: POKAttributionRule.Choice] = [:]
    /// The programme rules (school days, theme weeks, lessons, Sundays).
    public var programmes = ProgrammeSettings()
    public init() {}
}

/// What became of one hour entry: the POK it belongs to (if any), its primary code and every reason that applies,
/// and the minutes it counts for (0 unless `counted`).
public struct EntryVerdict: Sendable, Hashable {
    public var entry: ReconcileEntry
    /// ``POK/key`` of the POK it belongs to.
    public var pokKey: String?
    public var primary: VerdictCode
    /// Every reason that applies, in ``VerdictCode/precedence`` order; empty when it counts.
    public var reasons: [VerdictReason]
    public var countedMinutes: Int
    public var counts: Bool { primary == .counted }
}

/// The outcome of one reconciliation: a verdict for every entry, the progress of every POK, and the findings.
public struct ReconcileResult: Sendable {
    public var referenceDate: CalendarDate
    public var verdicts: [EntryVerdict]
    public var progress: [POKProgress]
    public var findings: [Finding]

    public init(referenceDate: CalendarDate, verdicts: [EntryVerdict], progress: [POKProgress], findings: [Finding]) {
        self.referenceDate = referenceDate
        self.verdicts = verdicts
        self.progress = progress
        self.findings = findings
    }
}

/// Reconciles hours against POKs: attributes every active entry to at most one POK, gives it a verdict from the
/// verdict rules in ``VerdictCode/precedence`` order (every rule that applies is kept, the first is primary), and
/// adds up every POK's progress. Pure and deterministic: entries are judged in id order, POKs listed by key.
public struct HourReconciliation {
    public let settings: ReconcileSettings

    public init(settings: ReconcileSettings = ReconcileSettings()) {
        self.settings = settings
    }

    /// `input` is consumed: its entries are let go once every verdict (which holds its entry) is made, so that a
    /// caller that hands over its last copy does not keep them twice.
    public func run(_ input: consuming ReconcileInput) -> ReconcileResult {
        // Indices, not copies: the engine runs over millions of entries (BENCHMARKS.md).
        let pokKeys = input.poks.map(\.key)
        // Per student its POKs (indices and values, made once, not per entry); per POK its erkenning gaps.
        var poksOfStudent: [String: (indices: [Int], poks: [POK])] = [:]
        for (index, pok) in input.poks.enumerated() {
            poksOfStudent[pok.studentNumber, default: ([], [])].indices.append(index)
            poksOfStudent[pok.studentNumber]!.poks.append(pok)
        }
        let gapsOfPOK = pokKeys.map { input.erkenningGaps[$0] }
        let attribution = POKAttributionRule(), period = POKPeriodRule(), erkenning = ErkenningOnDateRule()
        let category = HourCategoryRule(settings: settings.categories)
        let approval = ApprovalRule(settings: settings.approval)
        var entries = input.entries.isSorted { $0.id < $1.id } ? input.entries : input.entries.sorted { $0.id < $1.id }
        input.entries = []
        var reasons = [[VerdictReason]](repeating: [], count: entries.count)
        var pokOf = [Int](repeating: -1, count: entries.count)
        var findings: [Finding] = []
        for (i, entry) in entries.enumerated() {
            let own = entry.entry.studentNumber.flatMap { poksOfStudent[$0] } ?? ([], [])
            let choice: POKAttributionRule.Choice = settings.pokChoice.isEmpty ? .refuse : settings.pokChoice[entry.entry.employerID] ?? .refuse
            let attributed = attribution.evaluate(.init(entry: entry, poks: own.poks, choice: choice))
            var found = attributed.reasons
            if let local = attributed.index, let pok = attributed.pok {
                pokOf[i] = own.indices[local]
                found += period.evaluate(.init(entry: entry.entry, pok: pok)).reasons
                if let gaps = gapsOfPOK[own.indices[local]] {
                    found += erkenning.evaluate(.init(entry: entry.entry, pok: pok, gaps: gaps)).reasons
                }
            }
            found += category.evaluate(entry.entry).reasons
            let approved = approval.evaluate(.init(entry: entry, date: input.referenceDate))
            found += approved.reasons
            findings += approved.findings
            reasons[i] = found
        }
        // Rules over a student's entries: duplicates among those that count so far, then overlaps among the rest.
        var countingOfStudent: [String: [Int]] = [:]
        for i in entries.indices where reasons[i].isEmpty { countingOfStudent[entries[i].entry.studentNumber ?? "", default: []].append(i) }
        var position: [Int64: Int] = [:]
        for (_, own) in countingOfStudent {
            for i in own { position[entries[i].id] = i }
            let duplicates = DuplicateEntryRule().evaluate(own.map { entries[$0] })
            for (id, more) in duplicates.byEntry { reasons[position[id]!] += more }
            let overlaps = OverlapRule().evaluate(own.filter { reasons[$0].isEmpty }.map { entries[$0] })
            for (id, more) in overlaps.byEntry { reasons[position[id]!] += more }
            position.removeAll(keepingCapacity: true)
        }
        var verdicts: [EntryVerdict] = []
        verdicts.reserveCapacity(entries.count)
        for (i, entry) in entries.enumerated() {
            let all = reasons[i].count > 1 ? reasons[i].sorted { $0.code < $1.code } : reasons[i]
            verdicts.append(EntryVerdict(entry: entry, pokKey: pokOf[i] >= 0 ? pokKeys[pokOf[i]] : nil,
                                         primary: all.first?.code ?? .counted, reasons: all,
                                         countedMinutes: all.isEmpty ? entry.entry.minutes : 0))
        }
        reasons = []
        entries = []
        let students = Dictionary(input.students.map { ($0.studentNumber, $0) }, uniquingKeysWith: { a, _ in a })
        // Working time: every entry of a student once (not the copies a duplicate or overlap names), whatever
        // POK it belongs to; the findings never change a verdict.
        var workedOfStudent: [String: [Int]] = [:]
        for (i, v) in verdicts.enumerated() where v.primary != .duplicate && v.primary != .overlap {
            if let student = v.entry.entry.studentNumber { workedOfStudent[student, default: []].append(i) }
        }
        for student in workedOfStudent.keys.sorted() {
            let hours = StudentHours(studentNumber: student, birthDate: students[student]?.geboortedatum,
                                     entries: workedOfStudent[student]!.map { verdicts[$0].entry.entry })
            findings += WorkingTimeRules.findings(for: hours, settings: settings.workingTime)
        }
        // The programme's timetable and the school calendar: the same entries, findings only.
        if !input.programmes.isEmpty {
            for student in workedOfStudent.keys.sorted() {
                let own = students[student]
                let judged = workedOfStudent[student]!.compactMap { index -> ProgrammeHours.Entry? in
                    let verdict = verdicts[index]
                    let pokCrebo = pokOf[index] >= 0 ? input.poks[pokOf[index]].crebo : nil
                    let crebo = input.programme(crebo: pokCrebo) != nil ? pokCrebo : own?.crebo
                    guard let programme = input.programme(crebo: crebo) else { return nil }
                    var entry = verdict.entry.entry
                    entry.leerbedrijfID = verdict.entry.leerbedrijfID   // the entry's own, else the sender's
                    let date = entry.date
                    return ProgrammeHours.Entry(entry: entry, programme: programme,
                                                leerjaar: own?.leerjaar(on: date), crebo: crebo)
                }
                guard !judged.isEmpty else { continue }
                findings += ProgrammeRules.findings(
                    for: ProgrammeHours(studentNumber: student, entries: judged,
                                        calendar: input.calendar ?? SchoolCalendar()),
                    settings: settings.programmes)
            }
        }
        var verdictsOfPOK = [[Int]](repeating: [], count: input.poks.count)
        for i in verdicts.indices where pokOf[i] >= 0 { verdictsOfPOK[pokOf[i]].append(i) }
        let order = input.poks.indices.sorted { pokKeys[$0] < pokKeys[$1] }
        let progress = order.map { p in
            POKProgress(pok: input.poks[p], student: students[input.poks[p].studentNumber],
                        verdicts: verdictsOfPOK[p].map { verdicts[$0] }, on: input.referenceDate, settings: settings.progress,
                        holidays: input.programme(crebo: input.poks[p].crebo)?
                            .expectedHoursHolidays(in: input.calendar).map(\.dates) ?? [])
        }
        for p in order { findings += POKPlausibilityRule().evaluate(input.poks[p]).findings }
        return ReconcileResult(referenceDate: input.referenceDate, verdicts: verdicts, progress: progress,
                               findings: findings.sorted { ($0.date, $0.rule) < ($1.date, $1.rule) })
    }
}

extension Array {
    /// Whether the elements are already in the order `areInIncreasingOrder` gives (checked in one pass).
    func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        indices.dropFirst().allSatisfy { !areInIncreasingOrder(self[$0], self[$0 - 1]) }
    }
}
