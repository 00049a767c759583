import BPVModel
@testable import BPVReconcile
import Testing

@Suite struct ErkenningOnDateRuleTests {
    let pok = Hours.pok("2026-09-01", "2026-12-31")
    let gaps = [DateRange(start: d("2026-11-01"), end: d("2026-11-30"))]

    @Test func anEntryOnAnUncoveredDayDoesNotCountAndTheDaysAroundTheGapDo() {
        let rule = ErkenningOnDateRule()
        #expect(rule.evaluate(.init(entry: Hours.entry(1, "2026-10-31").entry, pok: pok, gaps: gaps)).reasons.isEmpty)
        #expect(rule.evaluate(.init(entry: Hours.entry(2, "2026-11-01").entry, pok: pok, gaps: gaps)).reasons.map(\.code) == [.notAccredited])
        #expect(rule.evaluate(.init(entry: Hours.entry(3, "2026-11-30").entry, pok: pok, gaps: gaps)).reasons.map(\.code) == [.notAccredited])
        #expect(rule.evaluate(.init(entry: Hours.entry(4, "2026-12-01").entry, pok: pok, gaps: gaps)).reasons.isEmpty)
    }

    @Test func withoutGapsEveryDayIsCovered() {
        #expect(ErkenningOnDateRule().evaluate(.init(entry: Hours.entry(1, "2026-11-15").entry, pok: pok, gaps: [])).reasons.isEmpty)
    }
}
