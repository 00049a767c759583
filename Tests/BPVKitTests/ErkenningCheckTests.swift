@testable import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

@Suite("The accreditation check on the samples")
struct ErkenningCheckTests {
    @Test("every sample POK gets the status the sample dates give, on several reference dates",
          arguments: ["2026-11-02", "2027-01-15", "2027-02-01", "2025-10-01"])
    func samples(_ date: String) throws {
        let fixture = try ReferenceFixture()
        let oracle = try SampleOracle()
        try fixture.importPOKs()
        try fixture.importCrebos()
        try fixture.importSBB(Paths.snapshot1)
        try fixture.importSBB(Paths.snapshot2)
        let report = try fixture.check(on: date)
        #expect(report.mode == .poks)
        #expect(report.rows.count == oracle.poks.count)
        for pok in oracle.poks {
            let row = try #require(report.rows.first { oracle.isRow($0.pok, of: pok) })
            let want = oracle.expected(pok, on: d(date), window: 90)
            let which = "POK \(pok.student) at \(pok.leerbedrijf) on \(date)"
            #expect(row.result.status.rawValue == want.status, "\(which)")
            #expect(row.result.notCoveredSince == want.since, "\(which)")
            #expect(row.result.coverageEnds == want.coverageEnds, "\(which)")
            #expect(row.result.query.end == pok.lastDay, "\(which): checked up to its last day")
        }
        // The samples cover every status the issue asks for on the day of the second list.
        if date == "2026-11-02" {
            #expect(Set(report.rows.map(\.result.status)) == [.covered, .expiring, .endsDuringPlacement, .notCovered])
        }
    }

    @Test("--crebo and --leerbedrijf select POKs; table, CSV and JSON carry the same rows")
    func selectionAndFormats() throws {
        let fixture = try ReferenceFixture()
        let oracle = try SampleOracle()
        try fixture.importPOKs()
        try fixture.importCrebos()
        try fixture.importSBB(Paths.snapshot1)
        try fixture.importSBB(Paths.snapshot2)
        let report = try fixture.check(crebo: "25798", on: "2026-11-02")
        let students = oracle.poks.filter { $0.crebo == "25798" }.map(\.student)
        #expect(Set(report.rows.compactMap(\.pok?.studentNumber)) == Set(students))
        #expect(try fixture.check(crebo: "25798", leerbedrijf: "0100581320", on: "2026-11-02").rows.count
                == oracle.poks.filter { $0.crebo == "25798" && $0.leerbedrijf == "100581320" }.count)

        let csv = report.csv().text.split(separator: "\n")
        #expect(csv.count == students.count + 1)
        #expect(csv[0].hasPrefix("student;leerbedrijf;leerbedrijf_name;crebo;"))
        #expect(csv.dropFirst().allSatisfy { $0.contains(";25798;Allround podium- en evenemententechnicus;") })
        let json = try JSONSerialization.jsonObject(with: report.json()) as? [String: Any]
        let placements = json?["placements"] as? [[String: Any]]
        #expect(placements?.count == students.count)
        #expect(Set(placements?.compactMap { $0["status"] as? String } ?? []) == Set(report.rows.map(\.result.status.rawValue)))
        let table = report.table()
        #expect(table.contains("NOT ACCREDITED since"))
        #expect(table.contains("EXPIRING"))
        #expect(table.contains("List: sbb-erkenningen, retrieved 2026-11-02"))
    }

    @Test("a POK on a replaced crebo: the successor chain is reported; the successor's erkenning counts only by policy")
    func replacedCrebo() throws {
        let fixture = try ReferenceFixture()
        try fixture.importPOKs(Paths.fixture("poks-replaced-crebo.csv"))
        try fixture.importCrebos()
        try fixture.importSBB(Paths.snapshot1)
        try fixture.importSBB(Paths.snapshot2)
        let strict = try fixture.check(crebo: "25951", on: "2026-11-02")
        let late = try #require(strict.rows.first { $0.pok?.studentNumber == "9990001" })
        #expect(late.result.status == .notCovered)               // 25951's erkenning ended 2026-07-31
        #expect(late.result.notCoveredSince == d("2026-10-01"))
        #expect(late.result.crebo.successors.description == "25951 → 25952")
        #expect(late.result.crebo.beganAfterEindeInstroom)
        #expect(late.result.uncountedSuccessorErkenningen.map(\.crebo) == ["25952"])
        let ended = try #require(strict.rows.first { $0.pok?.studentNumber == "9990002" })
        #expect(ended.result.status == .covered)                 // the POK ended before the erkenning did

        let lenient = try fixture.check(crebo: "25951", on: "2026-11-02", policy: ErkenningPolicy(successorErkenningCovers: true))
        let covered = try #require(lenient.rows.first { $0.pok?.studentNumber == "9990001" })
        #expect(covered.result.status == .covered)
        #expect(covered.result.countedSuccessors == ["25952"])
        #expect(strict.csv().text.contains("25951 → 25952"))
    }

    @Test("without POKs for the selection, leerbedrijf/crebo pairs are checked on the reference date")
    func pairs() throws {
        let fixture = try ReferenceFixture()
        try fixture.importSBB(Paths.snapshot2)
        let report = try fixture.check(crebo: "25798", on: "2026-11-02")
        #expect(report.mode == .pairs)
        let oracle = try SampleOracle()
        #expect(Set(report.rows.map(\.result.query.leerbedrijfID)) == Set(oracle.snapshot2.filter { $0.crebo == "25798" }.map(\.leerbedrijf)))
        #expect(report.rows.allSatisfy { $0.result.status == .covered })
        #expect(report.notes.contains { $0.contains("no POKs for this selection") })
        #expect(throws: ErkenningCheck.RequestError.self) { try fixture.check(crebo: "2579", on: "2026-11-02") }
    }
}
