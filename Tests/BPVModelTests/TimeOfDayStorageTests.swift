import BPVModel
import Testing

/// The storage form of a time (`HH:mm`, `HH:mm:ss`): read in place when it has its fixed layout, the same values
/// as the general reading, and every other text read as before.
@Suite struct TimeOfDayStorageTests {
    @Test(arguments: [
        ("00:00", 0), ("08:05", 8 * 3600 + 5 * 60), ("23:59", 23 * 3600 + 59 * 60), ("23:59:59", 86_399),
        ("24:00", 86_400), ("24:00:00", 86_400), ("07:30:15", 7 * 3600 + 30 * 60 + 15),
        ("8:05", 8 * 3600 + 5 * 60), ("08:5", 8 * 3600 + 5 * 60), ("8:5:1", 8 * 3600 + 5 * 60 + 1),
    ])
    func valid(text: String, seconds: Int) {
        #expect(TimeOfDay(storage: text)?.secondsSinceMidnight == seconds)
    }

    @Test(arguments: ["24:01", "24:00:01", "25:00", "23:60", "23:59:60", "08-05", "0805", "ab:cd", "08:0x",
                      "08:05-00", "", ":", "08:05:00:00", "-1:00", "+8:00x"])
    func invalid(text: String) {
        #expect(TimeOfDay(storage: text) == nil)
    }
}
