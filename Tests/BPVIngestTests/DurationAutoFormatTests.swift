import BPVIngest
import Testing

/// `duration: auto` tells the formats apart by their look (SETU Duration is decimal hours or xsd:duration).
@Suite struct DurationAutoFormatTests {
    private func seconds(_ text: String) -> Int? {
        Array(text.utf8).withUnsafeBytes { DurationFormat.auto.seconds($0) }
    }

    @Test(arguments: [
        ("8.00", 8 * 3600), ("8.100", 8 * 3600 + 6 * 60), ("7,5", 7 * 3600 + 1800), ("8", 8 * 3600),
        ("PT7H30M", 7 * 3600 + 1800), ("P0DT6H15M", 6 * 3600 + 900), ("PT45M", 2700), (" PT8H ", 8 * 3600),
        ("7:30", 7 * 3600 + 1800), ("07:30:00", 7 * 3600 + 1800), ("-2.00", -7200), ("-PT2H", -7200),
    ])
    func readsEachFormat(_ text: String, _ expected: Int) {
        #expect(seconds(text) == expected, "\(text)")
    }

    @Test(arguments: ["", "acht uur", "PT", "8.", "P8H", "7:3", "8.00u"])
    func rejectsTheRest(_ text: String) {
        #expect(seconds(text) == nil, "\(text)")
    }

    @Test func aPlainNumberIsHoursNeverMinutes() {
        #expect(seconds("30") == 30 * 3600)
        #expect(Array("30".utf8).withUnsafeBytes { DurationFormat.minutes.seconds($0) } == 30 * 60)
    }
}
