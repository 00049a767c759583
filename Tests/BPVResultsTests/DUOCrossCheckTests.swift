import BPVModel
import BPVReconcile
@testable import BPVResults
import Testing

@Suite struct DUOCrossCheckTests {
    let pok = Seeds.pok()
    func registration(_ change: (inout DUORegistration) -> Void = { _ in }) -> DUORegistration {
        var r = DUORegistration(volgnummer: "P1", begin: d("2025-09-01"), plannedEnd: d("2026-06-30"), minutes: 800 * 60,
                                leerbedrijfID: "101145779", crebo: "25604")
        change(&r)
        return r
    }
    func check(_ poks: [POK], _ registrations: [DUORegistration]) -> [Finding] {
        DUOCrossCheck.findings(poks: poks, registrations: registrations, on: d("2026-07-01"))
    }

    @Test func aMatchingRegistrationGivesNoFinding() {
        #expect(check([pok], [registration()]).isEmpty)
    }

    @Test func aPOKMissingFromDUOAndARegistrationWithoutPOKAreFindings() {
        #expect(check([pok], []).map(\.ruleID) == [.duoPOKMissing])
        let other = registration { $0.volgnummer = "P9" }
        #expect(check([pok], [registration(), other]).map(\.ruleID) == [.duoRegistrationWithoutPOK])
        #expect(check([], [other]).first?.subject == "DUO registration P9")
    }

    @Test func everyDifferenceIsNamed() {
        let findings = check([pok], [registration {
            $0.begin = d("2025-09-02"); $0.plannedEnd = d("2026-07-01"); $0.actualEnd = d("2026-05-01")
            $0.minutes = 799 * 60; $0.leerbedrijfID = "100234567"; $0.crebo = "25605"
        }])
        #expect(findings.map(\.ruleID) == [.duoDifference])
        #expect(findings.first?.evidence == "volgnummer P1: begin: DUO 2025-09-02, POK 2025-09-01; planned end: DUO "
            + "2026-07-01, POK 2026-06-30; actual end: DUO 2026-05-01, POK none; omvang: DUO 799 hours, POK 800; "
            + "leerbedrijf: DUO 100234567, POK 101145779; crebo: DUO 25605, POK 25604")
    }
}
