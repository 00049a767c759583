import BPVKit
import BPVModel
import Foundation
import Testing

/// How a run's outcome becomes its exit code: distinct codes, and the findings threshold at its edge.
@Suite struct NightlyExitStatusTests {
    static func finding(_ severity: Finding.Severity) -> Finding {
        Finding(rule: "hours.approval", severity: severity, date: CalendarDate(year: 2026, month: 12, day: 8)!,
                subject: "POK", evidence: "-", explanation: "-")
    }

    static func summary(findings: [Finding.Severity], threshold: Finding.Severity?) -> NightlyRun.Summary {
        var summary = NightlyRun.Summary()
        summary.findings = findings.map(finding)
        summary.findingsThreshold = threshold
        return summary
    }

    @Test func theCodesAreDistinct() {
        #expect(Set(ExitStatus.allCases.map(\.rawValue)).count == ExitStatus.allCases.count)
        #expect(ExitStatus.allCases.map(\.rawValue) == [0, 1, 3, 4, 75, 78])
    }

    @Test func aFindingExactlyAtTheThresholdEndsWith3() {
        #expect(Self.summary(findings: [.warning], threshold: .warning).exitStatus == .completedWithRejects)
    }

    @Test func findingsBelowTheThresholdEndWith0() {
        #expect(Self.summary(findings: [.info, .warning], threshold: .error).exitStatus == .success)
    }

    @Test func withoutAThresholdFindingsNeverChangeTheExitCode() {
        #expect(Self.summary(findings: [.error], threshold: nil).exitStatus == .success)
    }

    @Test func aFileThatCouldNotBeMovedMakesTheRunFailed() {
        var summary = Self.summary(findings: [.error], threshold: .info)
        summary.errors = ["a.csv: cannot move it: Read-only file system; the file stays in the inbox"]
        #expect(summary.exitStatus == .error)
    }
}
