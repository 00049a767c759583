import BPVIngest
import Testing

/// Durations at their edges: ISO 8601 designators once each and in order, sums that would overflow rejected rather
/// than trapping, and the largest values the other formats accept.
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
}
