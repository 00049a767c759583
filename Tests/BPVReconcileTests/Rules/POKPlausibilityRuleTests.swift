import BPVModel
@testable import BPVReconcile
import Testing

@Suite struct POKPlausibilityRuleTests {
    /// 2026-01-05 – 2026-12-27 is 357 days, 51 weeks: at most 40/52 × 40 × 51 = 1569h13 (94153 minutes).
    func pok(minutes: Int) -> POK {
        var pok = Hours.pok("2026-01-05", "2026-12-27")
        pok.minutes = minutes
        return pok
    }

    @Test func hoursAtTheLimitPassAndOneMinuteMoreIsAFinding() {
        let limit = 40 * 40 * 60 * 357 / (52 * 7)
        #expect(limit == 94153)
        #expect(POKPlausibilityRule().evaluate(pok(minutes: limit)).findings.isEmpty)
        let findings = POKPlausibilityRule().evaluate(pok(minutes: limit + 1)).findings
        #expect(findings.map(\.rule) == ["pok.implausible_hours"])
        #expect(findings.first?.evidence.hasPrefix("the POK states 1569h14; 357 days allow at most 1569h13") == true)
    }

    @Test func neverMoreThan5120Hours() {
        var long = Hours.pok("2020-01-06", "2030-12-30")
        long.minutes = 5120 * 60
        #expect(POKPlausibilityRule().evaluate(long).findings.isEmpty)
        long.minutes = 5120 * 60 + 1
        #expect(POKPlausibilityRule().evaluate(long).findings.count == 1)
    }

    @Test func aPOKWithoutHoursIsNotJudged() {
        #expect(POKPlausibilityRule().evaluate(Hours.pok(hours: nil)).findings.isEmpty)
    }
}
