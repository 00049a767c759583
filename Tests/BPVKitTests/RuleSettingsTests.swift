import BPVKit
import BPVModel
import Foundation
import Testing

/// The `rules:` section of bpv.yaml: read into the reconciliation's settings, with errors at their place.
@Suite struct RuleSettingsTests {
    func load(_ rules: String) throws -> BPVConfiguration {
        let path = Fixture.temporaryFolder().appendingPathComponent("bpv.yaml").path
        try ("database: x.sqlite\nrules:\n" + rules).write(toFile: path, atomically: true, encoding: .utf8)
        return try BPVConfiguration.load(path: path)
    }

    func message(_ rules: String) -> String {
        do { _ = try load(rules); return "" } catch { return "\(error)" }
    }

    @Test func theSectionSetsTheRules() throws {
        let rules = try load("  counted_categories: [work]\n  approval: exclude\n  pace_weeks: 6\n  first_assessment_weeks: 10\n").rules
        #expect(rules.categories.counted == [.work])
        #expect(rules.approval.policy == .exclude)
        #expect(rules.progress.paceWeeks == 6 && rules.progress.firstAssessmentWeeks == 10)
    }

    @Test func withoutTheSectionTheDefaultsOfDomainMdApply() throws {
        let path = Fixture.temporaryFolder().appendingPathComponent("bpv.yaml").path
        try "database: x.sqlite\n".write(toFile: path, atomically: true, encoding: .utf8)
        let rules = try BPVConfiguration.load(path: path).rules
        #expect(rules.categories.counted == [.work, .travelJobs, .training, .other])
        #expect(rules.approval.policy == .warn)
        #expect(rules.progress.paceWeeks == 4 && rules.progress.firstAssessmentWeeks == 8)
    }

    @Test func aWrongValueIsAnErrorAtItsPlace() {
        #expect(message("  counted_categories: [work, ziek]\n").hasSuffix(
            "bpv.yaml:3:30: 'ziek' is not a category (expected one of \(HourCategory.allNames))"))
        #expect(message("  approval: maybe\n").hasSuffix("bpv.yaml:3:13: rules.approval is count, warn or exclude, not 'maybe'"))
        #expect(message("  pace_weeks: 0\n").contains("rules.pace_weeks must be a number of weeks from 1 to 52"))
        #expect(message("  pace_weeks: 52\n").isEmpty, "the last week allowed")
        #expect(message("  pace_weeks: 53\n").contains("rules.pace_weeks must be a number of weeks from 1 to 52"))
        #expect(message("  aproval: warn\n").contains("unknown key 'aproval' in rules (did you mean 'approval'?"))
    }

    @Test func anEmployersPOKChoiceReachesTheRules() throws {
        let path = Fixture.temporaryFolder().appendingPathComponent("bpv.yaml").path
        try """
            database: x.sqlite
            employers:
              - id: flexpool-uitzend
                folder: hours/flexpool
                mapping: m.yaml
                pok_choice: latest_begin
            """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try BPVConfiguration.load(path: path).rules.pokChoice == ["flexpool-uitzend": .latestBegin])
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "latest_begin", with: "newest")
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { _ = try BPVConfiguration.load(path: path) }
    }
}
