import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// The student administration's POK list: every field stored and read back, a later list replacing the earlier one,
/// and a POK the later list no longer has ended with a `pok.disappeared` finding, never deleted.
@Suite struct POKListImportTests {
    static let header = "studentnummer;leerbedrijf-ID;crebo;begindatum;einddatum;uren;poknummer;getekend;status;beeindigd;tweede_adres\n"
    static let today = CalendarDate(year: 2026, month: 12, day: 4)!

    /// Imports `text` as a file called `name` through the one list-import dispatch, as the nightly run does.
    func importList(_ text: String, name: String = "poks.csv", into store: SQLiteStore? = nil,
                    allowEmpty: Bool = false) throws -> (ListImports.Outcome, SQLiteStore) {
        let store = try store ?? SQLiteStore(path: ":memory:")
        let path = Fixture.temporaryFolder().appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let mapping = try MappingLoader().loadRecordMapping(path: Fixture.repo("mappings/sis/poks-school.yaml"),
                                                            kind: POKsKind.kind)
        let outcome = try ListImports.importFile(path: path, mapping: mapping, store: store, today: Self.today,
                                                 allowEmpty: allowEmpty)
        return (outcome, store)
    }

    static var sample: String {
        get throws { try String(contentsOfFile: Fixture.repo("samples/school/poks.csv"), encoding: .utf8) }
    }

    /// The sample list without the rows whose line (1-based, the header is line 1) is in `lines`.
    static func sampleWithout(lines: Set<Int>) throws -> String {
        try sample.split(separator: "\n").enumerated().filter { !lines.contains($0.offset + 1) }
            .map { $0.element + "\n" }.joined()
    }

    @Test func theSampleSchoolsPOKsAreStoredWithEveryFieldAndReadBack() throws {
        let (outcome, store) = try importList(try Self.sample)
        #expect(outcome.file.outcome == .imported)
        #expect(outcome.file.counts.entriesStored == 10)
        #expect(outcome.findings.isEmpty, "a first list has nothing to compare with")
        let poks = try store.currentPOKs(crebo: nil, leerbedrijfID: nil)
        #expect(poks.count == 10)
        #expect(poks.allSatisfy { $0.pokNumber != nil && $0.signedOn != nil && $0.status != nil })

        let lotte = try #require(poks.first { $0.studentNumber == "2250658" })
        #expect(lotte.pokNumber == "P2025-0658")
        #expect(lotte.signedOn == CalendarDate(year: 2026, month: 10, day: 12), "signed a year after the begin")
        #expect(lotte.countingPeriod?.start == lotte.signedOn)
        #expect(lotte.status == .active && lotte.terminatedOn == nil && !lotte.secondAddress)

        let jesse = try #require(poks.first { $0.studentNumber == "2240562" })
        #expect(jesse.status == .ended)
        #expect(jesse.terminatedOn == CalendarDate(year: 2026, month: 11, day: 20))
        #expect(jesse.lastDay == jesse.terminatedOn)

        let joel = poks.filter { $0.studentNumber == "2240233" }.sorted { $0.begin < $1.begin }
        #expect(joel.map(\.leerbedrijfID) == ["100234567", "100581320"])
        #expect(joel.map(\.secondAddress) == [false, true])
        #expect(joel.map(\.pokNumber) == ["P2025-0233", "P2026-0233"])
        #expect(joel.last?.begin == CalendarDate(year: 2026, month: 11, day: 1))
        #expect(joel.last?.minutes == 240 * 60)
        #expect(joel.last?.location?.line == 11)
    }

    @Test func aPOKGoneFromTheNextListIsEndedWithAFindingAndKeptWithItsHistory() throws {
        let (first, store) = try importList(try Self.sample)
        let firstBatch = try #require(first.file.batchID)
        let (second, _) = try importList(try Self.sampleWithout(lines: [4]), name: "poks-2026-12.csv", into: store)
        let secondBatch = try #require(second.file.batchID)
        #expect(second.file.outcome == .imported)
        #expect(second.file.counts.superseded == 10)
        #expect(second.file.notes.contains("1 POK(s) of the previous list are not in this one: ended, kept with their "
                                           + "history (pok.disappeared)"))

        let finding = try #require(second.findings.first)
        #expect(second.findings.count == 1)
        #expect(finding.rule == "pok.disappeared" && finding.severity == .warning && finding.date == Self.today)
        #expect(finding.studentNumber == "2240562" && finding.leerbedrijfID == "100966213" && finding.crebo == "25605")
        #expect(finding.subject == "POK 2240562 at 100966213 (crebo 25605, 2025-08-25 – 2027-01-29)")
        #expect(finding.evidence == "listed as P2025-0562 on line 4 of \(first.file.file) (import batch \(firstBatch)); "
                + "\(second.file.file) has no POK with that number")
        #expect(try store.findings(batchID: secondBatch) == second.findings)

        // Not current any more, but still in the store: superseded by the second list, marked as gone from it.
        #expect(try store.currentPOKs(crebo: nil, leerbedrijfID: nil).count == 9)
        #expect(try !store.currentPOKs(crebo: nil, leerbedrijfID: nil).contains { $0.studentNumber == "2240562" })
        let history = try store.pokHistory(studentNumber: "2240562")
        #expect(history.count == 1)
        #expect(history.first?.batchID == firstBatch)
        #expect(history.first?.supersededBy == secondBatch)
        #expect(history.first?.disappeared == true)
        #expect(history.first?.pok.terminatedOn == CalendarDate(year: 2026, month: 11, day: 20), "kept with every field")
        // A POK listed again is superseded by its new row, not ended.
        let lotte = try store.pokHistory(studentNumber: "2250658")
        #expect(lotte.map(\.supersededBy) == [secondBatch, nil])
        #expect(lotte.map(\.disappeared) == [false, false])
    }

    @Test func withoutNumbersTheSamePOKIsTheSameStudentLeerbedrijfCreboAndBegin() throws {
        let (_, store) = try importList(Self.header + """
            2250114;101145779;25604;2025-09-01;2027-07-09;1220;;;;;
            2250387;101145779;25604;2025-09-01;2027-07-09;1220;;;;;

            """)
        let (second, _) = try importList(Self.header + """
            2250114;101145779;25604;2025-09-01;2027-08-31;1300;;;;;
            2250387;101145779;25604;2025-10-01;2027-07-09;1220;;;;;

            """, name: "poks-2.csv", into: store)
        // Another end or other hours: the same POK. Another begin: another POK, so the first one is gone.
        #expect(second.findings.map { $0.studentNumber ?? "" } == ["2250387"])
        #expect(second.findings.first?.evidence.hasSuffix("has no POK of this student at this leerbedrijf for crebo "
                                                          + "25604 beginning 2025-09-01") == true)
        #expect(try store.pokHistory(studentNumber: "2250114").map(\.disappeared) == [false, false])
        #expect(try store.pokHistory(studentNumber: "2250387").map(\.disappeared) == [true, false])
    }

    @Test func anEmptyListAllowedEndsEveryPOKOfTheSource() throws {
        let (_, store) = try importList(try Self.sample)
        let (emptied, _) = try importList(Self.header, name: "poks-empty.csv", into: store, allowEmpty: true)
        #expect(emptied.findings.count == 10)
        #expect(Set(emptied.findings.map(\.rule)) == ["pok.disappeared"])
        #expect(try store.currentPOKs(crebo: nil, leerbedrijfID: nil).isEmpty)
        #expect(try store.pokHistory(studentNumber: "2240233").count == 2)
    }

    @Test func aPOKNumberTwiceIsARejectNamingTheFirstLine() throws {
        let (outcome, store) = try importList(Self.header + """
            2250114;101145779;25604;2025-09-01;2027-07-09;1220;P1;;;;
            2250387;101145779;25604;2025-09-01;2027-07-09;1220;P1;;;;

            """)
        #expect(outcome.file.outcome == .importedWithRejects)
        let rejects = try store.rejects(batchID: try #require(outcome.file.batchID))
        #expect(rejects.map(\.location.line) == [3])
        #expect(rejects.first?.reason == "POKs: P1 appears twice (first at line 2)")
        #expect(rejects.first?.expected == "each POK number once in a list")
        #expect(try store.currentPOKs(crebo: nil, leerbedrijfID: nil).map(\.studentNumber) == ["2250114"])
    }

    @Test func theDatesThatContradictEachOtherAreRejectsWithTheirMessages() throws {
        let (outcome, store) = try importList(Self.header + """
            2250114;101145779;25604;2025-09-01;2027-07-09;1220;P1;2027-07-10;;;
            2250387;101145779;25604;2025-09-01;2027-07-09;1220;P2;;beëindigd;2025-08-31;
            2240562;100966213;25605;2025-08-25;2027-01-29;900;P3;;beëindigd;2027-01-30;
            2250901;100966213;25606;2026-02-02;2027-07-09;1000;P4;2027-07-09;beëindigd;2026-02-02;ja

            """)
        let rejects = try store.rejects(batchID: try #require(outcome.file.batchID))
        #expect(rejects.map(\.location.line) == [2, 3, 4])
        #expect(rejects.map(\.column) == ["getekend", "beeindigd", "beeindigd"])
        #expect(rejects.map(\.reason) == ["the POK is signed after it ends", "the POK is terminated before it begins",
                                          "the POK is terminated after it ends"])
        #expect(rejects.map(\.expected) == ["a signing date on or before the end 2027-07-09",
                                            "a termination date on or after the begin 2025-09-01",
                                            "a termination date on or before the end 2027-01-29"])
        let kept = try #require(try store.currentPOKs(crebo: nil, leerbedrijfID: nil).first)
        #expect(kept.studentNumber == "2250901" && kept.signedOn == kept.end && kept.terminatedOn == kept.begin)
        #expect(kept.secondAddress)
    }
}
