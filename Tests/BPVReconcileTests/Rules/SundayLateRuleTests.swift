import BPVModel
import BPVReconcile
import Testing

@Suite("Sunday late rule")
struct SundayLateRuleTests {
    func check(_ entries: [HourEntry], leerjaar: Int? = 1) -> [Finding] {
        SundayLateRule().evaluate(programmeHours(leerjaar: leerjaar, entries)).findings
    }

    @Test("PET year 1 on a Sunday: ending at 22:00 exactly passes, 22:01 fires")
    func boundary() {
        // 2026-11-08 is a Sunday.
        #expect(check([entry("2026-11-08", "14:00", "22:00", worked: h(7, 30))]).isEmpty)
        let findings = check([entry("2026-11-08", "14:00", "22:01", worked: h(7, 31))])
        #expect(findings == [Finding(
            rule: .programmeSundayLate, severity: .warning, date: d("2026-11-08"), studentNumber: studentNumber,
            crebo: "25798", subject: "student 2250476, 2026-11-08",
            evidence: "bpv on Sunday 2026-11-08 after 22:00, the latest end in PET leerjaar 1 (pet.yaml): "
                + "hours.csv:2 (work, 14:00–22:01, 7h31)",
            explanation: "In leerjaar 1 of PET the bpv on a Sunday ends by 22:00 at the latest. Check the times "
                + "with the student and the leerbedrijf. This finding does not change the hours.")])
    }

    @Test("past midnight fires; a Saturday, another leerjaar or an entry without times does not")
    func others() {
        #expect(check([entry("2026-11-08", "20:00", "01:00", worked: h(5))]).count == 1)
        #expect(check([entry("2026-11-07", "18:00", "23:30", worked: h(5))]).isEmpty)
        #expect(check([entry("2026-11-08", "18:00", "23:30", worked: h(5))], leerjaar: 2).isEmpty)
        #expect(check([entry("2026-11-08", worked: h(8))]).isEmpty)
    }
}
