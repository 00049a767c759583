import BPVModel
import BPVReconcile

/// The `rules:` section of bpv.yaml: the settings of the reconciliation rules (domain.md names the defaults).
///
/// ```yaml
/// rules:
///   counted_categories: [work, travel_jobs, training, other]   # the kinds of time that count
///   approval: warn                    # unapproved hours: count, warn (count with a finding) or exclude
///   pace_weeks: 4                     # the projection's pace: the counted hours of the last N weeks
///   first_assessment_weeks: 8         # the first tussenbeoordeling is due N weeks after the POK's begin
/// ```
enum RuleSettings {
    struct File: Decodable {
        var counted_categories: [String]?
        var approval: String?
        var pace_weeks: Int?
        var first_assessment_weeks: Int?
    }

    static let keys = ["counted_categories", "approval", "pace_weeks", "first_assessment_weeks"]

    /// The settings the section gives; errors name their place in `yaml`.
    static func settings(_ file: File, yaml: ConfigurationYAML) throws -> ReconcileSettings {
        var settings = ReconcileSettings()
        if let names = file.counted_categories {
            var counted = Set<HourCategory>()
            for (index, name) in names.enumerated() {
                guard let category = HourCategory(rawValue: name) else {
                    throw yaml.error(at: [.key("rules"), .key("counted_categories"), .index(index)],
                                     "'\(name)' is not a category (expected one of \(HourCategory.allNames))")
                }
                counted.insert(category)
            }
            settings.categories = HourCategoryRule.Settings(counted: counted)
        }
        if let text = file.approval {
            guard let policy = ApprovalRule.Policy(rawValue: text) else {
                throw yaml.error(at: [.key("rules"), .key("approval")],
                                 "rules.approval is count, warn or exclude, not '\(text)'")
            }
            settings.approval = ApprovalRule.Settings(policy: policy)
        }
        for (key, value, keyPath) in [("pace_weeks", file.pace_weeks, \POKProgressSettings.paceWeeks),
                                      ("first_assessment_weeks", file.first_assessment_weeks,
                                       \POKProgressSettings.firstAssessmentWeeks)] {
            guard let value else { continue }
            guard (1...52).contains(value) else {
                throw yaml.error(at: [.key("rules"), .key(key)], "rules.\(key) must be a number of weeks from 1 to 52")
            }
            settings.progress[keyPath: keyPath] = value
        }
        return settings
    }
}
