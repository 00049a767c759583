import BPVModel
@testable import BPVReconcile
import Testing

@Suite struct DuplicateEntryRuleTests {
    @Test func theSameShiftFromAnotherEmployerCountsOnce() {
        let result = DuplicateEntryRule().evaluate([
            Hours.entry(2, "2026-10-05", employer: "tijdwerk-uitzend", file: "timecard.xml"),
            Hours.entry(1, "2026-10-05"),
        ])
        #expect(Array(result.byEntry.keys) == [2], "the earlier entry keeps counting")
        #expect(result.byEntry[2]?.first?.code == .duplicate)
    }

    @Test func anotherStartTimeOrAnotherDayIsNoDuplicate() {
        let result = DuplicateEntryRule().evaluate([
            Hours.entry(1, "2026-10-05"),
            Hours.entry(2, "2026-10-05", "08:01", "16:01", employer: "tijdwerk-uitzend"),
            Hours.entry(3, "2026-10-06", employer: "tijdwerk-uitzend"),
        ])
        #expect(result.byEntry.isEmpty)
    }

    @Test func twoRowsOfOneFileAreTheEmployersOwnBusinessNotDuplicates() {
        #expect(DuplicateEntryRule().evaluate([Hours.entry(1, "2026-10-05"), Hours.entry(2, "2026-10-05")]).byEntry.isEmpty)
    }

    @Test func entriesWithoutTimesAreDuplicatesOnlyAcrossEmployers() {
        let sameEmployer = DuplicateEntryRule().evaluate([
            Hours.entry(1, "2026-10-05", nil, nil, minutes: 480, file: "a.csv"),
            Hours.entry(2, "2026-10-05", nil, nil, minutes: 480, file: "b.csv"),
        ])
        #expect(sameEmployer.byEntry.isEmpty)
        let otherEmployer = DuplicateEntryRule().evaluate([
            Hours.entry(1, "2026-10-05", nil, nil, minutes: 480),
            Hours.entry(2, "2026-10-05", nil, nil, minutes: 480, employer: "tijdwerk-uitzend"),
        ])
        #expect(otherEmployer.byEntry.keys.sorted() == [2])
    }
}
