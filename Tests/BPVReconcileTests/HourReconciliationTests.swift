import BPVModel
@testable import BPVReconcile
import Testing

/// The engine: every entry's verdict with its primary reason by precedence, and the entries judged together.
@Suite struct HourReconciliationTests {
    func run(_ entries: [ReconcileEntry], poks: [POK] = [Hours.pok()], gaps: [String: [DateRange]] = [:],
             on day: String = "2026-12-04") -> ReconcileResult {
        HourReconciliation().run(ReconcileInput(referenceDate: d(day), students: [], poks: poks, entries: entries,
                                                erkenningGaps: gaps))
    }

    @Test func aSickDayOutsideThePeriodIsOutsideThePeriodFirstAndKeepsBothReasons() {
        let verdict = run([Hours.entry(1, "2027-01-04", category: .sick)]).verdicts[0]
        #expect(verdict.primary == .outsidePeriod)
        #expect(verdict.reasons.map(\.code) == [.outsidePeriod, .categorySick])
        #expect(verdict.countedMinutes == 0)
        #expect(verdict.pokKey == Hours.pok().key, "attributed to the nearest POK, so that its totals show it")
    }

    @Test func thePrecedenceIsTheDocumentedOrder() {
        #expect(VerdictCode.precedence.first == .unknownEmployee)
        #expect(VerdictCode.precedence.last == .notApproved)
        #expect(Set(VerdictCode.precedence) == Set(VerdictCode.allCases).subtracting([.counted]))
        #expect(VerdictCode.outsidePeriod < .categorySick && .categorySick < .notAccredited && .notAccredited < .duplicate)
    }

    @Test func aCountedEntryCountsItsMinutesAndAnUnknownEmployeeBelongsToNoPOK() {
        let result = run([Hours.entry(1, "2026-10-05"), Hours.entry(2, "2026-10-06", student: nil)])
        #expect(result.verdicts.map(\.primary) == [.counted, .unknownEmployee])
        #expect(result.verdicts.map(\.countedMinutes) == [480, 0])
        #expect(result.verdicts[1].pokKey == nil)
        #expect(result.progress[0].countedMinutes == 480)
    }

    @Test func aNotAccreditedDayDoesNotCountAndIsNotCountedAsADuplicateEither() {
        let gap = [Hours.pok().key: [DateRange(start: d("2026-10-05"), end: d("2026-10-05"))]]
        let result = run([Hours.entry(1, "2026-10-05"), Hours.entry(2, "2026-10-05", employer: "x", file: "b.csv")], gaps: gap)
        #expect(result.verdicts.map(\.primary) == [.notAccredited, .notAccredited])
        #expect(result.verdicts[1].reasons.map(\.code) == [.notAccredited], "duplicates are judged among counted entries only")
    }

    @Test func duplicatesGoFirstThenOverlapsAmongWhatStillCounts() {
        let result = run([Hours.entry(1, "2026-10-05", "08:00", "16:00"),
                          Hours.entry(2, "2026-10-05", "08:00", "16:00", employer: "tijdwerk-uitzend", file: "t.xml"),
                          Hours.entry(3, "2026-10-05", "15:00", "18:00", employer: "tijdwerk-uitzend", file: "t.xml")])
        #expect(result.verdicts.map(\.primary) == [.counted, .duplicate, .overlap])
        #expect(result.progress[0].countedMinutes == 480)
        #expect(result.progress[0].notCounted == [.duplicate: 480, .overlap: 180])
    }

    @Test func unapprovedHoursCountWithAFindingByDefault() {
        let result = run([Hours.entry(1, "2026-10-05", approved: false)])
        #expect(result.verdicts[0].counts)
        let hourFindings = result.findings.map(\.rule).filter { $0.hasPrefix("hours.") }
        #expect(hourFindings == ["hours.approval"])
    }

    @Test func workingTimeIsJudgedByTheStudentsAgeAndNeverChangesAVerdict() {
        let student = Student(studentNumber: "2250476", geboortedatum: d("2008-11-17"))
        let input = ReconcileInput(referenceDate: d("2026-12-04"), students: [student], poks: [Hours.pok()],
                                   entries: [Hours.entry(1, "2026-11-16", "07:00", "17:30", minutes: 600),   // 17 years old
                                             Hours.entry(2, "2026-11-17", "07:00", "17:30", minutes: 600)])  // 18 today
        let result = HourReconciliation().run(input)
        let counted = result.verdicts.map(\.counts)
        #expect(counted == [true, true])
        let shiftDates = result.findings.filter { $0.ruleID == "worktime.shift_length" }.map(\.date)
        #expect(shiftDates == [d("2026-11-16")], "9 h under 18; 12 h from the birthday on")
    }

    @Test func programmeFindingsFollowThePOKsCreboAndTheLeerjaarFromTheCohortAndNeverChangeAVerdict() {
        // Cohort 2025: leerjaar 1 until 2026-07-31, leerjaar 2 from 2026-08-01 (Monday to Wednesday school).
        let student = Student(studentNumber: "2250476", crebo: "25604", cohort: 2025)
        let entries = [Hours.entry(1, "2026-11-02"),      // Monday: a PET year 2 school day (the POK's crebo 25798)
                       Hours.entry(2, "2026-11-05"),      // Thursday: free for bpv
                       Hours.entry(3, "2026-11-10"),      // Tuesday in Themaweek 2
                       Hours.entry(4, "2026-11-17", student: "2250477")]   // no POK, no student: no programme
        let input = ReconcileInput(referenceDate: d("2026-12-04"), students: [student], poks: [Hours.pok()],
                                   entries: entries, programmes: [ictBBL, pet], calendar: calendar)
        let result = HourReconciliation().run(input)
        #expect(result.verdicts.map(\.primary) == [.counted, .counted, .counted, .noPOK])
        let programme = result.findings.filter { $0.rule.hasPrefix("programme.") }
        #expect(programme.map(\.rule) == ["programme.school_day", "programme.theme_week"])
        #expect(programme.map(\.date) == [d("2026-11-02"), d("2026-11-10")])
        #expect(programme.first?.crebo == "25798")
        // Without a POK the student's own crebo (25604, ICT BBL: Tuesday) decides.
        let noPOK = HourReconciliation().run(ReconcileInput(
            referenceDate: d("2026-12-04"), students: [student], poks: [], entries: entries,
            programmes: [ictBBL, pet], calendar: calendar))
        #expect(noPOK.findings.filter { $0.rule.hasPrefix("programme.") }.map(\.date) == [d("2026-11-10")])
        // Without programmes nothing is judged.
        let none = HourReconciliation().run(ReconcileInput(referenceDate: d("2026-12-04"), students: [student],
                                                           poks: [Hours.pok()], entries: entries))
        #expect(none.findings.allSatisfy { !$0.rule.hasPrefix("programme.") })
    }

    @Test func theLeerjaarIsTheStudentsOwnElseFromTheCohortWithTheSchoolYearFromAugust() {
        let byCohort = Student(studentNumber: "1", cohort: 2025)
        #expect(byCohort.leerjaar(on: d("2026-07-31")) == 1)
        #expect(byCohort.leerjaar(on: d("2026-08-01")) == 2)
        #expect(byCohort.leerjaar(on: d("2027-07-31")) == 2)
        #expect(Student(studentNumber: "2", cohort: 2025, leerjaar: 3).leerjaar(on: d("2026-08-01")) == 3)
        #expect(Student(studentNumber: "3").leerjaar(on: d("2026-08-01")) == nil)
    }

    @Test func aProgrammeNamesTheHolidaysThatLowerItsExpectedHours() {
        #expect(ictBBL.expectedHoursHolidays(in: calendar).map(\.name) == ["Bouwvak"])
        #expect(pet.expectedHoursHolidays(in: calendar).map(\.name) == ["Kerstvakantie", "Bouwvak"])
        #expect(pet.expectedHoursHolidays(in: nil).isEmpty)
    }
}

/// A POK's progress and status, at their boundaries.
@Suite struct POKProgressTests {
    /// A POK of 10 days (2026-11-01 – 2026-11-10) and 10 hours: one hour expected per day.
    let pok = Hours.pok("2026-11-01", "2026-11-10", hours: 10)

    func progress(_ counted: [(String, Int)], on day: String) -> POKProgress {
        let entries = counted.enumerated().map { Hours.entry(Int64($0.offset + 1), $0.element.0, nil, nil, minutes: $0.element.1) }
        return HourReconciliation().run(ReconcileInput(referenceDate: d(day), students: [], poks: [pok], entries: entries)).progress[0]
    }

    @Test func expectedIsProRataOverThePOKsDays() {
        #expect(progress([], on: "2026-10-31").expectedMinutes == 0, "the day before the begin")
        #expect(progress([], on: "2026-11-01").expectedMinutes == 60, "the first day")
        #expect(progress([], on: "2026-11-10").expectedMinutes == 600, "the last day")
        #expect(progress([], on: "2026-11-11").expectedMinutes == 600, "after the end")
    }

    @Test func holidaysLowerTheExpectedHours() {
        // Two of the ten days are a holiday: 10 hours over 8 days, 75 minutes a day.
        let holiday = [DateRange(start: d("2026-11-04"), end: d("2026-11-05"))]
        let expected = { (day: String) in
            POKProgress(pok: pok, student: nil, verdicts: [], on: d(day), settings: .init(), holidays: holiday).expectedMinutes
        }
        #expect(expected("2026-11-03") == 225, "three days before the holiday")
        #expect(expected("2026-11-05") == 225, "nothing more is expected during it")
        #expect(expected("2026-11-06") == 300, "the day after it")
        #expect(expected("2026-11-10") == 600)
    }

    @Test func exactlyTheExpectedHoursIsOnTrackAndOneMinuteLessIsBehind() {
        #expect(progress([("2026-11-01", 180)], on: "2026-11-03").status == .onTrack)
        #expect(progress([("2026-11-01", 179)], on: "2026-11-03").status == .behind)
    }

    @Test func exactlyTheRequiredHoursIsDoneAndOneMinuteLessIsNot() {
        #expect(progress([("2026-11-01", 600)], on: "2026-11-02").status == .done)
        #expect(progress([("2026-11-01", 599)], on: "2026-11-02").status != .done)
    }

    @Test func afterTheEndWithoutTheHoursItEndedShort() {
        #expect(progress([("2026-11-01", 599)], on: "2026-11-11").status == .endedShort)
        #expect(progress([("2026-11-01", 599)], on: "2026-11-10").status != .endedShort, "the last day itself")
    }

    @Test func aPOKEndedEarlyEndedShortTheDayAfterItsEarlyEnd() {
        var early = pok
        early.terminatedOn = d("2026-11-05")
        let run = { (day: String) in
            HourReconciliation().run(ReconcileInput(referenceDate: d(day), students: [], poks: [early], entries: [])).progress[0].status
        }
        #expect(run("2026-11-05") != .endedShort)
        #expect(run("2026-11-06") == .endedShort)
    }

    @Test func thePaceOfTheLastFourWeeksProjectsTheEnd() {
        // A long POK: 100 hours over 2026-09-01 – 2026-12-31, 28 hours in the 4 weeks to 2026-10-31: 1 h a day.
        let long = Hours.pok("2026-09-01", "2026-12-31", hours: 100)
        let entries = (0..<28).map { Hours.entry(Int64($0 + 1), d("2026-10-04").adding(days: $0).iso, nil, nil, minutes: 60) }
        let p = HourReconciliation().run(ReconcileInput(referenceDate: d("2026-10-31"), students: [], poks: [long],
                                                        entries: entries)).progress[0]
        #expect(p.recentMinutes == 28 * 60)
        #expect(p.projectedDate == d("2026-10-31").adding(days: 72), "72 hours to go at one an hour a day")
        #expect(p.status == .atRisk, "projected after the POK's end")
    }

    @Test func weeksWithoutHoursAreTheWholeWeeksBeforeTheReferenceDatesWeek() {
        // 2026-11-01 is a Sunday: its week begins 2026-10-26. To 2026-11-10 (week of 2026-11-09): two whole weeks.
        #expect(progress([], on: "2026-11-10").weeksWithoutHours == 2)
        #expect(progress([("2026-11-04", 60)], on: "2026-11-10").weeksWithoutHours == 1)
    }

    @Test func aPOKWithoutHoursHasNoNorm() {
        let none = Hours.pok("2026-11-01", "2026-11-10", hours: nil)
        let p = HourReconciliation().run(ReconcileInput(referenceDate: d("2026-11-05"), students: [], poks: [none], entries: [])).progress[0]
        #expect(p.status == .noNorm)
        #expect(p.expectedMinutes == nil)
        #expect(p.firstAssessmentDue == d("2026-12-27"))
    }
}
