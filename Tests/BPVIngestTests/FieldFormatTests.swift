import BPVIngest
import BPVModel
import Testing

/// Date, time and duration patterns, parsed from bytes.
@Suite struct FieldFormatTests {
    static func parse(_ pattern: String, _ text: String) throws -> DateTimePattern.Value? {
        let compiled = try DateTimePattern(pattern)
        return Array(text.utf8).withUnsafeBytes { compiled.parse($0) }
    }

    static func seconds(_ format: DurationFormat, _ text: String) -> Int? {
        Array(text.utf8).withUnsafeBytes { format.seconds($0) }
    }

    @Test(arguments: [
        ("dd-MM-yyyy", "05-10-2026"), ("d-M-yyyy", "5-10-2026"), ("yyyy-MM-dd", "2026-10-05"),
        ("dd/MM/yyyy", "05/10/2026"), ("MM/dd/yyyy", "10/05/2026"), ("dd.MM.yyyy", "05.10.2026"),
        ("d-M-yyyy", "05-10-2026"),
    ])
    func everyDatePatternReadsTheSameDay(pattern: String, text: String) throws {
        #expect(try Self.parse(pattern, text)?.date == CalendarDate(year: 2026, month: 10, day: 5))
    }

    @Test func impossibleOrMisshapenDatesAreNil() throws {
        #expect(try Self.parse("dd-MM-yyyy", "31-02-2026") == nil)
        #expect(try Self.parse("dd-MM-yyyy", "29-02-2025") == nil)
        #expect(try Self.parse("dd-MM-yyyy", "29-02-2024")?.date == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(try Self.parse("dd-MM-yyyy", "5-10-2026") == nil) // dd needs two digits
        #expect(try Self.parse("dd-MM-yyyy", "05-10-2026 ") != nil) // surrounding spaces are trimmed
        #expect(try Self.parse("dd-MM-yyyy", "05-10-2026x") == nil)
    }

    @Test(arguments: [
        ("HH:mm", "21:05", 21 * 3600 + 300), ("H:mm", "9:05", 9 * 3600 + 300), ("HH:mm:ss", "21:05:09", 21 * 3600 + 309),
        ("h:mm a", "9:05 PM", 21 * 3600 + 300), ("h:mm:ss a", "12:00:00 am", 0), ("hh:mm:ss a", "12:30:00 PM", 45_000),
        ("h:mm a", "9:05pm", 21 * 3600 + 300), ("HH:mm", "24:00", 86_400),
    ])
    func timePatterns(pattern: String, text: String, seconds: Int) throws {
        #expect(try Self.parse(pattern, text)?.time?.secondsSinceMidnight == seconds)
    }

    @Test func impossibleTimesAreNil() throws {
        #expect(try Self.parse("HH:mm", "25:00") == nil)
        #expect(try Self.parse("HH:mm", "24:30") == nil)
        #expect(try Self.parse("HH:mm", "12:60") == nil)
        #expect(try Self.parse("h:mm a", "13:00 PM") == nil)
        #expect(try Self.parse("HH:mm", "8.30") == nil)
    }

    @Test func datetimeAndQuotedLiterals() throws {
        let value = try Self.parse("yyyy-MM-dd'T'HH:mm", "2026-10-05T18:30")
        #expect(value?.date?.iso == "2026-10-05")
        #expect(value?.time?.description == "18:30")
    }

    @Test func badPatternsAreExplained() {
        #expect(throws: PatternError.self) { try DateTimePattern("dd-MM-yyyyy") }
        #expect(throws: PatternError.self) { try DateTimePattern("hh:mm") } // 12-hour clock without a
        #expect(throws: PatternError.self) { try DateTimePattern("dd-MM") } // no year
        #expect(throws: PatternError.self) { try DateTimePattern("'T") }
    }

    @Test func durations() {
        #expect(Self.seconds(.decimalHours, "7,5") == 27_000)
        #expect(Self.seconds(.decimalHours, "7.25") == 26_100)
        #expect(Self.seconds(.decimalHours, "8.100") == 29_160)
        #expect(Self.seconds(.decimalHours, "-2,00") == -7200)
        #expect(Self.seconds(.decimalHours, "1.234,5") == nil)
        #expect(Self.seconds(.hoursMinutes, "31:15") == 31 * 3600 + 900)
        #expect(Self.seconds(.hoursMinutes, "7:75") == nil)
        #expect(Self.seconds(.hoursMinutesSeconds, "01:02:03") == 3723)
        #expect(Self.seconds(.minutes, "45") == 2700)
        #expect(Self.seconds(.iso8601, "PT7H30M") == 27_000)
        #expect(Self.seconds(.iso8601, "P1DT2H") == 93_600)
        #expect(Self.seconds(.iso8601, "PT0.5H") == nil)
        #expect(Self.seconds(.iso8601, "PT90.5S") == 91) // decimal seconds rounded half up
        #expect(Self.seconds(.iso8601, "P") == nil)
        #expect(Self.seconds(.decimalHours, "") == nil)
        #expect(DurationFormat.minutes(fromSeconds: 89) == 1)
        #expect(DurationFormat.minutes(fromSeconds: 90) == 2)
        #expect(DurationFormat.minutes(fromSeconds: -90) == -2)
    }
}
