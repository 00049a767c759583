import BPVModel
import BPVReconcile
import Testing

@Suite("Erkenning change rule")
struct ErkenningChangeRuleTests {
    let pok = POK(studentNumber: "2240233", leerbedrijfID: "100581320", crebo: "25798", begin: d("2025-09-08"),
                  end: d("2027-07-09"))
    let previous = ErkenningSnapshot(id: 3, batchID: 7, source: "sbb-erkenningen", retrievedOn: d("2026-09-01"),
                                     previousID: nil, erkenningCount: 12, purgedAt: nil)
    let pair = LeerbedrijfCrebo(leerbedrijfID: "100581320", crebo: "25798")

    func findings(_ changes: [ErkenningChange], poks: [POK]? = nil, previous: ErkenningSnapshot?? = .none) -> [Finding] {
        ErkenningChangeRule().evaluate(.init(source: "sbb-erkenningen", previous: previous ?? self.previous,
                                             retrievedOn: d("2026-11-02"), changes: changes, poks: poks ?? [pok])).findings
    }

    func change(_ kind: ErkenningChange.Kind, before: Erkenning?, after: Erkenning?) -> ErkenningChange {
        ErkenningChange(kind: kind, pair: pair, before: before, after: after)
    }

    @Test("a withdrawn erkenning is an error about the POK, with the two lists as evidence")
    func withdrawn() throws {
        let found = findings([change(.withdrawn, before: erkenning("2022-03-01", nil), after: nil)])
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.ruleID == .erkenningWithdrawn)
        #expect(f.rule == "erkenning.withdrawn")
        #expect(f.severity == .error)
        #expect(f.date == d("2026-11-02"))
        #expect(f.studentNumber == "2240233")
        #expect(f.leerbedrijfID == "100581320")
        #expect(f.crebo == "25798")
        #expect(f.subject == "POK 2240233 at 100581320 (crebo 25798, 2025-09-08 – 2027-07-09)")
        #expect(f.evidence == "erkenning 2022-03-01 – open is absent from the new list: the list of 2026-09-01 "
                + "(snapshot 3) compared with the list of 2026-11-02 (sbb-erkenningen)")
        #expect(f.explanation == "SBB no longer lists this erkenning: the leerbedrijf may no longer be accredited for "
                + "crebo 25798. Hours after the withdrawal may not count; check with SBB and the leerbedrijf.")
    }

    @Test("an unconfirmed erkenning is a warning to fix the list; an added one is information")
    func unconfirmedAndAdded() {
        let unconfirmed = findings([change(.unconfirmed, before: erkenning("2022-03-01", nil), after: nil)])
        #expect(unconfirmed.map(\.ruleID) == [.erkenningUnconfirmed])
        #expect(unconfirmed.map(\.severity) == [.warning])
        #expect(unconfirmed.first?.explanation == "The new list's row for this erkenning was rejected, so it is not "
                + "confirmed: fix the list (see the rejects) and import it again.")
        let added = findings([change(.added, before: nil, after: erkenning("2026-10-01", nil))])
        #expect(added.map(\.ruleID) == [.erkenningAdded])
        #expect(added.map(\.severity) == [.info])
        #expect(added.first?.evidence == "new erkenning 2026-10-01 – open: the list of 2026-09-01 (snapshot 3) "
                + "compared with the list of 2026-11-02 (sbb-erkenningen)")
        #expect(added.first?.explanation == "A new erkenning for this leerbedrijf and crebo: check whether it closes a "
                + "gap in the POK's coverage.")
    }

    @Test("an end before the POK's end, or a start after its begin, is a warning; a change that still covers it is information")
    func endedAndChanged() {
        let endsEarly = findings([change(.ended, before: erkenning("2021-06-01", nil), after: erkenning("2021-06-01", "2027-03-31"))])
        #expect(endsEarly.map(\.ruleID) == [.erkenningEnded])
        #expect(endsEarly.map(\.severity) == [.warning])
        #expect(endsEarly.first?.explanation == "The erkenning now ends on 2027-03-31, before the POK ends (2027-07-09): "
                + "the leerbedrijf needs a renewed erkenning, or the student another leerbedrijf.")
        #expect(endsEarly.first?.evidence.hasPrefix("end open → 2027-03-31: ") == true)

        let startsLate = findings([change(.changed, before: erkenning("2021-06-01", nil), after: erkenning("2025-10-01", nil))])
        #expect(startsLate.map(\.ruleID) == [.erkenningChanged])
        #expect(startsLate.map(\.severity) == [.warning])
        #expect(startsLate.first?.explanation == "The erkenning now starts on 2025-10-01, after the POK began (2025-09-08): "
                + "the days before are not covered by it.")

        let stillCovers = findings([change(.ended, before: erkenning("2021-06-01", nil), after: erkenning("2021-06-01", "2027-07-09"))])
        #expect(stillCovers.map(\.severity) == [.info])
        #expect(stillCovers.first?.explanation == "The erkenning still covers the POK (2021-06-01 – 2027-07-09); no action needed.")
    }

    @Test("only POKs that still run on the list's date, at the changed leerbedrijf and crebo, get a finding")
    func affectedPOKs() {
        let ended = POK(studentNumber: "2140001", leerbedrijfID: "100581320", crebo: "25798", begin: d("2024-09-01"),
                        end: d("2026-11-01"))
        let lastDay = POK(studentNumber: "2140002", leerbedrijfID: "100581320", crebo: "25798", begin: d("2024-09-01"),
                          end: d("2026-11-02"))
        let later = POK(studentNumber: "2340003", leerbedrijfID: "100581320", crebo: "25798", begin: d("2027-02-01"),
                        end: d("2028-01-31"))
        let otherCrebo = POK(studentNumber: "2240004", leerbedrijfID: "100581320", crebo: "25604", begin: d("2025-09-01"),
                             end: d("2027-07-09"))
        let terminated = POK(studentNumber: "2240005", leerbedrijfID: "100581320", crebo: "25798", begin: d("2025-09-01"),
                             end: d("2027-07-09"), terminatedOn: d("2026-11-01"))
        let terminatesLater = POK(studentNumber: "2240006", leerbedrijfID: "100581320", crebo: "25798",
                                  begin: d("2025-09-01"), end: d("2027-07-09"), terminatedOn: d("2026-11-02"))
        let found = findings([change(.withdrawn, before: erkenning("2022-03-01", nil), after: nil)],
                             poks: [pok, ended, lastDay, later, otherCrebo, terminated, terminatesLater])
        #expect(found.map(\.studentNumber) == ["2240233", "2140002", "2340003", "2240006"],
                "a POK terminated before the list's date runs no more")
        #expect(findings([], poks: [pok]).isEmpty)
    }

    @Test("without a previous snapshot, the evidence names the previous list")
    func noPreviousSnapshot() {
        let found = findings([change(.withdrawn, before: erkenning("2022-03-01", nil), after: nil)], previous: .some(nil))
        #expect(found.first?.evidence == "erkenning 2022-03-01 – open is absent from the new list: the previous list "
                + "compared with the list of 2026-11-02 (sbb-erkenningen)")
    }

    @Test("every kind of change has its finding id, `erkenning.<kind>`, and the rule lists it", arguments: ErkenningChange.Kind.allCases)
    func findingIDs(_ kind: ErkenningChange.Kind) {
        #expect(RuleID.erkenning(kind).rawValue == "erkenning.\(kind.rawValue)")
        #expect(ErkenningChangeRule.findingIDs.contains(.erkenning(kind)))
        let after = kind == .withdrawn || kind == .unconfirmed ? nil : erkenning("2021-06-01", nil)
        let before = kind == .added ? nil : erkenning("2021-06-01", "2027-12-31")
        #expect(findings([change(kind, before: before, after: after)]).map(\.ruleID) == [.erkenning(kind)])
    }
}
