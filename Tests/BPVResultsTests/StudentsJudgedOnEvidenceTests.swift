import BPVModel
import BPVReconcile
import BPVResults
import Testing

/// The students whose evidence the judging reads: a POK whose programme has evidence rules counts; a POK without
/// a programme, or whose programme has none, does not; a student counts once any of their POKs does.
@Suite struct StudentsJudgedOnEvidenceTests {
    func progress(_ student: String, crebo: String) -> POKProgress {
        let pok = POK(studentNumber: student, leerbedrijfID: "101145779", crebo: crebo, begin: d("2025-09-01"),
                      end: d("2026-06-30"), minutes: 800 * 60, pokNumber: "P-\(student)-\(crebo)")
        return POKProgress(pok: pok, student: nil, verdicts: [], on: d("2026-03-01"), settings: .init())
    }

    @Test func onlyStudentsWithAPOKUnderEvidenceRulesAreRead() {
        let bare = Programme(name: "bare", crebos: ["11111"], evidence: nil)
        let programmes = [Seeds.ict, Seeds.pet, bare]
        let items = [progress("1", crebo: "25604"), progress("2", crebo: "25798"), progress("3", crebo: "11111"),
                     progress("4", crebo: "99999"), progress("5", crebo: "99999"), progress("5", crebo: "25798")]
        #expect(Results.studentsJudgedOnEvidence(progress: items, programmes: programmes) == ["1", "2", "5"])
        #expect(Results.studentsJudgedOnEvidence(progress: items, programmes: []).isEmpty)
        #expect(Results.studentsJudgedOnEvidence(progress: [], programmes: programmes).isEmpty)
    }

    @Test func theFirstProgrammeCoveringACreboDecidesAsTheJudgeDoes() {
        let bareICT = Programme(name: "bare-ict", crebos: ["25604"], evidence: nil)
        let items = [progress("1", crebo: "25604")]
        #expect(Results.studentsJudgedOnEvidence(progress: items, programmes: [bareICT, Seeds.ict]).isEmpty)
        #expect(Results.studentsJudgedOnEvidence(progress: items, programmes: [Seeds.ict, bareICT]) == ["1"])
    }
}
