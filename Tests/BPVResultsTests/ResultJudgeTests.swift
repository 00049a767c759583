import BPVModel
import BPVReconcile
@testable import BPVResults
import Testing

func d(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

/// The two seed programmes' evidence rules as the programme files write them.
enum Seeds {
    static let ict = Programme(name: "ict-bbl", crebos: ["25604"], evidence: EvidenceRules(requirements: [
        .init(id: "hours", label: "Uren", check: .hours),
        .init(id: "logboek", label: "Logboek", check: .document(kind: "logboek", minCount: 1, minGrade: nil,
                                                                approvals: [.praktijkopleider, .bpvDocent])),
        .init(id: "bpv_verslag", label: "Bpv-verslag", check: .document(kind: "bpv-verslag", minCount: 1, minGrade: .v, approvals: [])),
        .init(id: "starrt", label: "STARRT", check: .document(kind: "starrt", minCount: 5, minGrade: nil, approvals: [])),
        .init(id: "gespreksverslag", label: "Gespreksverslag", check: .document(kind: "gespreksverslag", minCount: 1,
                                                                                minGrade: nil, approvals: [.bpvDocent])),
        .init(id: "eindbeoordeling", label: "Eindbeoordeling", check: .assessment(
            stage: .eind, parts: ["technisch", "ondernemend"], minGrade: .v, signatures: [.student, .praktijkopleider, .bpvDocent])),
    ], goedWhen: .init(stage: .eind, part: "eindoordeel", atLeast: .g),
       monitoring: .init(firstTussenbeoordelingWeeks: 8, tussenbeoordelingEveryMonths: 12, visitEveryMonths: 12, evidenceWarningWeeks: 8)))

    static let pet = Programme(name: "pet", crebos: ["25798"], evidence: EvidenceRules(requirements: [
        .init(id: "hours", label: "Uren", check: .hours),
        .init(id: "reflectieverslag", label: "Reflectieverslag", check: .document(kind: "reflectieverslag", minCount: 1, minGrade: nil, approvals: [])),
        .init(id: "evaluatieformulier", label: "Evaluatieformulier", check: .document(kind: "evaluatieformulier", minCount: 1, minGrade: .v, approvals: [])),
    ], goedWhen: .init(stage: .eind, part: "eindoordeel", atLeast: .g), monitoring: .init(evidenceWarningWeeks: 6)))

    /// A POK from 2025-09-01 to 2026-06-30 (the deadline), 800 hours.
    static func pok(crebo: String = "25604") -> POK {
        POK(studentNumber: "2250114", leerbedrijfID: "101145779", crebo: crebo, begin: d("2025-09-01"), end: d("2026-06-30"),
            minutes: 800 * 60, pokNumber: "P1")
    }

    static func doc(_ id: String, _ kind: String, _ day: String, grade: Grade? = nil, approved: [EvidenceRole] = [],
                    approvedOn: String? = nil) -> EvidenceDocument {
        EvidenceDocument(id: id, studentNumber: "2250114", pokNumber: "P1", kind: kind, handedIn: d(day), grade: grade,
                         approvals: approved.map { Signature(role: $0, date: d(approvedOn ?? day)) })
    }

    static func eind(_ day: String = "2026-06-20", technisch: Grade = .v, ondernemend: Grade = .v, oordeel: Grade = .v,
                     signed: [EvidenceRole] = [.student, .praktijkopleider, .bpvDocent], signedOn: String? = nil) -> Assessment {
        Assessment(id: "E1", studentNumber: "2250114", pokNumber: "P1", stage: .eind, date: d(day),
                   parts: ["technisch": technisch, "ondernemend": ondernemend, "eindoordeel": oordeel],
                   signatures: signed.map { Signature(role: $0, date: d(signedOn ?? day)) })
    }

    /// Complete ICT evidence, all on time.
    static func ictComplete() -> POKEvidence {
        POKEvidence(assessments: [eind()], documents: [
            doc("L1", "logboek", "2026-06-25", approved: [.praktijkopleider, .bpvDocent]),
            doc("V1", "bpv-verslag", "2026-06-10", grade: .v),
            doc("G1", "gespreksverslag", "2025-11-01", approved: [.bpvDocent]),
        ] + (1...5).map { doc("S\($0)", "starrt", "2026-0\($0 + 1)-01") })
    }
}

@Suite struct ResultJudgeTests {
    let ended = d("2026-07-01")
    let full = 800 * 60

    func judge(_ evidence: POKEvidence, minutes: Int? = nil, on date: CalendarDate? = nil,
               programme: Programme = Seeds.ict, crebo: String = "25604") -> POKResult {
        ResultJudge.judge(pok: Seeds.pok(crebo: crebo), countedMinutes: minutes ?? full, programme: programme,
                          evidence: evidence, on: date ?? ended)
    }

    @Test func completeEvidenceIsVoldoendeAndFinalWithEveryItemMet() {
        let result = judge(Seeds.ictComplete())
        #expect(result.outcome == .voldoende && result.isFinal && result.reasons.isEmpty)
        #expect(result.checklist.map(\.state) == Array(repeating: .met, count: 6))
        #expect(result.programme == "ict-bbl" && result.pokKey == Seeds.pok().key)
    }

    @Test func anEindoordeelGIsGoedAndVIsVoldoende() {
        var evidence = Seeds.ictComplete()
        evidence.assessments = [Seeds.eind(oordeel: .g)]
        #expect(judge(evidence).outcome == .goed)
        evidence.assessments = [Seeds.eind(oordeel: .v)]
        #expect(judge(evidence).outcome == .voldoende)
        evidence.assessments = [Seeds.eind(oordeel: .nvt)]
        #expect(judge(evidence).outcome == .voldoende)
    }

    @Test func hoursExactlyReachedCountOneMinuteShortIsHoursShortWithTheMinutes() {
        #expect(judge(Seeds.ictComplete(), minutes: full).outcome == .voldoende)
        let short = judge(Seeds.ictComplete(), minutes: full - 1)
        #expect(short.outcome == .onvoldoende && short.isFinal)
        #expect(short.reasons.map(\.code) == ["hours_short"])
        #expect(short.reasons.first?.minutes == 1 && short.reasons.first?.requirement == "hours")
        #expect(short.checklist.first?.state == .unmet)
    }

    @Test func evidenceHandedInOnTheLastDayIsOnTimeTheDayAfterIsLate() {
        var evidence = Seeds.ictComplete()
        evidence.documents[1] = Seeds.doc("V1", "bpv-verslag", "2026-06-30", grade: .v)
        #expect(judge(evidence).outcome == .voldoende)
        evidence.documents[1] = Seeds.doc("V1", "bpv-verslag", "2026-07-01", grade: .v)
        let late = judge(evidence, on: d("2026-07-02"))
        #expect(late.outcome == .onvoldoende)
        #expect(late.reasons.map(\.code) == ["evidence_late"] && late.reasons.first?.date == d("2026-07-01"))
        #expect(late.reasons.first?.requirement == "bpv_verslag")
    }

    @Test func anApprovalOrSignatureAfterTheLastDayIsLate() {
        var evidence = Seeds.ictComplete()
        evidence.documents[0] = Seeds.doc("L1", "logboek", "2026-06-30", approved: [.praktijkopleider, .bpvDocent], approvedOn: "2026-07-01")
        #expect(judge(evidence).reasons.map(\.code) == ["evidence_late"])
        evidence = Seeds.ictComplete()
        evidence.assessments = [Seeds.eind(signedOn: "2026-06-30")]
        #expect(judge(evidence).outcome == .voldoende)
        evidence.assessments = [Seeds.eind(signedOn: "2026-07-01")]
        #expect(judge(evidence).reasons.map(\.code) == ["evidence_late"])
    }

    @Test func fourStarrtFormsAreMissingFiveAreEnough() {
        var evidence = Seeds.ictComplete()
        evidence.documents.removeLast()
        let result = judge(evidence)
        #expect(result.outcome == .onvoldoende)
        #expect(result.reasons.map(\.code) == ["evidence_missing"] && result.reasons.first?.requirement == "starrt")
        #expect(result.checklist.first { $0.requirement == "starrt" }?.detail.hasPrefix("4 van 5 in orde") == true)
        evidence.documents.removeAll { $0.kind == "starrt" }
        #expect(judge(evidence).checklist.first { $0.requirement == "starrt" }?.state == .missing)
    }

    @Test func aVerslagBelowVoldoendeIsGradeBelowAtVoldoendeItIsMet() {
        var evidence = Seeds.ictComplete()
        evidence.documents[1] = Seeds.doc("V1", "bpv-verslag", "2026-06-10", grade: .m)
        #expect(judge(evidence).reasons.map(\.code) == ["grade_below"])
        evidence.documents[1] = Seeds.doc("V1", "bpv-verslag", "2026-06-10", grade: .g)
        #expect(judge(evidence).outcome == .voldoende)
    }

    @Test func anUnapprovedLogboekOrGespreksverslagIsNotApproved() {
        var evidence = Seeds.ictComplete()
        evidence.documents[0] = Seeds.doc("L1", "logboek", "2026-06-25", approved: [.praktijkopleider])
        let result = judge(evidence)
        #expect(result.reasons.map(\.code) == ["not_approved"])
        #expect(result.reasons.first?.text.contains("bpv-docent") == true)
        evidence = Seeds.ictComplete()
        evidence.documents[2] = Seeds.doc("G1", "gespreksverslag", "2025-11-01")
        #expect(judge(evidence).reasons.map(\.requirement) == ["gespreksverslag"])
    }

    @Test func theEindbeoordelingNeedsEveryPartVoldoendeAndEverySignature() {
        var evidence = Seeds.ictComplete()
        evidence.assessments = [Seeds.eind(ondernemend: .m)]
        #expect(judge(evidence).reasons.map(\.code) == ["grade_below"])
        evidence.assessments = [Seeds.eind(signed: [.student, .praktijkopleider])]
        let unsigned = judge(evidence)
        #expect(unsigned.outcome == .onvoldoende && unsigned.reasons.map(\.code) == ["not_signed"])
        evidence.assessments = []
        #expect(judge(evidence).reasons.map(\.code) == ["evidence_missing"])
    }

    @Test func aRunningPOKWithEvidenceMissingIsNotDecidableAndNotFinal() {
        var evidence = Seeds.ictComplete()
        evidence.assessments = []
        let running = judge(evidence, minutes: full - 600, on: d("2026-06-30"))
        #expect(running.outcome == .notDecidable && !running.isFinal)
        #expect(Set(running.reasons.map(\.code)) == ["hours_short", "evidence_missing"])
        // The same dossier the day after the last day: final, onvoldoende.
        let after = judge(evidence, minutes: full - 600, on: d("2026-07-01"))
        #expect(after.outcome == .onvoldoende && after.isFinal)
    }

    @Test func aRunningPOKWithAllEvidenceInIsFinal() {
        let result = judge(Seeds.ictComplete(), on: d("2026-06-28"))
        #expect(result.outcome == .voldoende && result.isFinal)
        var low = Seeds.ictComplete()
        low.documents[1] = Seeds.doc("V1", "bpv-verslag", "2026-06-10", grade: .o)
        let below = judge(low, on: d("2026-06-28"))
        #expect(below.outcome == .onvoldoende && below.isFinal)
    }

    @Test func petNeedsHoursReflectieverslagAndAVoldoendeEvaluatieformulier() {
        let complete = POKEvidence(documents: [Seeds.doc("R1", "reflectieverslag", "2026-06-01"),
                                               Seeds.doc("E1", "evaluatieformulier", "2026-06-01", grade: .v)])
        #expect(judge(complete, programme: Seeds.pet, crebo: "25798").outcome == .voldoende)
        var noReflectie = complete
        noReflectie.documents.removeFirst()
        #expect(judge(noReflectie, programme: Seeds.pet, crebo: "25798").reasons.map(\.requirement) == ["reflectieverslag"])
        var matig = complete
        matig.documents[1] = Seeds.doc("E1", "evaluatieformulier", "2026-06-01", grade: .m)
        #expect(judge(matig, programme: Seeds.pet, crebo: "25798").reasons.map(\.code) == ["grade_below"])
        var goed = complete
        goed.assessments = [Seeds.eind(oordeel: .g)]
        #expect(judge(goed, programme: Seeds.pet, crebo: "25798").outcome == .goed)
        #expect(judge(complete, minutes: full - 60, programme: Seeds.pet, crebo: "25798").reasons.map(\.code) == ["hours_short"])
    }

    @Test func withoutAProgrammeTheResultIsNotDecidable() {
        let result = ResultJudge.judge(pok: Seeds.pok(), countedMinutes: full, programme: nil, evidence: POKEvidence(), on: ended)
        #expect(result.outcome == .notDecidable && result.reasons.map(\.code) == ["no_programme"])
    }

    @Test func recordsGoToThePOKByNumberElseByDate() {
        let first = Seeds.pok()
        var second = Seeds.pok()
        second.begin = d("2026-07-01"); second.end = d("2026-12-31"); second.pokNumber = "P2"
        var byDate = Seeds.doc("X", "starrt", "2026-08-01")
        byDate.pokNumber = nil
        let numbered = Seeds.doc("Y", "starrt", "2026-08-01")
        let matched = POKEvidence.matching(poks: [first, second], assessments: [], documents: [byDate, numbered], gesprekken: [])
        #expect(matched[second.key]?.documents.map(\.id) == ["X"])
        #expect(matched[first.key]?.documents.map(\.id) == ["Y"])
    }
}
