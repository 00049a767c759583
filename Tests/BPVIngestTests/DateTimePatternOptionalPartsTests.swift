import BPVIngest
import BPVModel
import Testing

/// Optional parts `[...]`, fractions of a second `S` and zone designators `X` in date-time patterns (xsd:dateTime
/// values from XML sources).
@Suite struct DateTimePatternOptionalPartsTests {
    let xsd: DateTimePattern

    init() throws { xsd = try DateTimePattern("yyyy-MM-dd'T'HH:mm[:ss][.S][X]") }

    private func parse(_ text: String, _ pattern: DateTimePattern? = nil) -> DateTimePattern.Value? {
        Array(text.utf8).withUnsafeBytes { (pattern ?? xsd).parse($0) }
    }

    @Test(arguments: [
        ("2026-12-02T22:00:00", 22, 0, 0), ("2026-12-02T22:00:00Z", 22, 0, 0), ("2026-12-02T22:00", 22, 0, 0),
        ("2026-12-02T22:05:30.000Z", 22, 5, 30), ("2026-12-02T07:45:09.123456+01:00", 7, 45, 9),
        ("2026-12-02T07:45:00-0530", 7, 45, 0), ("2026-12-02T23:59:59+14", 23, 59, 59),
    ])
    func acceptsXSDDateTimes(_ text: String, _ hour: Int, _ minute: Int, _ second: Int) throws {
        let value = try #require(parse(text), "\(text)")
        #expect(value.date == CalendarDate(year: 2026, month: 12, day: 2))
        // The zone is read, not applied: the clock time as written.
        #expect(value.time == TimeOfDay(hour: hour, minute: minute, second: second))
    }

    @Test(arguments: ["2026-12-02T22:00:00+1", "2026-12-02T22:00:00Zulu", "2026-12-02T22:00:00.", "2026-12-02T22",
                      "2026-12-02 22:00:00", "2026-12-02T22:00:00+15:00", "2026-02-30T10:00:00"])
    func rejectsWhatIsNotOne(_ text: String) {
        #expect(parse(text) == nil, "\(text)")
    }

    @Test func patternErrorsNameTheProblem() {
        #expect(throws: PatternError.self) { try DateTimePattern("yyyy-MM-dd['T'HH:mm") }
        #expect(throws: PatternError.self) { try DateTimePattern("yyyy-MM-dd]") }
        #expect(throws: PatternError.self) { try DateTimePattern("[yyyy-]MM-dd") }
        #expect(throws: PatternError.self) { try DateTimePattern("HH[:mm]") }
        do { _ = try DateTimePattern("yyyy-MM-dd[]") } catch { #expect(error.message.contains("empty")) }
    }

    @Test func patternsWithoutOptionalPartsReadAsBefore() throws {
        let dutch = try DateTimePattern("dd-MM-yyyy HH:mm")
        #expect(parse("07-12-2026 18:30", dutch)?.time == TimeOfDay(hour: 18, minute: 30))
        #expect(parse("07-12-2026 18:30Z", dutch) == nil)
        let us = try DateTimePattern("h:mm:ss a")
        #expect(parse("06:00:00 PM", us)?.time == TimeOfDay(hour: 18, minute: 0))
        #expect(try DateTimePattern("yyyy-MM-dd").hasTime == false)
    }
}
