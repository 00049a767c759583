import BPVModel
import BPVReconcile
import Testing

@Suite("16-week average rule")
struct SixteenWeekAverageRuleTests {
    func check(_ hours: StudentHours, settings: WorkingTimeSettings = WorkingTimeSettings()) -> [Finding] {
        SixteenWeekAverageRule(settings: settings).evaluate(hours).findings
    }

    @Test("18 and over: exactly 768h00 in 16 weeks passes, 768h01 fires, dated the last week's Monday")
    func adultBoundary() {
        // 2026-W32 (Monday 2026-08-03) to 2026-W47.
        let even = Array(repeating: h(48), count: 16)
        #expect(check(student(born: adult, weeks(from: "2026-08-03", totals: even))).isEmpty)
        let findings = check(student(born: adult, weeks(from: "2026-08-03", totals: Array(even.dropLast()) + [h(48, 1)])))
        #expect(findings.map(\.date) == [d("2026-11-16")])
        #expect(findings.first?.ruleID == .worktimeAverage16Weeks)
        #expect(findings.first?.subject == "student 2250476, 16 weeks ending 2026-W47")
        #expect(findings.first?.evidence.hasPrefix("768h01 worked in the 16 weeks 2026-W32 – 2026-W47 (2026-08-03 – "
                                                   + "2026-11-22), limit 768h00 (16 × 48h00): 2026-W32 48h00") == true)
        #expect(findings.first?.explanation.contains("average of 48h00 a week, the most a student of 18 or over") == true)
    }

    @Test("weeks without hours count as 0: 15 weeks of 50h pass")
    func emptyWeeksCount() {
        #expect(check(student(born: adult, weeks(from: "2026-08-03", totals: Array(repeating: h(50), count: 15)))).isEmpty)
        #expect(check(student(born: adult, weeks(from: "2026-08-03", totals: Array(repeating: h(50), count: 16)))).count == 1)
    }

    @Test("under 18 not judged by default (the 4-week limit is stricter); a setting can judge it")
    func under18() {
        let hours = student(born: minor, weeks(from: "2026-08-03", totals: Array(repeating: h(50), count: 16)))
        #expect(check(hours).isEmpty)
        var settings = WorkingTimeSettings()
        settings.sixteenWeekAverage.under18 = h(40)
        // 640h over 16 weeks: the windows ending in 2026-W44 (13 weeks of 50h, 650h) to W47 are over.
        #expect(check(hours, settings: settings).map(\.date)
                == [d("2026-10-26"), d("2026-11-02"), d("2026-11-09"), d("2026-11-16")])
    }
}
