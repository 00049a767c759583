import BPVModel
@testable import BPVReconcile
import Testing

@Suite struct OverlapRuleTests {
    @Test func aShiftStartingOneMinuteBeforeTheOtherEndsOverlapsAndOneStartingAtItsEndDoesNot() {
        let overlapping = OverlapRule().evaluate([Hours.entry(1, "2026-10-05", "08:00", "12:00"),
                                                  Hours.entry(2, "2026-10-05", "11:59", "16:00", employer: "x")])
        #expect(overlapping.byEntry.keys.sorted() == [2])
        #expect(overlapping.byEntry[2]?.first?.code == .overlap)
        let touching = OverlapRule().evaluate([Hours.entry(1, "2026-10-05", "08:00", "12:00"),
                                               Hours.entry(2, "2026-10-05", "12:00", "16:00", employer: "x")])
        #expect(touching.byEntry.isEmpty)
    }

    @Test func aNightShiftReachesIntoTheNextDay() {
        let result = OverlapRule().evaluate([Hours.entry(1, "2026-10-05", "22:00", "06:00"),
                                             Hours.entry(2, "2026-10-06", "05:00", "09:00", employer: "x")])
        #expect(result.byEntry.keys.sorted() == [2])
        let after = OverlapRule().evaluate([Hours.entry(1, "2026-10-05", "22:00", "06:00"),
                                            Hours.entry(2, "2026-10-06", "06:00", "09:00", employer: "x")])
        #expect(after.byEntry.isEmpty)
    }
}
