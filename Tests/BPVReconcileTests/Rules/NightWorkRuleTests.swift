import BPVModel
import BPVReconcile
import Testing

@Suite("Night work rule")
struct NightWorkRuleTests {
    func check(_ entries: [HourEntry], born: String? = adult) -> [Finding] {
        NightWorkRule().evaluate(student(born: born, entries)).findings
    }

    @Test("18 and over: an overnight shift 22:00-07:00 is a night shift, a warning with the times")
    func adultOvernight() {
        let findings = check([entry("2026-11-02", "22:00", "07:00", worked: h(8, 30))])
        #expect(findings == [Finding(
            rule: .worktimeNight, severity: .warning, date: d("2026-11-02"), studentNumber: studentNumber,
            subject: "student 2250476, 2026-11-02",
            evidence: "6h00 between 00:00 and 06:00 in the shift of 2026-11-02 (more than 1h00): hours.csv:2 (work, "
                + "22:00–07:00 (next day), 8h30)",
            explanation: "A shift with more than 1h00 between 00:00 and 06:00 is a night shift for a student of 18 or "
                + "over (Arbeidstijdenwet), with its own, stricter limits on the shift's length and the rest after "
                + "it; this shift (22:00–07:00 (next day)) has 6h00 in that time. Check it with the leerbedrijf. This "
                + "finding does not change the hours.")])
    }

    @Test("18 and over: exactly 1h00 between 00:00 and 06:00 passes, 1h01 fires, on either side of the night")
    func adultBoundary() {
        #expect(check([entry("2026-11-02", "18:00", "01:00", worked: h(6, 30))]).isEmpty)
        #expect(check([entry("2026-11-02", "18:00", "01:01", worked: h(6, 31))]).count == 1)
        #expect(check([entry("2026-11-02", "05:00", "13:00", worked: h(7, 30))]).isEmpty)
        #expect(check([entry("2026-11-02", "04:59", "13:00", worked: h(7, 31))]).first?.evidence
                .hasPrefix("1h01 between 00:00 and 06:00") == true)
        #expect(check([entry("2026-11-02", "06:00", "23:59", worked: h(12))]).isEmpty)
    }

    @Test("under 18: 22:00-07:00 is an error, 7h00 between 23:00 and 06:00")
    func under18Overnight() {
        let findings = check([entry("2026-11-02", "22:00", "07:00", worked: h(8, 30))], born: minor)
        #expect(findings.map(\.severity) == [.error])
        #expect(findings.first?.evidence == "7h00 between 23:00 and 06:00 in the shift of 2026-11-02 (none allowed): "
                + "hours.csv:2 (work, 22:00–07:00 (next day), 8h30)")
        #expect(findings.first?.explanation == "A student under 18 may not work between 23:00 and 06:00 "
                + "(Arbeidstijdenwet); this shift (22:00–07:00 (next day)) has 7h00 in that time. This finding does "
                + "not change the hours.")
    }

    @Test("under 18: until 23:00 and from 06:00 pass; one minute into the night fires")
    func under18Boundary() {
        #expect(check([entry("2026-11-02", "15:00", "23:00", worked: h(7, 30))], born: minor).isEmpty)
        #expect(check([entry("2026-11-02", "15:00", "23:01", worked: h(7, 31))], born: minor).first?.evidence
                .hasPrefix("0h01 between 23:00 and 06:00") == true)
        #expect(check([entry("2026-11-02", "06:00", "14:00", worked: h(7, 30))], born: minor).isEmpty)
        #expect(check([entry("2026-11-02", "05:59", "14:00", worked: h(7, 31))], born: minor).count == 1)
    }

    @Test("the age on the shift's date: the night before the 18th birthday is an error, the birthday's a warning")
    func birthday() {
        let born = "2008-03-11"
        #expect(check([entry("2026-03-10", "22:00", "07:00", worked: h(8, 30))], born: born).map(\.severity) == [.error])
        #expect(check([entry("2026-03-11", "22:00", "07:00", worked: h(8, 30))], born: born).map(\.severity) == [.warning])
    }

    @Test("entries without times are not judged; other categories do not count")
    func notJudged() {
        #expect(check([entry("2026-11-02", worked: h(8))], born: minor).isEmpty)
        #expect(check([entry("2026-11-02", "22:00", "07:00", worked: h(8, 30), .sick)], born: minor).isEmpty)
    }
}
