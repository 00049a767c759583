import BPVModel
import BPVReconcile
import Testing

@Suite("Theme week rule")
struct ThemeWeekRuleTests {
    func check(_ hours: ProgrammeHours) -> [Finding] { ThemeWeekRule().evaluate(hours).findings }

    @Test("the first day (Monday) and the last (Friday) of a theme week fire; the Sunday before, its weekend and the Monday after do not")
    func boundaries() {
        let entries = ["2026-11-08", "2026-11-09", "2026-11-13", "2026-11-14", "2026-11-15", "2026-11-16"]
            .enumerated().map { entry($1, worked: h(8), line: 2 + $0) }
        let findings = check(programmeHours(leerjaar: 1, entries))
        #expect(findings.map(\.date) == [d("2026-11-09"), d("2026-11-13")])
        #expect(findings.first?.ruleID == .programmeThemeWeek)
        #expect(findings.first?.evidence == "8h00 on 2026-11-09, in Themaweek 2 (2026-11-09 – 2026-11-13, "
                + "calendar.yaml:4) of PET leerjaar 1 (pet.yaml): hours.csv:3 (work, no times, 8h00)")
        #expect(findings.first?.explanation.hasSuffix("This finding does not change the hours.") == true)
    }

    @Test("an obligation holds only for its programmes and leerjaren; without a calendar nothing fires")
    func scope() {
        let monday = [entry("2026-11-09", worked: h(8))]
        #expect(check(programmeHours(ictBBL, leerjaar: 1, monday)).isEmpty)
        #expect(check(programmeHours(leerjaar: nil, monday)).count == 1)
        var onlyYear3 = calendar
        onlyYear3.obligations[0].leerjaren = [3]
        #expect(check(programmeHours(leerjaar: 2, monday, calendar: onlyYear3)).isEmpty)
        #expect(check(programmeHours(leerjaar: 3, monday, calendar: onlyYear3)).count == 1)
        #expect(check(programmeHours(leerjaar: 2, monday, calendar: SchoolCalendar())).isEmpty)
    }
}
