import BPVModel
import BPVReconcile
import Testing

@Suite("Sunday rule")
struct SundayRuleTests {
    func check(_ entries: [HourEntry], born: String? = adult) -> [Finding] {
        SundayRule().evaluate(student(born: born, entries)).findings
    }

    /// `count` Sundays of 8 hours, one a week from `first`.
    func sundays(from first: String, count: Int) -> [HourEntry] {
        (0..<count).map { entry(d(first).adding(days: 7 * $0).iso, worked: h(8), line: 2 + $0) }
    }

    @Test("2026 has 52 Sundays: 39 worked (13 free) passes, 40 fires on the 40th")
    func boundary() {
        #expect(check(sundays(from: "2026-01-04", count: 39)).isEmpty)
        let findings = check(sundays(from: "2026-01-04", count: 40))
        #expect(findings.count == 1)
        let fortieth = d("2026-01-04").adding(days: 7 * 39)
        #expect(findings.first?.date == fortieth)
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.subject == "student 2250476, Sundays in 2026")
        #expect(findings.first?.evidence.hasPrefix("40 of the 52 Sundays of 2026 worked, 12 free, at least 13 needed "
                                                   + "(too few from \(fortieth)): 2026-01-04, 2026-01-11") == true)
        #expect(findings.first?.explanation == "A student must have at least 13 free Sundays in a calendar year "
                + "(Arbeidstijdenwet); in 2026 this student had 12. Check the schedule with the leerbedrijf; this "
                + "finding does not change the hours.")
    }

    @Test("2028 has 53 Sundays: 40 worked passes, 41 fires")
    func fiftyThreeSundays() {
        #expect(check(sundays(from: "2028-01-02", count: 40)).isEmpty)
        #expect(check(sundays(from: "2028-01-02", count: 41)).first?.evidence.hasPrefix("41 of the 53 Sundays") == true)
    }

    @Test("a calendar year each: 30 Sundays in 2026 and 30 in 2027 pass")
    func perYear() {
        #expect(check(sundays(from: "2026-06-07", count: 60)).isEmpty)
    }

    @Test("an overnight entry from Saturday works the Sunday; sick hours and saturdays do not")
    func overnightAndCategories() {
        let base = sundays(from: "2026-01-04", count: 39)
        #expect(check(base + [entry("2026-12-26", "22:00", "02:00", worked: h(4), line: 90)]).count == 1)
        #expect(check(base + [entry("2026-12-26", "14:00", "22:00", worked: h(8), line: 90)]).isEmpty)
        #expect(check(base + [entry("2026-12-27", worked: h(8), .sick, line: 90)]).isEmpty)
    }

    @Test("under 18: a yearly note (info) lists the Sundays worked before the 18th birthday")
    func under18() {
        let born = "2008-03-11"   // 18 on 2026-03-11
        let findings = check(sundays(from: "2026-02-22", count: 4), born: born)   // 02-22, 03-01, 03-08, 03-15
        #expect(findings == [Finding(
            rule: .worktimeSundays, severity: .info, date: d("2026-02-22"), studentNumber: studentNumber,
            subject: "student 2250476, Sundays in 2026",
            evidence: "3 Sunday(s) of 2026 worked under 18: 2026-02-22, 2026-03-01, 2026-03-08",
            explanation: "A student under 18 may work on Sundays only where the nature of the work needs it "
                + "(Arbeidstijdenwet); check that it did. This finding does not change the hours.")])
        #expect(check(sundays(from: "2026-03-15", count: 4), born: born).isEmpty)
    }
}
