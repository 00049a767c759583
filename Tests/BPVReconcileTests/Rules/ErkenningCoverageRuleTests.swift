import BPVModel
import BPVReconcile
import Testing

@Suite("Accreditation rule")
struct ErkenningCoverageRuleTests {
    let pok = ErkenningQuery(leerbedrijfID: "100581320", crebo: "25798", begin: d("2025-09-08"), end: d("2027-07-09"))
    let empty = CreboRegister([])

    func check(_ erkenningen: [Erkenning], on date: String = "2026-11-02", query: ErkenningQuery? = nil,
               withdrawn: [WithdrawnErkenning] = [], register: CreboRegister? = nil,
               policy: ErkenningPolicy = ErkenningPolicy()) -> ErkenningCoverage {
        ErkenningCoverageRule(settings: policy).evaluate(.init(query: query ?? pok, on: d(date), erkenningen: erkenningen,
                                                            withdrawn: withdrawn, register: register ?? empty))
    }

    @Test("an open erkenning from the POK's first day covers it")
    func coveredFromFirstDay() {
        let r = check([erkenning("2025-09-08", nil)])
        #expect(r.status == .covered)
        #expect(r.gaps.isEmpty)
        #expect(r.checked == DateRange(start: d("2025-09-08"), end: d("2026-11-02")))
    }

    @Test("an erkenning starting one day after the POK leaves its first day uncovered")
    func startsOneDayLate() {
        let r = check([erkenning("2025-09-09", nil)])
        #expect(r.status == .notCovered)
        #expect(r.notCoveredSince == d("2025-09-08"))
        #expect(r.gaps == [DateRange(start: d("2025-09-08"), end: d("2025-09-08"))])
    }

    @Test("an erkenning ending on the POK's last day covers it; one day earlier does not")
    func endOnLastDay() {
        #expect(check([erkenning("2020-01-01", "2027-07-09")]).status == .covered)
        let r = check([erkenning("2020-01-01", "2027-07-08")])
        #expect(r.status == .endsDuringPlacement)
        #expect(r.coverageEnds == d("2027-07-08"))
    }

    @Test("erkenningen that touch (end D, next start D+1) cover without a gap; a one-day hole is found")
    func touchingAndHoles() {
        #expect(check([erkenning("2020-01-01", "2026-03-31"), erkenning("2026-04-01", nil)]).status == .covered)
        let r = check([erkenning("2020-01-01", "2026-03-31"), erkenning("2026-04-02", nil)])
        #expect(r.status == .notCovered)
        #expect(r.notCoveredSince == d("2026-04-01"))
        #expect(r.gaps == [DateRange(start: d("2026-04-01"), end: d("2026-04-01"))])
    }

    @Test("the expiring window: ending exactly at the window's end is expiring, one day later is not")
    func expiringBoundary() {
        let on = d("2026-11-02")
        let atWindow = on.adding(days: 90).iso, pastWindow = on.adding(days: 91).iso
        let r = check([erkenning("2020-01-01", atWindow)])
        #expect(r.status == .expiring)
        #expect(r.daysLeft == 90)
        #expect(check([erkenning("2020-01-01", pastWindow)]).status == .endsDuringPlacement)
        #expect(check([erkenning("2020-01-01", atWindow)], policy: ErkenningPolicy(expiringWithinDays: 89)).status
                == .endsDuringPlacement)
    }

    @Test("an erkenning that ended mid-POK: not covered since the day after its end")
    func endedMidPOK() {
        let r = check([erkenning("2021-06-01", "2026-06-30")])
        #expect(r.status == .notCovered)
        #expect(r.notCoveredSince == d("2026-07-01"))
        // Coverage ending on the reference date itself is still coverage today.
        #expect(check([erkenning("2021-06-01", "2026-11-02")]).status == .expiring)
        #expect(check([erkenning("2021-06-01", "2026-11-01")]).notCoveredSince == d("2026-11-02"))
    }

    @Test("a POK that ended is checked up to its end only; one that starts later only on its first day")
    func horizon() {
        let ended = ErkenningQuery(leerbedrijfID: "100581320", crebo: "25798", begin: d("2024-09-01"), end: d("2025-06-30"))
        let r = check([erkenning("2024-09-01", "2025-06-30")], query: ended)
        #expect(r.status == .covered)
        #expect(r.checked.end == d("2025-06-30"))
        let future = ErkenningQuery(leerbedrijfID: "100581320", crebo: "25798", begin: d("2027-02-01"), end: d("2028-01-31"))
        let f = check([erkenning("2027-02-01", "2027-12-31")], query: future)
        #expect(f.checked == DateRange(start: d("2027-02-01"), end: d("2027-02-01")))
        #expect(f.status == .endsDuringPlacement)
        #expect(check([erkenning("2027-02-02", nil)], query: future).status == .notCovered)
    }

    @Test("a POK terminated early is checked up to its termination: an erkenning ending after it covers the POK")
    func terminatedPOK() {
        var terminated = POK(studentNumber: "2240562", leerbedrijfID: "100581320", crebo: "25798", begin: d("2025-09-08"),
                             end: d("2027-07-09"), terminatedOn: d("2026-11-20"))
        #expect(ErkenningQuery(terminated).end == d("2026-11-20"))
        #expect(check([erkenning("2020-01-01", "2026-12-31")], query: ErkenningQuery(terminated)).status == .covered)
        let short = check([erkenning("2020-01-01", "2026-11-19")], on: "2026-06-01", query: ErkenningQuery(terminated))
        #expect(short.status == .endsDuringPlacement)
        #expect(short.coverageEnds == d("2026-11-19"))
        terminated.terminatedOn = nil
        #expect(check([erkenning("2020-01-01", "2026-12-31")], query: ErkenningQuery(terminated)).status == .expiring)
    }

    @Test("no erkenning at all, and erkenningen of another leerbedrijf or crebo do not count")
    func noErkenning() {
        let r = check([erkenning("100234567", "25798", "2020-01-01", nil), erkenning("100581320", "25604", "2020-01-01", nil)])
        #expect(r.status == .noErkenning)
        #expect(r.notCoveredSince == d("2025-09-08"))
    }

    @Test("a withdrawn erkenning covers up to the last list that had it")
    func withdrawn() {
        let w = WithdrawnErkenning(erkenning: erkenning("2022-03-01", nil), lastSeen: d("2026-09-01"), absentFrom: d("2026-11-02"))
        let r = check([], withdrawn: [w])
        #expect(r.status == .notCovered)
        #expect(r.notCoveredSince == d("2026-09-02"))
        #expect(r.notes.contains { $0.contains("withdrawn") && $0.contains("2026-11-02") })
    }

    @Test("a withdrawn erkenning whose end date lies after its last list covers only up to that list")
    func withdrawnBeforeItsEnd() {
        let w = WithdrawnErkenning(erkenning: erkenning("2022-03-01", "2027-12-31"), lastSeen: d("2026-09-01"),
                                   absentFrom: d("2026-11-02"))
        #expect(w.provenRange == DateRange(start: d("2022-03-01"), end: d("2026-09-01")))
        let r = check([], withdrawn: [w])
        #expect(r.status == .notCovered)
        #expect(r.notCoveredSince == d("2026-09-02"))
        #expect(r.gaps == [DateRange(start: d("2026-09-02"), end: d("2026-11-02"))])
        // One that ended before its last list counts up to its own end.
        let ended = WithdrawnErkenning(erkenning: erkenning("2022-03-01", "2026-06-30"), lastSeen: d("2026-09-01"),
                                       absentFrom: d("2026-11-02"))
        #expect(ended.provenRange == DateRange(start: d("2022-03-01"), end: d("2026-06-30")))
    }

    @Test("touching erkenningen are one run: with the reference date in the first, coverage ends with the second")
    func touchingRunsThroughTheSecond() {
        // The first ends 59 days after the reference date (expiring on its own), the second 149 days after.
        let r = check([erkenning("2020-01-01", "2026-12-31"), erkenning("2027-01-01", "2027-03-31")])
        #expect(r.coverageEnds == d("2027-03-31"))
        #expect(r.daysLeft == 149)
        #expect(r.status == .endsDuringPlacement)
        // An open second one covers the placement to its end.
        let open = check([erkenning("2020-01-01", "2026-12-31"), erkenning("2027-01-01", nil)])
        #expect(open.status == .covered)
        #expect(open.coverageEnds == nil)
        #expect(DateRange.union([DateRange(start: d("2020-01-01"), end: d("2026-12-31")),
                                 DateRange(start: d("2027-01-01"), end: d("2027-03-31"))])
                == [DateRange(start: d("2020-01-01"), end: d("2027-03-31"))])
    }

    @Test("leerweg: a BOL-only erkenning does not cover a BBL placement")
    func leerweg() {
        var bbl = pok
        bbl.leerweg = .bbl
        #expect(check([erkenning("2020-01-01", nil, leerweg: .bol)], query: bbl).status == .noErkenning)
        #expect(check([erkenning("2020-01-01", nil, leerweg: .both)], query: bbl).status == .covered)
        #expect(check([erkenning("2020-01-01", nil, leerweg: .bol)]).status == .covered) // placement's leerweg unknown
    }

    @Test("a successor's erkenning covers the replaced crebo only when the policy says so")
    func successorPolicy() {
        let register = CreboRegister([
            Crebo(crebo: "25951", eindeInstroom: d("2025-07-31"), eindeOpleiding: d("2027-07-31"), vervangenDoor: ["25952"]),
            Crebo(crebo: "25952"),
        ])
        let old = ErkenningQuery(leerbedrijfID: "100966213", crebo: "25951", begin: d("2025-09-01"), end: d("2027-06-30"))
        let erkenningen = [erkenning("100966213", "25951", "2018-03-01", "2026-07-31"),
                           erkenning("100966213", "25952", "2026-08-01", nil)]
        let strict = check(erkenningen, query: old, register: register)
        #expect(strict.status == .notCovered)
        #expect(strict.notCoveredSince == d("2026-08-01"))
        #expect(strict.uncountedSuccessorErkenningen.map(\.crebo) == ["25952"])
        #expect(strict.crebo.successors.all == ["25952"])
        #expect(strict.crebo.beganAfterEindeInstroom)
        #expect(!strict.crebo.endsBeforePlacement)
        let lenient = check(erkenningen, query: old, register: register, policy: ErkenningPolicy(successorErkenningCovers: true))
        #expect(lenient.status == .covered)
        #expect(lenient.countedSuccessors == ["25952"])
    }

    @Test("crebo facts: ended before the placement ends, unknown crebo")
    func creboFacts() {
        let register = CreboRegister([Crebo(crebo: "25798", name: "Allround podium- en evenemententechnicus",
                                                   eindeOpleiding: d("2027-01-31"))])
        let r = check([erkenning("2020-01-01", nil)], register: register)
        #expect(r.crebo.known == true)
        #expect(r.crebo.endsBeforePlacement)
        #expect(!r.crebo.endedOnReferenceDate)
        #expect(r.needsAttention)
        let unknown = check([erkenning("2020-01-01", nil)], register: CreboRegister([Crebo(crebo: "25604")]))
        #expect(unknown.crebo.known == false)
        #expect(check([erkenning("2020-01-01", nil)]).crebo.known == nil)   // no crebo list imported
    }
}
