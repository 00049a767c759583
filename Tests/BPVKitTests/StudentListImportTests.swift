import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// The `students` kind: declared once (``StudentsKind``), read, checked and stored through the shared mechanism
/// for keyed kinds, with no importer or table of its own.
@Suite struct StudentListImportTests {
    static let header = "studentnummer;roepnaam;achternaam;geboortedatum;opleiding;crebo;leerweg;cohort\n"

    func importList(_ text: String, into store: SQLiteStore? = nil, allowEmpty: Bool = false) throws
        -> (FileImportResult, SQLiteStore) {
        let store = try store ?? SQLiteStore(path: ":memory:")
        let path = Fixture.temporaryFolder().appendingPathComponent("students.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let mapping = try MappingLoader().loadRecordMapping(path: Fixture.repo("mappings/sis/students-school.yaml"),
                                                            kind: StudentsKind.kind)
        let outcome = try ListImports.importFile(path: path, mapping: mapping, store: store,
                                                 today: CalendarDate(year: 2026, month: 12, day: 4)!, allowEmpty: allowEmpty)
        return (outcome.file, store)
    }

    @Test func theSampleSchoolsStudentsAreStoredWithEveryField() throws {
        let text = try String(contentsOfFile: Fixture.repo("samples/school/students.csv"), encoding: .utf8)
        let (result, store) = try importList(text)
        #expect(result.outcome == .imported)
        #expect(result.counts.entriesStored == 9)
        let students = try store.values(of: StudentsKind.self)
        #expect(students.count == 9)
        let sem = try #require(students.first { $0.studentNumber == "2250114" })
        #expect(sem.roepnaam == "Sem" && sem.achternaam == "Ottevanger")
        #expect(sem.geboortedatum == CalendarDate(year: 2004, month: 6, day: 21))
        #expect(sem.crebo == "25604" && sem.leerweg == .bbl && sem.cohort == 2025)
        #expect(sem.location?.line == 2)
    }

    @Test func aStudentnummerTwiceIsARejectNamingTheFirstAndAMalformedOneIsRejected() throws {
        let (result, store) = try importList(Self.header + """
            2250114;Sem;Ottevanger;2004-06-21;Software developer;25604;BBL;2025
            2250114;Sem;Ottevanger;2004-06-21;Software developer;25604;BBL;2025
            abc;Noor;Hesselink;2003-02-14;Software developer;25604;BBL;2025
            2250387;Noor;Hesselink;2003-02-14;Software developer;25604;BBL;1800

            """)
        #expect(result.outcome == .importedWithRejects)
        #expect(try store.values(of: StudentsKind.self).map(\.studentNumber) == ["2250114"])
        let rejects = try store.rejects(batchID: result.batchID!)
        #expect(rejects.map(\.location.line) == [3, 4, 5])
        #expect(rejects.first { $0.location.line == 3 }?.reason == "students: 2250114 appears twice (first at line 2)")
        #expect(rejects.first { $0.location.line == 4 }?.reason == "not a studentnummer")
        #expect(rejects.first { $0.location.line == 5 }?.column == "cohort")
    }

    @Test func aLaterListReplacesTheEarlierOneWithoutDeletingIt() throws {
        let (_, store) = try importList(Self.header + "2250114;Sem;Ottevanger;2004-06-21;SD;25604;BBL;2025\n"
                                        + "2250387;Noor;Hesselink;2003-02-14;SD;25604;BBL;2025\n")
        let (second, _) = try importList(Self.header + "2250114;Sem;Ottevanger-de Vries;2004-06-21;SD;25604;BBL;2025\n",
                                         into: store)
        #expect(second.counts.superseded == 2)
        #expect(try store.values(of: StudentsKind.self).map(\.achternaam) == ["Ottevanger-de Vries"])
    }

    @Test func anEmptyListIsRefusedUnlessItIsMeant() throws {
        let (refused, _) = try importList(Self.header)
        #expect(refused.outcome == .failed(refused.file + ": the list holds no students (no rows); refusing to treat it "
                                           + "as \"no students any more\". Give --allow-empty if the list is really empty."))
        let (allowed, _) = try importList(Self.header, allowEmpty: true)
        #expect(allowed.outcome == .imported)
    }
}

/// Every record kind is declared once and listed once.
@Suite struct RecordKindRegistryTests {
    @Test func everyDescriptorInTheKindsFolderIsListedOnceInTheNightlyOrder() throws {
        let folder = Fixture.repository.appendingPathComponent("Sources/BPVIngest/Kinds")
        var declared: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("public enum ") && line.contains("Kind: ") {
                declared.append(String(line.dropFirst("public enum ".count).prefix { $0 != ":" }))
            }
        }
        let listed = RecordKinds.all.map { String(describing: $0) }
        #expect(Set(declared) == Set(listed))
        #expect(listed.count == Set(listed).count)
        #expect(Set(RecordKind.allCases.map(\.rawValue)).count == listed.count, "kind names are unique")
        #expect(RecordKind.allCases.prefix(2) == [StudentsKind.kind, POKsKind.kind], "the SIS lists come first")
        #expect(RecordKind.allCases.last == ErkenningenKind.kind, "SBB's changes are judged against the POKs")
    }
}
