@testable import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// The nightly run's results step on the sample school: every POK judged, the monitoring findings raised, the
/// configured exports written with their manifests, and nothing written again the next night when nothing changed.
@Suite struct NightlyResultsTests {
    @Test func theSampleNightJudgesEveryPOKAndWritesTheConfiguredExports() throws {
        var configuration = try BPVConfiguration.load(path: Paths.repo("samples/bpv.yaml"))
        let work = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        configuration.database = work.appendingPathComponent("bpv.sqlite").path
        configuration.output = work.appendingPathComponent("out").path
        #expect(configuration.exports.map(\.name) == ["sis-bpv-resultaat", "generic-hours"])
        let store = try SQLiteStore(path: configuration.database)
        let night = Calendar.current.date(from: DateComponents(year: 2026, month: 12, day: 8, hour: 2))!
        let summary = try NightlyRun(configuration: configuration, store: store).run(at: night)
        let results = try #require(summary.results).results
        #expect(results.count == 10)
        // Jesse's POK ended on 2026-11-20 with all evidence in but far too few hours.
        let jesse = try #require(results.first { $0.studentNumber == "2240562" })
        #expect(jesse.outcome == .onvoldoende && jesse.isFinal && jesse.reasons.map(\.code) == ["hours_short"])
        #expect(results.filter { $0.studentNumber != "2240562" }.allSatisfy { $0.outcome == .notDecidable })
        // Noor: first tussenbeoordeling after 8 weeks, last visit more than 12 months ago.
        #expect(Set(summary.findings.filter { $0.studentNumber == "2250387" }.map(\.rule))
                    .isSuperset(of: ["result.tussenbeoordeling_overdue", "result.no_visit"]))
        #expect(summary.exports.map(\.rows) == [1, 10])
        let sis = try #require(summary.exports.first?.file)
        let text = String(data: try Data(contentsOf: URL(fileURLWithPath: sis)), encoding: .windowsCP1252)
        #expect(text?.hasSuffix("2240562;Jesse;Wolbers;P2025-0562;100966213;25605;20-11-2026;O;123\r\n") == true)
        #expect(FileManager.default.fileExists(atPath: try #require(summary.exports.first?.manifest)))

        let next = try NightlyRun(configuration: configuration, store: store).run(at: night.addingTimeInterval(3600))
        #expect(next.exports.map(\.rows) == [0, 0])
    }
}
