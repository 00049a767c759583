import BPVModel
import BPVReconcile
import Testing

@Suite("Week total rule")
struct WeekTotalRuleTests {
    func check(_ hours: StudentHours) -> [Finding] { WeekTotalRule().evaluate(hours).findings }

    @Test("18 and over: exactly 60h00 in an ISO week passes, 60h01 fires, dated the week's Monday")
    func adultBoundary() {
        let week = days(from: "2026-11-16", count: 5, worked: h(12))   // Monday to Friday of 2026-W47
        #expect(check(student(born: adult, week)).isEmpty)
        let findings = check(student(born: adult, week + [entry("2026-11-22", worked: 1, line: 9)]))
        #expect(findings == [Finding(
            rule: .worktimeWeekTotal, severity: .warning, date: d("2026-11-16"), studentNumber: studentNumber,
            subject: "student 2250476, week 2026-W47",
            evidence: "60h01 worked in week 2026-W47 (2026-11-16 – 2026-11-22), limit 60h00: 2026-11-16 12h00, "
                + "2026-11-17 12h00, 2026-11-18 12h00, 2026-11-19 12h00, 2026-11-20 12h00, 2026-11-22 0h01",
            explanation: "In week 2026-W47 the student worked 60h01, more than the 60h00 a student of 18 or over may "
                + "work in one week (Arbeidstijdenwet; the age on the week's Monday). Check the hours with the "
                + "leerbedrijf; this finding does not change them.")])
    }

    @Test("under 18: exactly 45h00 passes, 45h01 fires")
    func under18Boundary() {
        let week = days(from: "2026-11-16", count: 5, worked: h(9))
        #expect(check(student(born: minor, week)).isEmpty)
        let findings = check(student(born: minor, week + [entry("2026-11-21", worked: 1, line: 9)]))
        #expect(findings.count == 1)
        #expect(findings.first?.explanation.contains("more than the 45h00 a student under 18") == true)
    }

    @Test("a week across New Year: 2026-12-28 to 2027-01-03 is the one week 2026-W53")
    func newYear() {
        let findings = check(student(born: adult, days(from: "2026-12-28", count: 7, worked: h(8, 35))))  // 60h05
        #expect(findings.map(\.date) == [d("2026-12-28")])
        #expect(findings.first?.subject == "student 2250476, week 2026-W53")
        #expect(ISOWeek(containing: d("2027-01-03")).description == "2026-W53")
        #expect(ISOWeek(containing: d("2027-01-04")).description == "2027-W01")
        #expect(ISOWeek(containing: d("2026-01-01")).description == "2026-W01")
        #expect(ISOWeek(containing: d("2021-01-03")).description == "2020-W53")
        #expect(ISOWeek(containing: d("2026-11-22")).monday == d("2026-11-16"))
    }

    @Test("the age is taken on the week's Monday: turning 18 on a Wednesday keeps that week's limit at 45h")
    func ageOnMonday() {
        let born = "2008-03-11"   // 18 on Wednesday 2026-03-11
        let turning = days(from: "2026-03-09", count: 5, worked: h(9, 12))   // 46h00 in 2026-W11
        #expect(check(student(born: born, turning)).map(\.date) == [d("2026-03-09")])
        #expect(check(student(born: born, days(from: "2026-03-16", count: 5, worked: h(9, 12)))).isEmpty)
    }

    @Test("an entry past Sunday midnight is split there: the week ends on Sunday at 24:00")
    func splitAtSundayMidnight() {
        // 22:00-07:00 with 9h00 worked: 2h00 on Sunday 2026-11-22, 7h00 on Monday 2026-11-23.
        let overnight = entry("2026-11-22", "22:00", "07:00", worked: h(9), line: 20)
        let w47 = days(from: "2026-11-16", count: 5, worked: h(11, 36))   // 58h00
        #expect(check(student(born: adult, w47 + [overnight])).isEmpty)
        let w48 = days(from: "2026-11-24", count: 5, worked: h(10, 36), line: 30) + [entry("2026-11-29", worked: 1)]
        let findings = check(student(born: adult, w47 + [overnight] + w48))   // 7h00 + 53h00 + 0h01 in 2026-W48
        #expect(findings.map(\.subject) == ["student 2250476, week 2026-W48"])
        #expect(findings.first?.evidence.hasPrefix("60h01 worked in week 2026-W48") == true)
        #expect(findings.first?.evidence.contains("2026-11-23 7h00") == true)
    }
}
