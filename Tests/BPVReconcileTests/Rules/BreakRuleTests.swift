import BPVModel
import BPVReconcile
import Testing

@Suite("Break rule")
struct BreakRuleTests {
    func check(_ entries: [HourEntry], born: String? = adult) -> [Finding] {
        BreakRule().evaluate(student(born: born, entries)).findings
    }

    @Test("18 and over: exactly 5h30 worked needs no break; 5h30 with 30 minutes passes; 5h31 with 29 fires")
    func adultBoundary() {
        #expect(check([entry("2026-11-02", "08:00", "13:30", worked: h(5, 30))]).isEmpty)
        #expect(check([entry("2026-11-02", "08:00", "14:00", worked: h(5, 30))]).isEmpty)
        #expect(check([entry("2026-11-02", "08:00", "14:01", worked: h(5, 31))]).isEmpty)   // 5h31 with 30 minutes
        let findings = check([entry("2026-11-02", "08:00", "14:00", worked: h(5, 31))])
        #expect(findings == [Finding(
            rule: .worktimeBreak, severity: .warning, date: d("2026-11-02"), studentNumber: studentNumber,
            subject: "student 2250476, 2026-11-02",
            evidence: "5h31 worked on 2026-11-02 with a break of 29 minutes, at least 30 needed after more than 5h30: "
                + "hours.csv:2 (work, 08:00–14:00, 5h31)",
            explanation: "More than 5h30 of work in a shift needs a break of at least 30 minutes for a student of 18 "
                + "or over (Arbeidstijdenwet); the times of this shift leave 29 minutes. Check the hours with the "
                + "leerbedrijf; this finding does not change them.")])
    }

    @Test("under 18: exactly 4h30 needs no break, 4h31 with 29 minutes fires")
    func under18Boundary() {
        #expect(check([entry("2026-11-02", "08:00", "12:30", worked: h(4, 30))], born: minor).isEmpty)
        #expect(check([entry("2026-11-02", "08:00", "13:01", worked: h(4, 31))], born: minor).isEmpty)
        let findings = check([entry("2026-11-02", "08:00", "13:00", worked: h(4, 31))], born: minor)
        #expect(findings.count == 1)
        #expect(findings.first?.explanation.contains("More than 4h30 of work in a shift needs a break of at least 30 "
                                                     + "minutes for a student under 18") == true)
        // The same shift from 18 on needs no break.
        #expect(check([entry("2026-11-02", "08:00", "13:00", worked: h(4, 31))]).isEmpty)
    }

    @Test("only judged when every entry of the shift has a start and an end")
    func needsTimes() {
        #expect(check([entry("2026-11-02", worked: h(8))]).isEmpty)
        #expect(check([entry("2026-11-02", "08:00", "14:00", worked: h(6)), entry("2026-11-02", worked: h(1), line: 3)])
                .isEmpty)
    }

    @Test("a gap between two entries of one date is a break")
    func gapIsBreak() {
        #expect(check([entry("2026-11-02", "08:00", "12:00", worked: h(4)),
                       entry("2026-11-02", "12:30", "17:00", worked: h(4, 30), .travelJobs, line: 3)]).isEmpty)
        let findings = check([entry("2026-11-02", "08:00", "12:00", worked: h(4)),
                              entry("2026-11-02", "12:15", "17:00", worked: h(4, 45), line: 3)])
        #expect(findings.first?.evidence.hasPrefix("8h45 worked on 2026-11-02 with a break of 15 minutes") == true)
    }

    @Test("an overnight shift's break: 22:00-07:00 with 8h30 worked has 30 minutes; with 9h00, none")
    func overnight() {
        #expect(check([entry("2026-11-02", "22:00", "07:00", worked: h(8, 30))]).isEmpty)
        #expect(check([entry("2026-11-02", "22:00", "07:00", worked: h(9))]).first?.evidence
                .hasPrefix("9h00 worked on 2026-11-02 with a break of 0 minutes") == true)
    }

    @Test("times shorter than the minutes worked leave no break, and say so")
    func inconsistentTimes() {
        let findings = check([entry("2026-11-02", "08:00", "14:00", worked: h(7))])
        #expect(findings.first?.evidence.hasPrefix("7h00 worked on 2026-11-02 with a break of 0 minutes (the times "
                                                   + "are shorter than the minutes worked)") == true)
    }
}
