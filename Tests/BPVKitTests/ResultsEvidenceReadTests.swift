import BPVIngest
@testable import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// The results stage reads only the evidence of the students it judges on evidence rules (the others are skipped
/// by their student number, undecoded): the results and findings are those of judging with every record.
@Suite struct ResultsEvidenceReadTests {
    @Test func theStageJudgesAsWithEveryRecordOnTheSampleSchool() throws {
        var configuration = try BPVConfiguration.load(path: Paths.repo("samples/bpv.yaml"))
        let work = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        configuration.database = work.appendingPathComponent("bpv.sqlite").path
        configuration.output = work.appendingPathComponent("out").path
        let store = try SQLiteStore(path: configuration.database)
        let night = Calendar.current.date(from: DateComponents(year: 2026, month: 12, day: 8, hour: 2))!
        _ = try NightlyRun(configuration: configuration, store: store).run(at: night)

        let reconciler = Reconciler(store: store, configuration: configuration)
        for day in ["2026-03-01", "2026-11-20", "2026-11-21", "2026-12-08"] {
            let date = try #require(CalendarDate(iso: day))
            let reconciliation = try reconciler.run(on: date)
            let all = Results.judge(progress: reconciliation.progress, programmes: reconciler.programmes,
                                    assessments: try store.values(of: AssessmentsKind.self),
                                    documents: try store.values(of: DocumentsKind.self),
                                    gesprekken: try store.values(of: GesprekkenKind.self), on: date)
            let staged = try ResultsStage(reconciler: reconciler).run(reconciliation: reconciliation, on: date)
            #expect(staged.results == all.results)
            #expect(staged.findings == all.findings)
            #expect(all.results.contains { !$0.checklist.isEmpty })
        }
    }

    @Test func aFilteredReadGivesTheAcceptedStudentsValuesOnly() throws {
        let store = try SQLiteStore(path: ":memory:")
        let path = Fixture.temporaryFolder().appendingPathComponent("documenten.csv").path
        try FileManager.default.copyItem(atPath: Paths.repo("samples/onstage/documenten.csv"), toPath: path)
        let mapping = try MappingLoader().loadRecordMapping(path: Paths.repo("mappings/onstage/onstage-documenten.yaml"),
                                                            kind: DocumentsKind.kind)
        _ = try ListImports.importFile(path: path, mapping: mapping, store: store,
                                       today: CalendarDate(year: 2026, month: 12, day: 4)!)
        let all = try store.values(of: DocumentsKind.self)
        let students = Set(all.map(\.studentNumber))
        #expect(students.count > 1)
        let one = try #require(students.sorted().first)
        #expect(try store.values(of: DocumentsKind.self, where: "studentNumber", in: [one])
                    == all.filter { $0.studentNumber == one })
        #expect(try store.values(of: DocumentsKind.self, where: "studentNumber", in: students) == all)
        #expect(try store.values(of: DocumentsKind.self, where: "studentNumber", in: []).isEmpty)
        #expect(try store.values(of: DocumentsKind.self, where: "noSuchField", in: students).isEmpty)
    }
}
