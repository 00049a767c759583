import BPVModel
import BPVReconcile
import Testing

@Suite("School day rule")
struct SchoolDayRuleTests {
    func check(_ hours: ProgrammeHours, settings: ProgrammeSettings = ProgrammeSettings()) -> [Finding] {
        SchoolDayRule(settings: settings).evaluate(hours).findings
    }

    @Test("PET year 2: Monday to Wednesday fire, Thursday and Friday (free for bpv) do not; one finding per date")
    func petYear2() {
        // 2026-11-02 is a Monday.
        let findings = check(programmeHours(leerjaar: 2, [
            entry("2026-11-02", "08:00", "12:00", worked: h(4), line: 2),
            entry("2026-11-02", "12:30", "16:30", worked: h(4), line: 3),
            entry("2026-11-03", worked: h(8), line: 4), entry("2026-11-04", worked: h(8), line: 5),
            entry("2026-11-05", worked: h(8), line: 6), entry("2026-11-06", worked: h(8), line: 7),
        ]))
        #expect(findings.map(\.date) == [d("2026-11-02"), d("2026-11-03"), d("2026-11-04")])
        #expect(findings.first == Finding(
            rule: .programmeSchoolDay, severity: .warning, date: d("2026-11-02"), studentNumber: studentNumber,
            crebo: "25798", subject: "student 2250476, 2026-11-02",
            evidence: "8h00 on Monday 2026-11-02, a school day of PET leerjaar 2 (pet.yaml): hours.csv:2 (work, "
                + "08:00–12:00, 4h00); hours.csv:3 (work, 12:30–16:30, 4h00)",
            explanation: "Monday is a school day in leerjaar 2 of PET: the student is expected at school, not at the "
                + "leerbedrijf. Check with the student and the leerbedrijf (a swapped day, a day without lessons?). "
                + "This finding does not change the hours."))
    }

    @Test("PET year 3: only the Thursday terugkomdag; ICT BBL: only the chosen Tuesday")
    func terugkomdagAndICT() {
        let week = days(from: "2026-11-02", count: 7, worked: h(8))
        #expect(check(programmeHours(leerjaar: 3, week)).map(\.date) == [d("2026-11-05")])
        #expect(check(programmeHours(ictBBL, leerjaar: 2, week)).map(\.date) == [d("2026-11-03")])
    }

    @Test("no finding in a school holiday, in a theme week (the theme week rule's), without a leerjaar, for sick hours")
    func exemptions() {
        #expect(check(programmeHours(leerjaar: 2, [entry("2026-12-21", worked: h(8))])).isEmpty)   // Kerstvakantie
        #expect(check(programmeHours(leerjaar: 2, [entry("2026-11-09", worked: h(8))])).isEmpty)   // Themaweek 2
        #expect(check(programmeHours(leerjaar: nil, [entry("2026-11-02", worked: h(8))])).isEmpty)
        #expect(check(programmeHours(leerjaar: 4, [entry("2026-11-02", worked: h(8))])).isEmpty)   // no year 4
        #expect(check(programmeHours(leerjaar: 2, [entry("2026-11-02", worked: h(8), .sick)])).isEmpty)
        #expect(check(programmeHours(leerjaar: 2, [entry("2026-11-02", worked: h(8), action: .void)])).isEmpty)
    }

    @Test("the severity is a setting")
    func severity() {
        let findings = check(programmeHours(leerjaar: 2, [entry("2026-11-02", worked: h(8))]),
                             settings: ProgrammeSettings(severity: .info))
        #expect(findings.map(\.severity) == [.info])
    }
}
