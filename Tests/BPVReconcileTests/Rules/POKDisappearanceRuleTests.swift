import BPVModel
import BPVReconcile
import Testing

@Suite("POK disappearance rule")
struct POKDisappearanceRuleTests {
    static func pok(_ student: String, _ leerbedrijf: String = "100966213", crebo: String = "25605",
                    begin: String = "2025-08-25", number: String? = nil, line: Int = 2) -> POK {
        POK(studentNumber: student, leerbedrijfID: leerbedrijf, crebo: crebo, begin: d(begin), end: d("2027-01-29"),
            pokNumber: number, location: SourceLocation(file: "poks-1.csv", line: line))
    }

    func outcome(previous: [POK], listed: [POK], rejectedRows: Int = 0) -> POKDisappearanceRule.Outcome {
        POKDisappearanceRule().evaluate(.init(previous: previous.map { .init(pok: $0, batchID: 4) }, listed: listed,
                                              file: "poks-2.csv", rejectedRows: rejectedRows, date: d("2026-12-01")))
    }

    @Test("a POK the new list lacks is a warning about it, naming the list that had it and the one that has not")
    func disappeared() throws {
        let gone = Self.pok("2240562", number: "P2025-0562", line: 3)
        let result = outcome(previous: [Self.pok("2250114", number: "P2025-0114"), gone],
                             listed: [Self.pok("2250114", number: "P2025-0114")])
        #expect(result.disappeared == [1])
        let f = try #require(result.findings.first)
        #expect(result.findings.count == 1)
        #expect(f.ruleID == .pokDisappeared && f.rule == "pok.disappeared")
        #expect(f.severity == .warning)
        #expect(f.date == d("2026-12-01"))
        #expect(f.studentNumber == "2240562" && f.leerbedrijfID == "100966213" && f.crebo == "25605")
        #expect(f.subject == "POK 2240562 at 100966213 (crebo 25605, 2025-08-25 – 2027-01-29)")
        #expect(f.evidence == "listed as P2025-0562 on line 3 of poks-1.csv (import batch 4); poks-2.csv has no POK "
                + "with that number")
        #expect(f.explanation == "The student administration no longer lists this POK: the dossier ends it with this "
                + "list (it stays in the store with its history). If the POK ended, record its termination date in "
                + "the SIS; if it was left out by mistake, correct the export and import it again.")
    }

    @Test("by number when both rows have one: a changed begin is the same POK, another number at the same place is not")
    func byNumber() {
        let moved = outcome(previous: [Self.pok("2240562", number: "P1")],
                            listed: [Self.pok("2240562", begin: "2025-09-01", number: "P1")])
        #expect(moved.disappeared.isEmpty)
        let renumbered = outcome(previous: [Self.pok("2240562", number: "P1")], listed: [Self.pok("2240562", number: "P2")])
        #expect(renumbered.disappeared == [0])
    }

    @Test("else by student, leerbedrijf, crebo and begin: a row without a number still names a numbered POK")
    func byKey() {
        #expect(outcome(previous: [Self.pok("2240562")], listed: [Self.pok("2240562")]).disappeared.isEmpty)
        #expect(outcome(previous: [Self.pok("2240562", number: "P1")], listed: [Self.pok("2240562")]).disappeared.isEmpty)
        #expect(outcome(previous: [Self.pok("2240562")], listed: [Self.pok("2240562", number: "P1")]).disappeared.isEmpty)
        for other in [Self.pok("2240563"), Self.pok("2240562", "100581320"), Self.pok("2240562", crebo: "25606"),
                      Self.pok("2240562", begin: "2025-08-26")] {
            #expect(outcome(previous: [Self.pok("2240562")], listed: [other]).disappeared == [0], "\(other.subject)")
        }
    }

    @Test("without a number the evidence names what was looked for; rejected rows of the new list are mentioned")
    func evidenceWithoutNumber() throws {
        let result = outcome(previous: [Self.pok("2240562", line: 5)], listed: [], rejectedRows: 2)
        let f = try #require(result.findings.first)
        #expect(f.evidence == "listed on line 5 of poks-1.csv (import batch 4); poks-2.csv has no POK of this student "
                + "at this leerbedrijf for crebo 25605 beginning 2025-08-25")
        #expect(f.explanation.hasSuffix(" The new list has 2 rejected row(s): if this POK is one of them, fix the row."))
    }

    @Test("a first list, and a list that repeats every POK, raise nothing")
    func nothingGone() {
        #expect(outcome(previous: [], listed: [Self.pok("2240562")]) == POKDisappearanceRule.Outcome())
        let all = [Self.pok("2240562", number: "P1"), Self.pok("2250114")]
        #expect(outcome(previous: all, listed: all.reversed()).findings.isEmpty)
    }
}
