import BPVModel
import BPVReconcile
@testable import BPVResults
import Testing

@Suite struct ResultMonitoringTests {
    func findings(_ evidence: POKEvidence, on date: String, programme: Programme = Seeds.ict) -> [RuleID] {
        let pok = Seeds.pok()
        let result = ResultJudge.judge(pok: pok, countedMinutes: 0, programme: programme, evidence: evidence, on: d(date))
        return ResultMonitoring.findings(pok: pok, result: result, programme: programme, evidence: evidence, on: d(date)).map(\.ruleID)
    }

    func tussen(_ day: String) -> Assessment {
        Assessment(id: "T\(day)", studentNumber: "2250114", pokNumber: "P1", stage: .tussen, date: d(day), parts: [:])
    }

    func visit(_ day: String, with roles: [EvidenceRole] = [.student, .bpvDocent]) -> Gesprek {
        Gesprek(id: "G\(day)", studentNumber: "2250114", pokNumber: "P1", kind: "bpv-bezoek", date: d(day), participants: roles)
    }

    @Test func aFirstTussenbeoordelingIsDueEightWeeksAfterTheStart() {
        // Start 2025-09-01: due by 2025-10-27.
        #expect(findings(POKEvidence(), on: "2025-10-27").isEmpty)
        #expect(findings(POKEvidence(), on: "2025-10-28") == [.resultTussenbeoordelingOverdue])
        #expect(findings(POKEvidence(assessments: [tussen("2025-10-27")]), on: "2025-10-28").isEmpty)
        #expect(findings(POKEvidence(assessments: [tussen("2025-10-28")]), on: "2025-11-01") == [.resultTussenbeoordelingOverdue])
    }

    @Test func aTussenbeoordelingIsDueEveryTwelveMonths() {
        let evidence = POKEvidence(assessments: [tussen("2025-10-01")], gesprekken: [visit("2026-01-10")])
        #expect(findings(evidence, on: "2026-04-01").isEmpty)
        var long = Seeds.pok()
        long.end = d("2027-07-01")
        let result = ResultJudge.judge(pok: long, countedMinutes: 0, programme: Seeds.ict, evidence: evidence, on: d("2026-10-01"))
        let visited = POKEvidence(assessments: evidence.assessments, gesprekken: [visit("2026-09-01")])
        #expect(ResultMonitoring.findings(pok: long, result: result, programme: Seeds.ict, evidence: visited,
                                          on: d("2026-10-01")).isEmpty)
        #expect(ResultMonitoring.findings(pok: long, result: result, programme: Seeds.ict, evidence: visited,
                                          on: d("2026-10-02")).map(\.ruleID) == [.resultTussenbeoordelingOverdue])
        #expect(ResultMonitoring.addingMonths(12, to: d("2025-10-01")) == d("2026-10-01"))
        #expect(ResultMonitoring.addingMonths(1, to: d("2026-01-31")) == d("2026-02-28"))
    }

    @Test func noVisitByTheBPVDocentInTwelveMonthsIsAFinding() {
        let base = POKEvidence(assessments: [tussen("2025-10-01")])
        #expect(findings(base, on: "2026-04-01").isEmpty)  // the POK is not yet 12 months old
        var long = Seeds.pok()
        long.end = d("2027-07-01")
        let withoutDocent = POKEvidence(assessments: [tussen("2025-10-01"), tussen("2026-08-01")],
                                        gesprekken: [visit("2025-10-10", with: [.student, .praktijkopleider])])
        let result = ResultJudge.judge(pok: long, countedMinutes: 0, programme: Seeds.ict, evidence: withoutDocent, on: d("2026-09-02"))
        #expect(ResultMonitoring.findings(pok: long, result: result, programme: Seeds.ict, evidence: withoutDocent,
                                          on: d("2026-09-01")).isEmpty)
        #expect(ResultMonitoring.findings(pok: long, result: result, programme: Seeds.ict, evidence: withoutDocent,
                                          on: d("2026-09-02")).map(\.ruleID) == [.resultNoVisit])
        let visited = POKEvidence(assessments: withoutDocent.assessments, gesprekken: [visit("2025-10-10")])
        #expect(ResultMonitoring.findings(pok: long, result: result, programme: Seeds.ict, evidence: visited,
                                          on: d("2026-10-10")).isEmpty)
        #expect(ResultMonitoring.findings(pok: long, result: result, programme: Seeds.ict, evidence: visited,
                                          on: d("2026-10-11")).map(\.ruleID) == [.resultNoVisit])
    }

    @Test func evidenceMissingEightWeeksBeforeTheEndIsAFindingNotBefore() {
        let evidence = POKEvidence(assessments: [tussen("2025-10-01")], gesprekken: [visit("2026-01-10")])
        // Last day 2026-06-30: the warning starts 2026-05-05.
        #expect(findings(evidence, on: "2026-05-04").isEmpty)
        #expect(findings(evidence, on: "2026-05-05") == [.resultEvidenceMissingSoon])
        var complete = Seeds.ictComplete()
        complete.assessments.append(tussen("2025-10-01"))
        complete.gesprekken = [visit("2026-01-10")]
        #expect(findings(complete, on: "2026-06-29").isEmpty)
    }

    @Test func anEndedPOKHasNoMonitoringFindings() {
        #expect(findings(POKEvidence(), on: "2026-07-01").isEmpty)
    }
}
