import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// The bpv application's kinds (assessments, documents, gesprekken): declared once each, read through their
/// mappings in `mappings/onstage/`, stored through the shared keyed-record table, bad rows rejected with file,
/// line, column, value and what was expected.
@Suite struct OnStageListImportTests {
    func importList<Kind: KeyedRecordKind>(_ kind: Kind.Type, mapping name: String, _ text: String,
                                           into store: SQLiteStore? = nil) throws -> (FileImportResult, SQLiteStore) {
        let store = try store ?? SQLiteStore(path: ":memory:")
        let path = Fixture.temporaryFolder().appendingPathComponent("\(name).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let mapping = try MappingLoader().loadRecordMapping(path: Fixture.repo("mappings/onstage/\(name).yaml"), kind: Kind.kind)
        let outcome = try ListImports.importFile(path: path, mapping: mapping, store: store,
                                                 today: CalendarDate(year: 2026, month: 12, day: 4)!)
        return (outcome.file, store)
    }

    func sample(_ name: String) throws -> String {
        try String(contentsOfFile: Fixture.repo("samples/onstage/\(name).csv"), encoding: .utf8)
    }

    @Test func theSampleAssessmentsAreStoredWithGradesAndSignatures() throws {
        let (result, store) = try importList(AssessmentsKind.self, mapping: "onstage-beoordelingen", try sample("beoordelingen"))
        #expect(result.outcome == .imported)
        let assessments = try store.values(of: AssessmentsKind.self)
        #expect(assessments.count == 12)
        let eind = try #require(assessments.first { $0.id == "B-1005" })
        #expect(eind.stage == .eind && eind.studentNumber == "2240562" && eind.pokNumber == "P2025-0562")
        #expect(eind.parts == ["technisch": .g, "ondernemend": .v, "eindoordeel": .g])
        #expect(eind.signatures.map(\.role) == [.student, .praktijkopleider, .bpvDocent])
        #expect(eind.signatures.last?.date == CalendarDate(year: 2026, month: 11, day: 19))
        let nvt = try #require(assessments.first { $0.id == "B-1012" })
        #expect(nvt.parts["ondernemend"] == .nvt && nvt.signatures.count == 2)
    }

    @Test func theSampleDocumentsAndGesprekkenAreStored() throws {
        let (_, store) = try importList(DocumentsKind.self, mapping: "onstage-documenten", try sample("documenten"))
        let documents = try store.values(of: DocumentsKind.self)
        #expect(documents.count == 16)
        #expect(documents.filter { $0.studentNumber == "2240562" && $0.kind == "starrt" }.count == 5)
        let verslag = try #require(documents.first { $0.id == "D-2001" })
        #expect(verslag.kind == "bpv-verslag" && verslag.grade == .v && verslag.approvals.count == 2)
        let (_, store2) = try importList(GesprekkenKind.self, mapping: "onstage-gesprekken", try sample("gesprekken"))
        let visit = try #require(try store2.values(of: GesprekkenKind.self).first { $0.id == "G-3003" })
        #expect(visit.kind == "bpv-bezoek" && visit.participants == [.student, .praktijkopleider, .bpvDocent])
    }

    @Test func badRowsAreRejectsNamingLineColumnValueAndWhatWasExpected() throws {
        let (result, store) = try importList(GesprekkenKind.self, mapping: "onstage-gesprekken", """
            Gesprek-ID;Studentnummer;POK-nummer;Soort gesprek;Datum;Deelnemers
            G-1;2250114;;BPV-bezoek;31-02-2026;student
            G-2;2250114;;BPV-bezoek;01-02-2026;student, directeur
            G-3;2250114;;Lunch;01-02-2026;student
            G-4;2250114;;BPV-bezoek;01-02-2026;student
            G-4;2250114;;BPV-bezoek;02-02-2026;student

            """)
        #expect(result.outcome == .importedWithRejects)
        #expect(try store.values(of: GesprekkenKind.self).map(\.id) == ["G-4"])
        let rejects = try store.rejects(batchID: result.batchID!)
        #expect(rejects.map(\.location.line) == [2, 3, 4, 6])
        let date = try #require(rejects.first { $0.location.line == 2 })
        #expect(date.column == "Datum" && date.value == "31-02-2026" && date.expected == "dd-MM-yyyy")
        let role = try #require(rejects.first { $0.location.line == 3 })
        #expect(role.reason == "'directeur' is not a role")
        #expect(rejects.first { $0.location.line == 4 }?.column == "Soort gesprek")
        #expect(rejects.first { $0.location.line == 6 }?.reason == "gesprekken: G-4 appears twice (first at line 5)")
    }

    @Test func aGradeOutsideTheScaleIsRejected() throws {
        let (result, store) = try importList(DocumentsKind.self, mapping: "onstage-documenten", """
            Document-ID;Studentnummer;POK-nummer;Soort document;Ingeleverd op;Beoordeling;Goedgekeurd praktijkopleider;Goedgekeurd bpv-docent
            D-1;2250114;;BPV-verslag;01-02-2026;Uitstekend;;
            D-2;2250114;;STARRT-formulier;01-02-2026;;;
            D-3;2250114;;STARRT-formulier;02-02-2026;;;

            """)
        #expect(result.outcome == .importedWithRejects)
        let reject = try #require(try store.rejects(batchID: result.batchID!).first)
        #expect(reject.location.line == 2 && reject.column == "Beoordeling" && reject.value == "Uitstekend")
        #expect(reject.expected?.hasPrefix("one of O, Onvoldoende") == true)
    }
}
