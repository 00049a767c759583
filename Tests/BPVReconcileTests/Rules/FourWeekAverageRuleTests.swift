import BPVModel
import BPVReconcile
import Testing

@Suite("4-week average rule")
struct FourWeekAverageRuleTests {
    func check(_ hours: StudentHours) -> [Finding] { FourWeekAverageRule().evaluate(hours).findings }

    @Test("18 and over: exactly 220h00 in 4 weeks passes, 220h01 fires, dated the last week's Monday")
    func adultBoundary() {
        // 2026-W44 (Monday 2026-10-26) to 2026-W47.
        #expect(check(student(born: adult, weeks(from: "2026-10-26", totals: [h(55), h(55), h(55), h(55)]))).isEmpty)
        let findings = check(student(born: adult, weeks(from: "2026-10-26", totals: [h(55), h(55), h(55), h(55, 1)])))
        #expect(findings == [Finding(
            rule: .worktimeAverage4Weeks, severity: .warning, date: d("2026-11-16"), studentNumber: studentNumber,
            subject: "student 2250476, 4 weeks ending 2026-W47",
            evidence: "220h01 worked in the 4 weeks 2026-W44 – 2026-W47 (2026-10-26 – 2026-11-22), limit 220h00 "
                + "(4 × 55h00): 2026-W44 55h00, 2026-W45 55h00, 2026-W46 55h00, 2026-W47 55h01",
            explanation: "Over the 4 weeks ending with week 2026-W47 the student worked 220h01, more than an average "
                + "of 55h00 a week, the most a student of 18 or over may work on average over 4 weeks "
                + "(Arbeidstijdenwet; the age on the last week's Monday). Check the hours with the leerbedrijf; this "
                + "finding does not change them.")])
    }

    @Test("under 18: exactly 160h00 in 4 weeks passes, 160h01 fires")
    func under18Boundary() {
        #expect(check(student(born: minor, weeks(from: "2026-10-26", totals: [h(40), h(40), h(40), h(40)]))).isEmpty)
        let findings = check(student(born: minor, weeks(from: "2026-10-26", totals: [h(40, 1), h(40), h(40), h(40)])))
        #expect(findings.map(\.date) == [d("2026-11-16")])
        #expect(findings.first?.explanation.contains("average of 40h00 a week, the most a student under 18") == true)
    }

    @Test("windows slide: one per week worked; weeks without hours count as 0")
    func slidingWindows() {
        // 60h in each of 2026-W44 to W47: only the window ending in W47 has 4 such weeks; no window ends after it.
        let four = check(student(born: adult, weeks(from: "2026-10-26", totals: [h(60), h(60), h(60), h(60)])))
        #expect(four.map(\.subject) == ["student 2250476, 4 weeks ending 2026-W47"])
        // A fifth week of 60h: the window ending in W48 is over too.
        let five = check(student(born: adult, weeks(from: "2026-10-26", totals: [h(60), h(60), h(60), h(60), h(60)])))
        #expect(five.map(\.date) == [d("2026-11-16"), d("2026-11-23")])
        // W46 without hours: 180h in the window ending W47.
        let gap = weeks(from: "2026-10-26", totals: [h(60), h(60)]) + [entry("2026-11-16", worked: h(60), line: 9)]
        #expect(check(student(born: adult, gap)).isEmpty)
    }

    @Test("the age is taken on the last week's Monday")
    func ageOnLastMonday() {
        let w44to47 = weeks(from: "2026-10-26", totals: [h(41), h(41), h(41), h(41)])   // 164h00
        #expect(check(student(born: "2008-11-16", w44to47)).isEmpty)                     // 18 on Monday of W47
        #expect(check(student(born: "2008-11-17", w44to47)).map(\.date) == [d("2026-11-16")])  // 18 on its Tuesday
    }
}
