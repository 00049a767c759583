import BPVModel
@testable import BPVReconcile
import Testing

/// The working-time rules share one derivation per student (working entries, shifts, minutes per day): the same
/// findings as each rule deriving them itself, and never a stale one.
@Suite("Working-time derivation")
struct WorkingDerivationTests {
    static let hours = student(born: minor, [
        entry("2026-11-03", "08:00", "14:00", worked: h(5, 30), line: 4),
        entry("2026-11-02", "22:00", "07:00", worked: h(8, 30), line: 3),
        entry("2026-11-02", "08:00", "12:00", worked: h(4), .sick, line: 2),
        entry("2026-11-08", "10:00", "20:00", worked: h(9, 30), line: 5),
    ])

    @Test("the front's findings equal the rules' own, each deriving the hours itself")
    func sameFindings() {
        var settings = WorkingTimeSettings()
        settings.weekTotal.under18 = h(10)
        let alone = [
            AgeUnknownRule(settings: settings).evaluate(Self.hours), ShiftLengthRule(settings: settings).evaluate(Self.hours),
            BreakRule(settings: settings).evaluate(Self.hours), NightWorkRule(settings: settings).evaluate(Self.hours),
            WeekTotalRule(settings: settings).evaluate(Self.hours),
            FourWeekAverageRule(settings: settings).evaluate(Self.hours),
            SixteenWeekAverageRule(settings: settings).evaluate(Self.hours), SundayRule(settings: settings).evaluate(Self.hours),
        ].flatMap(\.findings)
        let front = WorkingTimeRules.findings(for: Self.hours, settings: settings)
        #expect(!front.isEmpty)
        #expect(Set(front.map { "\($0.date) \($0.ruleID) \($0.evidence)" })
                == Set(alone.map { "\($0.date) \($0.ruleID) \($0.evidence)" }))
        #expect(front.count == alone.count)
    }

    @Test("prepared hours derive the same and stay equal to the hours they came from")
    func preparedEqual() {
        let settings = WorkingTimeSettings()
        let prepared = Self.hours.prepared(settings)
        #expect(prepared == Self.hours && prepared.hashValue == Self.hours.hashValue)
        #expect(prepared.workingEntries(settings).map(\.entry) == Self.hours.workingEntries(settings).map(\.entry))
        #expect(prepared.workingEntries(settings).map(\.entry.source.line) == [3, 4, 5], "the sick entry is no working time")
        #expect(prepared.shifts(settings).map(\.date) == [d("2026-11-02"), d("2026-11-03"), d("2026-11-08")])
        #expect(prepared.minutesByDay(settings) == Self.hours.minutesByDay(settings))
    }

    @Test("other settings, or changed entries, derive again")
    func neverStale() {
        var sickCounts = WorkingTimeSettings()
        sickCounts.categories.insert(.sick)
        let prepared = Self.hours.prepared(WorkingTimeSettings())
        #expect(prepared.workingEntries(sickCounts).count == 4, "prepared for other settings")
        var changed = prepared
        changed.entries.removeLast()
        #expect(changed.workingEntries(WorkingTimeSettings()).map(\.entry.source.line) == [3, 4])
        #expect(changed != prepared)
    }
}
