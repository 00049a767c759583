@testable import BPVKit
import Foundation
import Testing

@Suite struct RunMetricsTests {
    @Test func everyMetricHasHelpAndTypeBeforeItsSamples() {
        var metrics = RunMetrics(finishedAt: Date(timeIntervalSince1970: 1_796_000_000), durationSeconds: 12.5,
                                 exitStatus: 3, lastSuccess: Date(timeIntervalSince1970: 1_796_000_000))
        metrics.records = ["podiumbouw-oost": 32]
        metrics.files = [.init(feed: "podiumbouw-oost", outcome: "imported"): 1]
        let lines = metrics.render().split(separator: "\n").map(String.init)
        var described = Set<String>()
        for line in lines {
            if line.hasPrefix("# TYPE ") { described.insert(String(line.split(separator: " ")[2])) }
            if !line.hasPrefix("#") {
                let name = String(line.prefix { $0 != "{" && $0 != " " })
                #expect(described.contains(name), "\(line)")
            }
        }
        #expect(lines.contains("bpv_run_duration_seconds 12.500"))
        #expect(lines.contains("bpv_run_exit_code 3"))
        #expect(lines.contains("bpv_last_success_timestamp_seconds 1796000000"))
        #expect(lines.contains("bpv_records_imported{feed=\"podiumbouw-oost\"} 32"))
        #expect(lines.contains("bpv_files{feed=\"podiumbouw-oost\",outcome=\"imported\"} 1"))
    }

    @Test func labelValuesAreEscaped() {
        #expect(RunMetrics.escape("a\"b\\c\nd") == "a\\\"b\\\\c\\nd")
    }

    @Test func aFailedRunKeepsTheLastSuccessOfTheFileBefore() throws {
        let path = Fixture.temporaryFolder().appendingPathComponent("bpv.prom").path
        let earlier = Date(timeIntervalSince1970: 1_795_900_000)
        try RunMetrics(summary: .init(), finishedAt: earlier, durationSeconds: 1, exitStatus: .completedWithRejects,
                       previousLastSuccess: nil).write(to: path)
        #expect(RunMetrics.lastSuccess(inFile: path) == earlier, "exit 3 is a completed run")
        let failed = RunMetrics(summary: .init(), finishedAt: earlier.addingTimeInterval(86_400), durationSeconds: 1,
                                exitStatus: .error, previousLastSuccess: RunMetrics.lastSuccess(inFile: path))
        #expect(failed.lastSuccess == earlier)
        let never = RunMetrics(summary: .init(), finishedAt: earlier, durationSeconds: 1, exitStatus: .error,
                               previousLastSuccess: nil)
        let fileFailed = RunMetrics(summary: .init(), finishedAt: earlier, durationSeconds: 1, exitStatus: .fileFailed,
                                    previousLastSuccess: nil)
        #expect(fileFailed.lastSuccess == earlier, "exit 4: the run went through; a file of an employer failed")
        #expect(never.render().contains("bpv_last_success_timestamp_seconds 0\n"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o644, "node_exporter reads it as its own user")
    }
}
