@testable import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

@Suite("Nightly run with reference data")
struct NightlyReferenceTests {
    @Test("the sample configuration's reference feeds: POKs, crebo lists, the kwalificatiedossier XML and both SBB snapshots imported, every POK checked")
    func sampleFeeds() throws {
        let loaded = try BPVConfiguration.load(path: Paths.repo("samples/bpv.yaml"))
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("bpv-reference-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        var configuration = loaded
        configuration.database = work.appendingPathComponent("bpv.sqlite").path
        configuration.output = work.appendingPathComponent("out").path
        configuration.employers = []          // hours are another suite's business
        configuration.aliases = nil
        #expect(configuration.reference.lists.count == 6)
        #expect(configuration.poks?.path == Paths.poks)

        let store = try SQLiteStore(path: configuration.database)
        let noon = Calendar.current.date(from: DateComponents(year: 2026, month: 11, day: 2, hour: 12))!
        let summary = try NightlyRun(configuration: configuration, store: store).run(at: noon)
        #expect(summary.problems.isEmpty)
        #expect(summary.files.map { URL(fileURLWithPath: $0.file).lastPathComponent } == [
            "students.csv", "poks.csv", "beoordelingen.csv", "documenten.csv", "gesprekken.csv",
            "RO_99XX_2025-08-01_2026-12-01.CSV",
            "crebolijst-2026-kwalificaties.csv", "crebolijst-2026-vervallen.csv",
            "kwalificatiedossiers-2026.xml", "kwalificatiedossiers-2026.xml", "kwalificatiedossiers-2026.xml",
            "erkenningen-2026-09-01.csv", "erkenningen-2026-11-02.csv"])
        // The dossier file: its crebos (with their dossier) merged into the crebo lists, its werkprocessen stored.
        let podium = try KwalificatiedossierLookup(store: store).lookup(crebo: "25798", on: d("2026-11-02"))
        #expect(podium.dossiers == ["23914"])
        #expect(podium.kwalificatie?.name == "Allround podium- en evenemententechnicus")
        #expect(podium.kerntaken.map(\.code.description) == ["B1-K1", "B1-K2", "P3-K1", "P3-K2"])
        #expect(podium.kerntaken.flatMap(\.werkprocessen).count == 17)
        #expect(summary.files.allSatisfy { $0.outcome == .imported })
        #expect(summary.exitStatus == .success)
        let check = try #require(summary.erkenningCheck)
        let oracle = try SampleOracle()
        #expect(check.rows.count == oracle.poks.count)
        #expect(check.options.referenceDate == d("2026-11-02"))
        for pok in oracle.poks {
            let row = try #require(check.rows.first { oracle.isRow($0.pok, of: pok) })
            #expect(row.result.status.rawValue == oracle.expected(pok, on: d("2026-11-02"), window: 90).status)
        }
        let folder = URL(fileURLWithPath: summary.runFolder)
        let csv = try runRecordCSV(folder, "erkenning.csv")
        #expect(csv.count == oracle.poks.count + 1)
        #expect(csv.first?.hasPrefix("student;leerbedrijf;leerbedrijf_name;crebo;") == true)
        let findings = try runRecordCSV(folder, "findings.csv")
        #expect(findings.count == summary.findings.count + 1)
        #expect(findings.first == "rule;severity;date;student;leerbedrijf;crebo;subject;evidence;explanation")
        #expect(findings.contains { $0.hasPrefix("erkenning.withdrawn;error;2026-11-02") })

        // A second night: every file is recognised, nothing changes.
        let again = try NightlyRun(configuration: configuration, store: store).run(at: noon.addingTimeInterval(3600))
        #expect(again.files.allSatisfy { if case .alreadyImported = $0.outcome { return true }; return false })
        // (the results' monitoring findings are another suite's business)
        #expect(again.findings.filter { !$0.rule.hasPrefix("result.") && !$0.rule.hasPrefix("duo.") }.isEmpty)
    }

    @Test("a POK gone from the next night's SIS list: the nightly run's findings and findings.csv carry pok.disappeared")
    func pokGoneOvernight() throws {
        var configuration = try BPVConfiguration.load(path: Paths.repo("samples/bpv.yaml"))
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("bpv-poks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        configuration.database = work.appendingPathComponent("bpv.sqlite").path
        configuration.output = work.appendingPathComponent("out").path
        configuration.employers = []
        configuration.aliases = nil
        configuration.lists = []
        configuration.reference.lists = []
        let list = work.appendingPathComponent("poks.csv")
        configuration.poks?.path = list.path
        let sample = try String(contentsOfFile: Paths.poks, encoding: .utf8)
        try Data(sample.utf8).write(to: list)

        let store = try SQLiteStore(path: configuration.database)
        let noon = Calendar.current.date(from: DateComponents(year: 2026, month: 11, day: 2, hour: 12))!
        let first = try NightlyRun(configuration: configuration, store: store).run(at: noon)
        #expect(first.findings.filter { !$0.rule.hasPrefix("result.") && !$0.rule.hasPrefix("duo.") }.isEmpty)
        // The next export leaves out Jesse's POK (line 4).
        let lines = sample.split(separator: "\n", omittingEmptySubsequences: false)
        try Data((lines.prefix(3) + lines.dropFirst(4)).joined(separator: "\n").utf8).write(to: list)
        let second = try NightlyRun(configuration: configuration, store: store).run(at: noon.addingTimeInterval(86_400))
        #expect(second.findings.map(\.rule).filter { !$0.hasPrefix("result.") && !$0.hasPrefix("duo.") } == ["pok.disappeared"])
        #expect(second.findings.first?.studentNumber == "2240562")
        let csv = try runRecordCSV(URL(fileURLWithPath: second.runFolder), "findings.csv").filter { !$0.hasPrefix("result.") && !$0.hasPrefix("duo.") }
        #expect(csv.count == 2)
        #expect(csv.last?.hasPrefix("pok.disappeared;warning;2026-11-03;2240562;100966213;25605;"
                                    + "POK 2240562 at 100966213 (crebo 25605, 2025-08-25 – 2027-01-29);") == true)
        #expect(try store.pokHistory(studentNumber: "2240562").map(\.disappeared) == [true])
    }
}
