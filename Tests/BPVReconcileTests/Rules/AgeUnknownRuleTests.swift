import BPVModel
import BPVReconcile
import Testing

@Suite("Age unknown rule")
struct AgeUnknownRuleTests {
    func check(_ hours: StudentHours) -> [Finding] { AgeUnknownRule().evaluate(hours).findings }

    @Test("no birth date: one info finding, dated the first date worked")
    func unknown() {
        let findings = check(student(born: nil, [entry("2026-11-03", worked: h(8)), entry("2026-11-02", worked: h(8)),
                                                 entry("2026-11-01", worked: h(8), .sick)]))
        #expect(findings == [Finding(
            rule: .worktimeAgeUnknown, severity: .info, date: d("2026-11-02"), studentNumber: studentNumber,
            subject: "student 2250476",
            evidence: "no birth date; 2 working-time entries from 2026-11-02 to 2026-11-03 judged by the limits for 18 "
                + "and over",
            explanation: "The student's birth date is unknown, so the working-time rules applied the limits for 18 "
                + "and over. Under 18 the limits are stricter (9h00 a shift, 45h00 a week, no work between 23:00 and "
                + "06:00): add the birth date in the student administration.")])
    }

    @Test("no finding with a birth date, or without working time")
    func known() {
        #expect(check(student(born: adult, [entry("2026-11-02", worked: h(8))])).isEmpty)
        #expect(check(student(born: nil, [entry("2026-11-02", worked: h(8), .sick)])).isEmpty)
        #expect(check(student(born: nil, [])).isEmpty)
        #expect(student(born: nil, []).age(on: d("2026-11-02")) == nil)
        #expect(!student(born: nil, []).isUnder18(on: d("2026-11-02")))
    }
}
