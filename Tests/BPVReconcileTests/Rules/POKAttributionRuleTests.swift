import BPVModel
@testable import BPVReconcile
import Testing

@Suite struct POKAttributionRuleTests {
    let rule = POKAttributionRule()

    @Test func anEntryGoesToTheStudentsPOKAtItsLeerbedrijf() {
        let here = Hours.pok(), elsewhere = Hours.pok(leerbedrijf: "100581320")
        let result = rule.evaluate(.init(entry: Hours.entry(1, "2026-10-05"), poks: [elsewhere, here]))
        #expect(result.pok == here)
        #expect(result.reasons.isEmpty)
    }

    @Test func theEntrysOwnLeerbedrijfWinsOverTheEmployers() {
        let vestiging = Hours.pok(leerbedrijf: "100581320")
        let entry = Hours.entry(1, "2026-10-05", employerLeerbedrijf: Hours.leerbedrijf, leerbedrijf: "100581320")
        #expect(rule.evaluate(.init(entry: entry, poks: [Hours.pok(), vestiging])).pok == vestiging)
    }

    @Test func withoutAStudentTheEntryIsAnUnknownEmployee() {
        let result = rule.evaluate(.init(entry: Hours.entry(1, "2026-10-05", student: nil), poks: [Hours.pok()]))
        #expect(result.pok == nil)
        #expect(result.reasons.map(\.code) == [.unknownEmployee])
    }

    @Test func noPOKAtTheLeerbedrijfIsNoPOK() {
        let result = rule.evaluate(.init(entry: Hours.entry(1, "2026-10-05"), poks: [Hours.pok(leerbedrijf: "100581320")]))
        #expect(result.reasons.map(\.code) == [.noPOK])
        #expect(result.reasons.first?.explanation == "student 2250476 has no POK at leerbedrijf 100234567")
    }

    @Test func outsideEveryPeriodTheNearestPOKAtTheLeerbedrijfTakesTheEntry() {
        let autumn = Hours.pok("2026-09-01", "2026-10-31"), winter = Hours.pok("2026-12-01", "2027-01-31")
        // 2026-11-10 lies 10 days after the first and 21 days before the second.
        #expect(rule.evaluate(.init(entry: Hours.entry(1, "2026-11-10"), poks: [winter, autumn])).pok == autumn)
        #expect(rule.evaluate(.init(entry: Hours.entry(2, "2026-11-25"), poks: [winter, autumn])).pok == winter)
    }

    @Test func anUitzendbureausEntryGoesToTheOnlyPOKRunningThatDay() {
        let first = Hours.pok("2026-09-01", "2026-10-31"), second = Hours.pok("2026-11-01", "2027-06-30", leerbedrijf: "100581320")
        let entry = { (day: String) in Hours.entry(1, day, employer: "flexpool-uitzend", employerLeerbedrijf: nil) }
        #expect(rule.evaluate(.init(entry: entry("2026-10-31"), poks: [first, second])).pok == first, "the last day")
        #expect(rule.evaluate(.init(entry: entry("2026-11-01"), poks: [first, second])).pok == second, "the first day")
    }

    @Test func anUitzendbureausEntryWhileTwoPOKsRunIsAmbiguous() {
        let a = Hours.pok("2026-09-01", "2026-12-31"), b = Hours.pok("2026-11-01", "2027-06-30", leerbedrijf: "100581320")
        let entry = Hours.entry(1, "2026-11-01", employer: "flexpool-uitzend", employerLeerbedrijf: nil)
        let result = rule.evaluate(.init(entry: entry, poks: [a, b]))
        #expect(result.pok == nil)
        #expect(result.reasons.map(\.code) == [.ambiguousPOK])
        // The day before the second begins, only the first runs.
        let before = Hours.entry(2, "2026-10-31", employer: "flexpool-uitzend", employerLeerbedrijf: nil)
        #expect(rule.evaluate(.init(entry: before, poks: [a, b])).pok == a)
    }

    @Test func anEmployersPOKChoiceSettlesTheAmbiguity() {
        let a = Hours.pok("2026-09-01", "2026-12-31"), b = Hours.pok("2026-11-01", "2027-06-30", leerbedrijf: "100581320")
        let entry = Hours.entry(1, "2026-11-01", employer: "flexpool-uitzend", employerLeerbedrijf: nil)
        #expect(rule.evaluate(.init(entry: entry, poks: [a, b], choice: .latestBegin)).pok == b)
        #expect(rule.evaluate(.init(entry: entry, poks: [b, a], choice: .earliestBegin)).pok == a)
        #expect(rule.evaluate(.init(entry: entry, poks: [a, b], choice: .refuse)).reasons.map(\.code) == [.ambiguousPOK])
    }
}
