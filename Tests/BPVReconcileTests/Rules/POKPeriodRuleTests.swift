import BPVModel
@testable import BPVReconcile
import Testing

@Suite struct POKPeriodRuleTests {
    let rule = POKPeriodRule()
    let pok = Hours.pok("2026-09-01", "2026-12-31")

    @Test func theFirstAndTheLastDayCountAndTheDaysAroundThemDoNot() {
        #expect(rule.evaluate(.init(entry: Hours.entry(1, "2026-09-01").entry, pok: pok)).reasons.isEmpty)
        #expect(rule.evaluate(.init(entry: Hours.entry(2, "2026-12-31").entry, pok: pok)).reasons.isEmpty)
        let before = rule.evaluate(.init(entry: Hours.entry(3, "2026-08-31").entry, pok: pok)).reasons
        #expect(before.map(\.code) == [.outsidePeriod])
        #expect(before.first?.explanation == "2026-08-31 is before the POK's begin (2026-09-01)")
        let after = rule.evaluate(.init(entry: Hours.entry(4, "2027-01-01").entry, pok: pok)).reasons
        #expect(after.first?.explanation == "2027-01-01 is after the POK's end (2026-12-31)")
    }

    @Test func hoursCountFromTheSigningDayAndUpToTheDayOfAnEarlyEnd() {
        var pok = Hours.pok("2026-09-01", "2026-12-31")
        pok.signedOn = d("2026-09-14")
        pok.terminatedOn = d("2026-11-20")
        let reasons = { (day: String) in rule.evaluate(.init(entry: Hours.entry(1, day).entry, pok: pok)).reasons.map(\.code) }
        #expect(reasons("2026-09-13") == [.beforeSigned])
        #expect(reasons("2026-09-14") == [], "the signing day itself")
        #expect(reasons("2026-11-20") == [], "the day of the early end itself")
        #expect(reasons("2026-11-21") == [.afterTermination])
        #expect(reasons("2027-01-01") == [.outsidePeriod])
    }

    @Test func aNightShiftStartingOnTheLastDayCountsOnThatDay() {
        // 22:00 on 2026-12-31 to 06:00 on 2027-01-01: the entry is dated by its start, within the POK.
        let night = Hours.entry(1, "2026-12-31", "22:00", "06:00").entry
        #expect(rule.evaluate(.init(entry: night, pok: pok)).reasons.isEmpty)
        #expect(night.minutes == 480)
    }
}
