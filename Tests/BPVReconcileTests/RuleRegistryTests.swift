import BPVModel
import BPVReconcile
import Foundation
import Testing

@Suite("Rule registry")
struct RuleRegistryTests {
    static let rulesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/BPVReconcile/Rules")

    @Test("every file in Sources/BPVReconcile/Rules/ is a rule in the registry, and every rule has its file")
    func everyRuleFileIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.rulesFolder.path)
            .filter { $0.hasSuffix(".swift") }.map { String($0.dropLast(".swift".count)) }
        #expect(!files.isEmpty, "no rule files at \(Self.rulesFolder.path)")
        #expect(Set(files) == Set(RuleRegistry.all.map { String(describing: $0) }))
        #expect(RuleRegistry.all.count == Set(RuleRegistry.all.map { String(describing: $0) }).count, "a rule listed twice")
    }

    @Test("every rule has its test file of the same name")
    func everyRuleIsTested() throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Rules")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: tests.path))
        for rule in RuleRegistry.all {
            #expect(files.contains("\(rule)Tests.swift"), "Tests/BPVReconcileTests/Rules/\(rule)Tests.swift")
        }
    }

    @Test("rule ids and finding ids are unique: no two rules share one")
    func uniqueIDs() {
        var owner: [RuleID: String] = [:]
        for rule in RuleRegistry.all {
            for id in Set([rule.id] + rule.findingIDs) {
                #expect(owner[id] == nil, "\(id) belongs to both \(owner[id] ?? "") and \(rule)")
                owner[id] = "\(rule)"
            }
        }
        let ids = RuleRegistry.all.map { $0.id }
        #expect(ids.count == Set(ids).count)
    }

    @Test("ids are lower-case words joined by dots, titles are short, and the registry finds a rule by either id")
    func idsAndTitles() {
        let word = #/[a-z][a-z0-9_]*/#
        for rule in RuleRegistry.all {
            for id in [rule.id] + rule.findingIDs {
                let parts = id.rawValue.split(separator: ".", omittingEmptySubsequences: false)
                #expect(parts.count >= 2 && parts.allSatisfy { $0.wholeMatch(of: word) != nil }, "\(id)")
                #expect(RuleRegistry.rule(for: id) == rule)
            }
            #expect(!rule.title.isEmpty && rule.title.count <= 60, "\(rule): \(rule.title)")
        }
        #expect(RuleRegistry.rule(for: .erkenningWithdrawn) == ErkenningChangeRule.self)
        #expect(RuleRegistry.rule(for: "no.such_rule") == nil)
    }
}

/// The shape of a coming per-entry verdict rule ("hours outside the POK's period"), to show it fits ``Rule``.
private struct HoursOutsidePOKExample: Rule {
    static let id: RuleID = "example.outside_pok"
    static let title = "Hours outside the POK's period"
    struct Input { var entry: HourEntry; var pok: POK }
    let settings: NoSettings
    init(settings: NoSettings) { self.settings = settings }

    func evaluate(_ input: Input) -> RuleOutcome {
        guard !input.pok.range.contains(input.entry.date) else { return RuleOutcome() }
        return RuleOutcome(reasons: [VerdictReason(.outsidePeriod, rule: Self.id, explanation: "\(input.entry.date) is outside \(input.pok.range)")])
    }
}

@Test("a per-entry verdict rule fits the protocol: its reasons say why an entry does not count")
func verdictRuleShape() {
    let pok = POK(studentNumber: "2240233", leerbedrijfID: "100581320", crebo: "25798", begin: d("2025-09-08"),
                  end: d("2027-07-09"))
    func entry(_ date: String) -> HourEntry {
        HourEntry(employerID: "podiumbouw-oost", employeeIdentity: "P-1", date: d(date), minutes: 480,
                  category: .work, source: SourceLocation(file: "hours.csv", line: 2))
    }
    let rule = HoursOutsidePOKExample()
    #expect(rule.evaluate(.init(entry: entry("2025-09-08"), pok: pok)).reasons.isEmpty)
    #expect(rule.evaluate(.init(entry: entry("2027-07-10"), pok: pok)).reasons
            == [VerdictReason(.outsidePeriod, rule: "example.outside_pok", explanation: "2027-07-10 is outside 2025-09-08 – 2027-07-09")])
    #expect(HoursOutsidePOKExample.findingIDs == ["example.outside_pok"])
}
