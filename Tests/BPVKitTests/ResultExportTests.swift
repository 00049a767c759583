import BPVKit
import BPVModel
import BPVReconcile
import BPVStore
import Foundation
import Testing

/// The exports for the student-administration system: layouts, encodings, incremental rows and --full, the
/// manifest, byte-identical re-exports, atomic writes, formula neutralisation, results changed after export, and a
/// real spreadsheet program (LibreOffice) reading an export back.
@Suite struct ResultExportTests {
    static let date = CalendarDate(iso: "2026-07-01")!
    static let pet = Programme(name: "pet", crebos: ["25798"], evidence: EvidenceRules(requirements: [
        .init(id: "hours", label: "Uren", check: .hours),
        .init(id: "reflectieverslag", label: "Reflectieverslag", check: .document(kind: "reflectieverslag", minCount: 1,
                                                                                  minGrade: nil, approvals: [])),
    ], goedWhen: .init(stage: .eind, part: "eindoordeel", atLeast: .g)))

    /// Students with accents and with names a spreadsheet would run as formulas; each with an ended POK.
    static let students = [
        Student(studentNumber: "2250001", roepnaam: "Zoë", achternaam: "Brinkhuis"),
        Student(studentNumber: "2250002", roepnaam: "René", achternaam: "=HYPERLINK(\"x\")"),
        Student(studentNumber: "2250003", roepnaam: "+31 6 12345678", achternaam: "Wolbers"),
    ]

    static func pok(_ student: String) -> POK {
        POK(studentNumber: student, leerbedrijfID: "100234567", crebo: "25798", begin: CalendarDate(iso: "2025-09-01")!,
            end: CalendarDate(iso: "2026-06-30")!, minutes: 0, pokNumber: "P-\(student)")
    }

    static func reflectie(_ student: String) -> EvidenceDocument {
        EvidenceDocument(id: "R-\(student)", studentNumber: student, kind: "reflectieverslag", handedIn: CalendarDate(iso: "2026-06-01")!)
    }

    /// The reconciliation and results of the three students: Zoë goed, René voldoende, the third onvoldoende.
    static func dossier(goedFor: Set<String> = ["2250001"]) -> (ReconcileResult, Results) {
        let poks = students.map { pok($0.studentNumber) }
        let reconciliation = HourReconciliation().run(ReconcileInput(referenceDate: date, students: students, poks: poks, entries: []))
        let assessments = goedFor.map { student in
            Assessment(id: "E-\(student)", studentNumber: student, stage: .eind, date: CalendarDate(iso: "2026-06-20")!,
                       parts: ["eindoordeel": .g])
        }
        let results = Results.judge(progress: reconciliation.progress, programmes: [pet], assessments: assessments,
                                    documents: [reflectie("2250001"), reflectie("2250002")], gesprekken: [], on: date)
        return (reconciliation, results)
    }

    func layout(_ name: String) throws -> ExportLayout { try ExportLayout.load(path: Fixture.repo("mappings/exports/\(name).yaml")) }

    func export(_ layoutName: String, store: SQLiteStore, into folder: URL, full: Bool = false,
                dossier: (ReconcileResult, Results) = dossier()) throws -> ResultExport.Outcome {
        try ResultExport(store: store, layout: try layout(layoutName))
            .write(reconciliation: dossier.0, results: dossier.1, on: Self.date, into: folder.path, full: full, run: "test")
    }

    @Test func theSISLayoutIsWindows1252WithCRLFDutchHeadersDatesAndOVGCodes() throws {
        let folder = Fixture.temporaryFolder()
        let outcome = try export("sis-bpv-resultaat", store: try SQLiteStore(path: ":memory:"), into: folder)
        #expect(outcome.rows == 3)
        let data = try Data(contentsOf: URL(fileURLWithPath: try #require(outcome.file)))
        #expect(data.contains(0xEB) && !data.starts(with: CSVTable.byteOrderMark))  // ë in Windows-1252, no BOM
        let text = try #require(String(data: data, encoding: .windowsCP1252))
        #expect(text == "Studentnummer;Roepnaam;Achternaam;Overeenkomstnummer;Leerbedrijf;Crebo;Einddatum;Resultaat;Gerealiseerde omvang\r\n"
            + "2250001;Zoë;Brinkhuis;P-2250001;100234567;25798;30-06-2026;G;0\r\n"
            + "2250002;René;\"'=HYPERLINK(\"\"x\"\")\";P-2250002;100234567;25798;30-06-2026;V;0\r\n"
            + "2250003;'+31 6 12345678;Wolbers;P-2250003;100234567;25798;30-06-2026;O;0\r\n")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: try #require(outcome.manifest)))) as? [String: Any]
        #expect(manifest?["rows"] as? Int == 3 && manifest?["sha256"] as? String == outcome.sha256 && manifest?["run"] as? String == "test")
    }

    @Test func aSecondExportHoldsOnlyNewOrChangedRowsAndFullHoldsAll() throws {
        let folder = Fixture.temporaryFolder()
        let store = try SQLiteStore(path: ":memory:")
        #expect(try export("generic-results", store: store, into: folder).rows == 3)
        let again = try export("generic-results", store: store, into: folder)
        #expect(again.rows == 0 && again.file == nil)
        #expect(try export("generic-results", store: store, into: folder, full: true).rows == 3)
        // Another layout has its own state.
        #expect(try export("sis-bpv-resultaat", store: store, into: folder).rows == 3)
    }

    @Test func theSameDossierAndDateGiveByteIdenticalFiles() throws {
        let a = Fixture.temporaryFolder(), b = Fixture.temporaryFolder()
        let first = try export("generic-results", store: try SQLiteStore(path: ":memory:"), into: a, full: true)
        let second = try export("generic-results", store: try SQLiteStore(path: ":memory:"), into: b, full: true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.file!)) == Data(contentsOf: URL(fileURLWithPath: second.file!)))
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.manifest!)) == Data(contentsOf: URL(fileURLWithPath: second.manifest!)))
    }

    @Test func aResultThatChangesAfterItWasExportedIsAFindingAndItsRowIsExportedAgain() throws {
        let folder = Fixture.temporaryFolder()
        let store = try SQLiteStore(path: ":memory:")
        #expect(try export("generic-results", store: store, into: folder).findings.isEmpty)
        let changed = try export("generic-results", store: store, into: folder, dossier: Self.dossier(goedFor: []))
        #expect(changed.rows == 1)
        #expect(changed.findings.map(\.ruleID) == [.resultChangedAfterExport])
        #expect(changed.findings.first?.studentNumber == "2250001")
        #expect(changed.findings.first?.evidence == "exported as goed with generic-results, now voldoende")
    }

    @Test func aSecondIncrementalExportOfTheDayNeverReplacesTheFirstAndAFullOneDoes() throws {
        let folder = Fixture.temporaryFolder()
        let store = try SQLiteStore(path: ":memory:")
        let first = try export("generic-results", store: store, into: folder)
        let second = try export("generic-results", store: store, into: folder, dossier: Self.dossier(goedFor: []))
        #expect((first.file as NSString?)?.lastPathComponent == "generic-results-2026-07-01.csv")
        #expect((second.file as NSString?)?.lastPathComponent == "generic-results-2026-07-01-2.csv")
        #expect((second.manifest as NSString?)?.lastPathComponent == "generic-results-2026-07-01-2.manifest.json")
        // The first file still holds its three rows (a header and three lines), the second only the changed one.
        func lines(_ path: String?) throws -> Int {
            try String(contentsOfFile: try #require(path), encoding: .utf8).split(separator: "\n").count
        }
        let firstLines = try lines(first.file), secondLines = try lines(second.file)
        #expect(firstLines == 4 && secondLines == 2)
        let third = try export("generic-results", store: store, into: folder, dossier: Self.dossier(goedFor: ["2250001"]))
        #expect((third.file as NSString?)?.lastPathComponent == "generic-results-2026-07-01-3.csv")
        // A full export holds every row: it replaces its namesake.
        let full = try export("generic-results", store: store, into: folder, full: true)
        let fullLines = try lines(full.file)
        #expect(full.file == first.file && fullLines == 4)
    }

    @Test func anExportInterruptedBeforeTheRenameLeavesNoPartialFile() throws {
        struct Interrupted: Error {}
        let folder = Fixture.temporaryFolder()
        let store = try SQLiteStore(path: ":memory:")
        let (reconciliation, results) = Self.dossier()
        #expect(throws: Interrupted.self) {
            try ResultExport(store: store, layout: try layout("generic-results"))
                .write(reconciliation: reconciliation, results: results, on: Self.date, into: folder.path, full: false,
                       run: "test", beforeRename: { throw Interrupted() })
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        // Nothing was recorded as exported: the next export holds every row.
        #expect(try export("generic-results", store: store, into: folder).rows == 3)
    }

    @Test func theOOAPIExportCarriesTotalAndApprovedHours() throws {
        let folder = Fixture.temporaryFolder()
        let outcome = try export("ooapi-hours", store: try SQLiteStore(path: ":memory:"), into: folder)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: outcome.file!))) as? [String: Any]
        let items = try #require(json?["items"] as? [[String: Any]])
        #expect(items.count == 3)
        let okbb = items.first?["x-nl-okbb"] as? [String: Int]
        #expect(okbb == ["totalHours": 0, "approvedHours": 0])
        #expect((items.first?["organization"] as? [String: [String: String]])?["x-nl-okbb-Organization"]?["leerbedrijfID"] == "100234567")
    }

    @Test func layoutProblemsAreNamedAtTheirLine() throws {
        let path = Fixture.temporaryFolder().appendingPathComponent("bad.yaml").path
        try "rows: results\nencoding: latin-9\ncolumns:\n  - { header: X, value: studnet }\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try ExportLayout.load(path: path) }
        do { _ = try ExportLayout.load(path: path) } catch {
            #expect("\(error)".contains("bad.yaml:2:11: 'latin-9' is not one of utf-8, utf-8-bom, windows-1252"))
            #expect("\(error)".contains("bad.yaml:4:25: 'studnet' is not a value"))
        }
    }

    /// LibreOffice (Debian `libreoffice-calc-nogui`, installed by `.ci/run`) opens the SIS export and converts it;
    /// the columns, the accents and the codes come back, and the formula-like names stay text.
    @Test func aRealSpreadsheetProgramReadsTheExportBack() throws {
        guard let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("SKIPPED aRealSpreadsheetProgramReadsTheExportBack: soffice not installed (apt-get install libreoffice-calc-nogui)")
            return
        }
        let folder = Fixture.temporaryFolder()
        let outcome = try export("sis-bpv-resultaat", store: try SQLiteStore(path: ":memory:"), into: folder)
        let csv = try #require(outcome.file)
        let converted = folder.appendingPathComponent("converted")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        // Read as Windows-1252 (1), ";" (59), text quoted by '"' (34); write CSV in UTF-8 (76) with "," (44).
        process.arguments = ["-env:UserInstallation=file://\(folder.path)/lo-profile", "--headless",
                             "--infilter=CSV:59,34,1,1", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true",
                             "--outdir", converted.path, csv]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let back = try String(contentsOf: converted.appendingPathComponent(URL(fileURLWithPath: csv).lastPathComponent),
                              encoding: .utf8)
        let lines = back.split(whereSeparator: \.isNewline).map(String.init)
        // Text cells come back quoted (the "quote all text cells" option), numbers bare: the formula-like names
        // are text as written (with the neutralising '), not a formula's value and not a number.
        #expect(lines == [
            "\"Studentnummer\",\"Roepnaam\",\"Achternaam\",\"Overeenkomstnummer\",\"Leerbedrijf\",\"Crebo\",\"Einddatum\",\"Resultaat\",\"Gerealiseerde omvang\"",
            "2250001,\"Zoë\",\"Brinkhuis\",\"P-2250001\",100234567,25798,\"30-06-2026\",\"G\",0",
            "2250002,\"René\",\"'=HYPERLINK(\"\"x\"\")\",\"P-2250002\",100234567,25798,\"30-06-2026\",\"V\",0",
            "2250003,\"'+31 6 12345678\",\"Wolbers\",\"P-2250003\",100234567,25798,\"30-06-2026\",\"O\",0",
        ])
    }
}
