import BPVIngest
import Testing

/// Durations at their edges: ISO 8601 designators once each and in order, sums that would overflow rejected rather
/// than trapping, the largest values the other formats accept, and the rounding of decimal hours to minutes.
@Suite struct DurationBoundsTests {
    private func seconds(_ format: DurationFormat, _ text: String) -> Int? {
        Array(text.utf8).withUnsafeBytes { format.seconds($0) }
    }

    /// `P` and 110,000 × `999999999D`: each part fits, their sum does not fit in an Int.
    static let overflowingISO = "P" + String(repeating: "999999999D", count: 110_000)

    @Test func aRepeatedDesignatorWhoseSumWouldOverflowIsNil() {
        #expect(seconds(.iso8601, Self.overflowingISO) == nil)
        #expect(seconds(.auto, Self.overflowingISO) == nil)
        #expect(seconds(.iso8601, "P1D1D") == nil)
    }

    @Test(arguments: ["PT1H1H", "PT30M1H", "PT1S1M", "PT1M1M", "PT1.5S1S", "PT1.5S1.5S", "P1.5S", "PT1H1D"])
    func designatorsRepeatedOrOutOfOrderAreNil(_ text: String) {
        #expect(seconds(.iso8601, text) == nil, "\(text)")
    }

    @Test func designatorsInOrderStillRead() {
        #expect(seconds(.iso8601, "P1DT2H") == 93_600)
        #expect(seconds(.iso8601, "P1DT1H1M1S") == 86_400 + 3661)
        #expect(seconds(.iso8601, "PT1H30M15.5S") == 5416)
        #expect(seconds(.iso8601, "-PT2H") == -7200)
        // The largest value of each part: no overflow.
        #expect(seconds(.iso8601, "P999999999DT999999999H999999999M999999999.999999999S")
                == 999_999_999 * (86_400 + 3600 + 60 + 1) + 1)
    }

    @Test func theLargestValuesOfTheOtherFormatsReadWithoutOverflow() {
        #expect(seconds(.decimalHours, "999999999,999999999") == 999_999_999 * 3600 + 3600)
        #expect(seconds(.decimalHours, "-999999999.999999999") == -(999_999_999 * 3600 + 3600))
        #expect(seconds(.decimalHours, "9999999999") == nil)      // a tenth digit
        #expect(seconds(.minutes, "999999999.999999999") == 999_999_999 * 60 + 60)
        #expect(seconds(.hoursMinutes, "999999:59") == 999_999 * 3600 + 3540)
        #expect(seconds(.hoursMinutes, "9999999:00") == nil)      // a seventh hour digit
        #expect(seconds(.hoursMinutesSeconds, "999999:59:59") == 999_999 * 3600 + 3599)
    }

    @Test func decimalHoursRoundToSecondsThenToMinutesHalfAwayFromZero() {
        // 7,333 h = 26398.8 s -> 26399 s = 439.98 min -> 440 min.
        #expect(seconds(.decimalHours, "7,333") == 26_399)
        #expect(DurationFormat.minutes(fromSeconds: 26_399) == 440)
        // 7,325 h = 26370 s = exactly 439.5 min: the half goes away from zero.
        #expect(seconds(.decimalHours, "7,325") == 26_370)
        #expect(DurationFormat.minutes(fromSeconds: 26_370) == 440)
        #expect(DurationFormat.minutes(fromSeconds: -26_370) == -440)
        // Just below the half: 7,3248 h = 26369.28 s -> 26369 s = 439.48 min -> 439 min.
        #expect(seconds(.decimalHours, "7,3248") == 26_369)
        #expect(DurationFormat.minutes(fromSeconds: 26_369) == 439)
        // The seconds round half up as well: 0,00125 h = 4.5 s -> 5 s; 0,00124 h = 4.464 s -> 4 s.
        #expect(seconds(.decimalHours, "0,00125") == 5)
        #expect(seconds(.decimalHours, "0,00124") == 4)
    }
}
