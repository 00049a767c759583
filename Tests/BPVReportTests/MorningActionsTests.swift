@testable import BPVReport
import BPVModel
import Testing

/// Which POKs the morning report asks action for: each boundary on its own.
@Suite struct MorningActionsTests {
    func actions(_ poks: [ReportData.POKLine]) -> [String] {
        var data = ReportData(run: "r", referenceDate: ReportFixture.today, exitStatus: 0)
        data.poks = poks
        return MorningPage.needingAction(data).map(\.pok.student)
    }

    @Test func behindAndAtRiskNeedAction() {
        #expect(actions([ReportFixture.pok("1", status: "on_track"), ReportFixture.pok("2", status: "behind"),
                         ReportFixture.pok("3", status: "at_risk"), ReportFixture.pok("4", status: "done")]) == ["3", "2"])
    }

    @Test func weeksWithoutHoursFromTheLimit() {
        #expect(actions([ReportFixture.pok("1", status: "on_track", weeksWithoutHours: 1)]) == [])
        #expect(actions([ReportFixture.pok("2", status: "on_track", weeksWithoutHours: 2)]) == ["2"])
        #expect(actions([ReportFixture.pok("3", status: "on_track", weeksWithoutHours: 3)]) == ["3"])
    }

    @Test func weeksWithoutHoursOnlyWhileThePOKRuns() {
        // Ended yesterday; ends today; begins tomorrow.
        #expect(actions([ReportFixture.pok("1", status: "on_track", weeksWithoutHours: 5, begin: "2025-09-01", end: "2026-11-29")]) == [])
        #expect(actions([ReportFixture.pok("2", status: "on_track", weeksWithoutHours: 5, begin: "2025-09-01", end: "2026-11-30")]) == ["2"])
        #expect(actions([ReportFixture.pok("3", status: "on_track", weeksWithoutHours: 5, begin: "2026-12-01", end: "2027-07-09")]) == [])
    }

    @Test func tussenbeoordelingDueWithinTwoWeeks() {
        let today = ReportFixture.today
        func due(_ days: Int) -> ReportData.POKLine {
            ReportFixture.pok("d\(days)", status: "on_track", firstAssessmentDue: today.adding(days: days))
        }
        #expect(actions([due(-1)]) == [], "yesterday: past")
        #expect(actions([due(0)]) == ["d0"], "today")
        #expect(actions([due(14)]) == ["d14"], "the last day of the window")
        #expect(actions([due(15)]) == [], "one past it")
    }

    @Test func reasonsAreInWords() {
        var data = ReportData(run: "r", referenceDate: ReportFixture.today, exitStatus: 0)
        data.poks = [ReportFixture.pok("1", status: "at_risk", weeksWithoutHours: 4)]
        #expect(MorningPage.needingAction(data).first?.reasons == [
            "in gevaar: de uren worden in dit tempo niet voor het einde gehaald", "4 weken zonder getelde uren",
        ])
    }
}
