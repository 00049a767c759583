import BPVModel
@testable import BPVReconcile
import Testing

@Suite struct HourCategoryRuleTests {
    @Test(arguments: [(HourCategory.sick, VerdictCode.categorySick), (.leave, .categoryLeave), (.holiday, .categoryHoliday),
                      (.doctor, .categoryDoctor), (.travelStandplaats, .categoryTravelStandplaats)])
    func timeThatIsNotWorkNeverCounts(category: HourCategory, code: VerdictCode) {
        let reasons = HourCategoryRule().evaluate(Hours.entry(1, "2026-10-05", category: category).entry).reasons
        #expect(reasons.map(\.code) == [code])
    }

    @Test(arguments: [HourCategory.work, .travelJobs, .training, .other])
    func workTravelBetweenJobsAndTrainingCountByDefault(category: HourCategory) {
        #expect(HourCategoryRule().evaluate(Hours.entry(1, "2026-10-05", category: category).entry).reasons.isEmpty)
    }

    @Test func whichCategoriesCountIsASetting() {
        let rule = HourCategoryRule(settings: .init(counted: [.work]))
        #expect(rule.evaluate(Hours.entry(1, "2026-10-05", category: .training).entry).reasons.map(\.code) == [.categoryTraining])
        #expect(rule.evaluate(Hours.entry(2, "2026-10-05", category: .work).entry).reasons.isEmpty)
    }
}
