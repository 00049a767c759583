import BPVModel

/// The settings of the hour verdicts and the POK progress (`rules:` in bpv.yaml).
public struct ReconcileSettings: Sendable, Equatable {
    public var categories = HourCategoryRule.Settings()
    public var approval = ApprovalRule.Settings()
    public var progress = POKProgressSettings()
    public var workingTime = WorkingTimeSettings()
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
}

/// Reconciles hours against POKs: attributes every active entry to at most one POK, gives it a verdict from the
/// verdict rules in ``VerdictCode/precedence`` order (every rule that applies is kept, the first is primary), and
/// adds up every POK's progress. Pure and deterministic: entries are judged in id order, POKs listed by key.
public struct HourReconciliation {
    public let settings: ReconcileSettings

    public init(settings: ReconcileSettings = ReconcileSettings()) {
        self.settings = settings
    }

    public func run(_ input: ReconcileInput) -> ReconcileResult {
        let poksByStudent = Dictionary(grouping: input.poks, by: \.studentNumber)
        let attribution = POKAttributionRule(), period = POKPeriodRule(), erkenning = ErkenningOnDateRule()
        let category = HourCategoryRule(settings: settings.categories)
        let approval = ApprovalRule(settings: settings.approval)
        var reasons: [Int64: [VerdictReason]] = [:]
        var pokOf: [Int64: POK] = [:]
        var findings: [Finding] = []
        let entries = input.entries.sorted { $0.id < $1.id }
        for entry in entries {
            var found: [VerdictReason] = []
            let attributed = attribution.evaluate(.init(entry: entry, poks: poksByStudent[entry.entry.studentNumber ?? ""] ?? []))
            found += attributed.reasons
            if let pok = attributed.pok {
                pokOf[entry.id] = pok
                found += period.evaluate(.init(entry: entry.entry, pok: pok)).reasons
                found += erkenning.evaluate(.init(entry: entry.entry, pok: pok, gaps: input.erkenningGaps[pok.key] ?? [])).reasons
            }
            found += category.evaluate(entry.entry).reasons
            let approved = approval.evaluate(.init(entry: entry, date: input.referenceDate))
            found += approved.reasons
            findings += approved.findings
            reasons[entry.id] = found
        }
        // Rules over a student's entries: duplicates among those that count so far, then overlaps among the rest.
        let byStudent = Dictionary(grouping: entries.filter { reasons[$0.id]!.isEmpty }) { $0.entry.studentNumber ?? "" }
        for (_, own) in byStudent {
            let duplicates = DuplicateEntryRule().evaluate(own)
            for (id, more) in duplicates.byEntry { reasons[id]! += more }
            let overlaps = OverlapRule().evaluate(own.filter { reasons[$0.id]!.isEmpty })
            for (id, more) in overlaps.byEntry { reasons[id]! += more }
        }
        let verdicts = entries.map { entry -> EntryVerdict in
            let all = reasons[entry.id]!.sorted { $0.code < $1.code }
            return EntryVerdict(entry: entry, pokKey: pokOf[entry.id]?.key, primary: all.first?.code ?? .counted,
                                reasons: all, countedMinutes: all.isEmpty ? entry.entry.minutes : 0)
        }
        let byPOK = Dictionary(grouping: verdicts.filter { $0.pokKey != nil }, by: { $0.pokKey! })
        let students = Dictionary(input.students.map { ($0.studentNumber, $0) }, uniquingKeysWith: { a, _ in a })
        // Working time: every entry of a student once (not the copies a duplicate or overlap names), whatever
        // POK it belongs to; the findings never change a verdict.
        let worked = Dictionary(grouping: verdicts.filter { $0.primary != .duplicate && $0.primary != .overlap },
                                by: { $0.entry.entry.studentNumber ?? "" })
        for student in worked.keys.sorted() where !student.isEmpty {
            let hours = StudentHours(studentNumber: student, birthDate: students[student]?.geboortedatum,
                                     entries: worked[student]!.map(\.entry.entry))
            findings += WorkingTimeRules.findings(for: hours, settings: settings.workingTime)
        }
        // The programme's timetable and the school calendar: the same entries, findings only.
        if !input.programmes.isEmpty {
            let poksByKey = Dictionary(input.poks.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            for student in worked.keys.sorted() where !student.isEmpty {
                let own = students[student]
                let judged = worked[student]!.compactMap { verdict -> ProgrammeHours.Entry? in
                    let pokCrebo = verdict.pokKey.flatMap { poksByKey[$0]?.crebo }
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
        let progress = input.poks.sorted { $0.key < $1.key }.map { pok in
            POKProgress(pok: pok, student: students[pok.studentNumber], verdicts: byPOK[pok.key] ?? [],
                        on: input.referenceDate, settings: settings.progress)
        }
        for pok in input.poks.sorted(by: { $0.key < $1.key }) { findings += POKPlausibilityRule().evaluate(pok).findings }
        return ReconcileResult(referenceDate: input.referenceDate, verdicts: verdicts, progress: progress,
                               findings: findings.sorted { ($0.date, $0.rule) < ($1.date, $1.rule) })
    }
}
