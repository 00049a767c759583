import BPVModel
import BPVReconcile
import Testing

@Suite("Lesson time rule")
struct LessonTimeRuleTests {
    func check(_ entries: [HourEntry], leerjaar: Int? = 1) -> [Finding] {
        LessonTimeRule().evaluate(programmeHours(leerjaar: leerjaar, entries)).findings
    }

    @Test("the edges: ending at 08:30 or starting at 16:30 passes; ending at 08:31 or starting at 16:29 fires")
    func edges() {
        #expect(check([entry("2026-11-02", "06:00", "08:30", worked: h(2, 30))]).isEmpty)
        #expect(check([entry("2026-11-02", "16:30", "22:00", worked: h(5, 30))]).isEmpty)
        let early = check([entry("2026-11-02", "06:00", "08:31", worked: h(2, 31))])
        #expect(early.map(\.date) == [d("2026-11-02")])
        #expect(early.first?.evidence == "0h01 within the lessons (08:30–16:30, monday, tuesday, wednesday, thursday, "
                + "friday) of PET leerjaar 1 (pet.yaml) on 2026-11-02: hours.csv:2 (work, 06:00–08:31, 2h31)")
        #expect(check([entry("2026-11-02", "16:29", "22:00", worked: h(5, 31))]).count == 1)
    }

    @Test("weekends, holidays, theme weeks, entries without times and other leerjaren pass")
    func exemptions() {
        #expect(check([entry("2026-11-07", "09:00", "17:00", worked: h(8))]).isEmpty)     // Saturday
        #expect(check([entry("2026-12-21", "09:00", "17:00", worked: h(8))]).isEmpty)     // Kerstvakantie
        #expect(check([entry("2026-11-10", "09:00", "17:00", worked: h(8))]).isEmpty)     // Themaweek 2
        #expect(check([entry("2026-11-02", worked: h(8))]).isEmpty)                       // no times
        #expect(check([entry("2026-11-02", "09:00", "17:00", worked: h(8))], leerjaar: 2).isEmpty)
    }

    @Test("a night entry running into a lesson morning fires on its date; into a Saturday it does not")
    func overnight() {
        #expect(check([entry("2026-11-02", "22:00", "09:00", worked: h(10, 30))]).map(\.date) == [d("2026-11-02")])
        #expect(check([entry("2026-11-06", "22:00", "09:00", worked: h(10, 30))]).isEmpty)   // Friday → Saturday
    }
}
