import BPVModel
@testable import BPVReconcile
import Testing

@Suite struct ApprovalRuleTests {
    let unapproved = Hours.entry(1, "2026-10-05", approved: false)

    @Test func byDefaultUnapprovedHoursCountWithAFinding() {
        let outcome = ApprovalRule().evaluate(.init(entry: unapproved, date: d("2026-12-04")))
        #expect(outcome.reasons.isEmpty)
        #expect(outcome.findings.map(\.rule) == ["hours.approval"])
        #expect(outcome.findings.first?.evidence == "8h00 not approved by the praktijkopleider in podiumbouw-oost's export")
    }

    @Test func excludeMakesThemNotCountAndCountSaysNothing() {
        let excluded = ApprovalRule(settings: .init(policy: .exclude)).evaluate(.init(entry: unapproved, date: d("2026-12-04")))
        #expect(excluded.reasons.map(\.code) == [.notApproved])
        let counted = ApprovalRule(settings: .init(policy: .count)).evaluate(.init(entry: unapproved, date: d("2026-12-04")))
        #expect(counted.reasons.isEmpty && counted.findings.isEmpty)
    }

    @Test func approvedOrUnknownApprovalIsTakenAsItComes() {
        let rule = ApprovalRule(settings: .init(policy: .exclude))
        #expect(rule.evaluate(.init(entry: Hours.entry(1, "2026-10-05", approved: true), date: d("2026-12-04"))).reasons.isEmpty)
        #expect(rule.evaluate(.init(entry: Hours.entry(2, "2026-10-05", approved: nil), date: d("2026-12-04"))).reasons.isEmpty)
    }
}
