import Foundation
import Testing

/// What `bpv run` says about its run record, as a user sees it.
@Suite struct RunRecordEndToEndTests {
    @Test func theTerminalSummaryNamesEveryFileOfTheRunRecord() throws {
        let school = try SampleSchoolCopy()
        let outcome = try school.run()
        #expect(outcome.status == 0, "\(outcome.output)")
        let line = try #require(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("Run record: ") })
        let runs = school.out.appendingPathComponent("runs")
        let newest = try FileManager.default.contentsOfDirectory(atPath: runs.path).sorted().last!
        let folder = runs.appendingPathComponent(newest)
        #expect(line == "Run record: \(folder.path) "
                + "(rejects.csv, unresolved.csv, findings.csv, erkenning.csv, pok-status.csv, hours.csv, "
                + "reconciliation.json, run.json)")
        let written = try #require(try school.lastRunJSON()["files_written"] as? [[String: String]])
        #expect(written.compactMap { $0["file_name"] }.sorted()
                == (try FileManager.default.contentsOfDirectory(atPath: folder.path)).sorted())
    }
}
