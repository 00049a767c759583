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

    /// ISO shapes (`yyyy-MM-dd`, `yyyy-MM-dd'T'HH:mm...`) are read at fixed offsets before the general matcher
    /// takes the rest: the same answers as for any other pattern, for every way a value can be off.
    @Test(arguments: [
        ("yyyy-MM-dd", "2026-12-02", "2026-12-02", nil), ("yyyy-MM-dd", " 2026-12-02 ", "2026-12-02", nil),
        ("yyyy-MM-dd", "2026-12-2", nil, nil), ("yyyy-MM-dd", "2026/12/02", nil, nil),
        ("yyyy-MM-dd", "2026-12-02x", nil, nil), ("yyyy-MM-dd", "2026-02-29", nil, nil),
        ("yyyy-MM-dd", "20a6-12-02", nil, nil), ("yyyy-MM-dd", "", nil, nil),
        ("yyyy-MM-dd HH:mm", "2026-12-02 07:05", "2026-12-02", "07:05"), ("yyyy-MM-dd HH:mm", "2026-12-02T07:05", nil, nil),
        ("yyyy-MM-dd HH:mm", "2026-12-02 7:05", nil, nil), ("yyyy-MM-dd HH:mm", "2026-12-02 24:01", nil, nil),
        ("yyyy-MM-dd HH:mm", "2026-12-02 07:05:00", nil, nil), ("yyyy-MM-dd HH:mm", "2026-12-02 07-05", nil, nil),
        ("yyyy-MM-dd'T'HH:mm[:ss][X]", "2026-12-02T07:05Z", "2026-12-02", "07:05"),
        ("yyyy-MM-dd'T'HH:mm[:ss][X]", "2026-12-02T07:05:09", "2026-12-02", "07:05:09"),
        ("yyyy-MM-dd'T'HH:mm[:ss][X]", "2026-12-02T07", nil, nil),
        ("yyyy-MM-dd H:mm", "2026-12-02 7:05", "2026-12-02", "07:05"),  // not the ISO time: the matcher reads it
    ] as [(String, String, String?, String?)])
    func isoShapes(_ pattern: String, _ text: String, _ date: String?, _ time: String?) throws {
        let value = parse(text, try DateTimePattern(pattern))
        #expect(value?.date.map { "\($0)" } == date, "\(pattern) on \(text)")
        if let time {
            let parts = time.split(separator: ":").map { Int($0)! }
            #expect(value?.time == TimeOfDay(hour: parts[0], minute: parts[1], second: parts.count > 2 ? parts[2] : 0))
        }
    }

    /// The xsd:dateTime pattern is read without the general matcher; `[[X]]` means the same but goes through it.
    /// Both must answer alike for every value, well-formed or not.
    @Test func xsdDateTimesReadAsTheMatcherReadsThem() throws {
        let generic = try DateTimePattern("yyyy-MM-dd'T'HH:mm[:ss][.S][[X]]")
        let values = ["2026-12-02T07:05", "2026-12-02T07:05Z", "2026-12-02T07:05z", "2026-12-02T07:05:09",
                      "2026-12-02T07:05:9", "2026-12-02T07:05:09.", "2026-12-02T07:05:09.1",
                      "2026-12-02T07:05:09.123456789Z", "2026-12-02T07:05:09.1234567890", "2026-12-02T07:05.5",
                      "2026-12-02T07:05+01", "2026-12-02T07:05+01:00", "2026-12-02T07:05-0530", "2026-12-02T07:05+15",
                      "2026-12-02T07:05+01:", "2026-12-02T07:05+01:6", "2026-12-02T07:05+01:60", "2026-12-02T07:05+1",
                      "2026-12-02T07:05:09Zx", "2026-12-02T07:05:09ZZ", "2026-12-02T24:00", "2026-12-02T24:01",
                      "2026-12-02T07:05:60", "2026-12-02T07:05 ", " 2026-12-02T07:05:09+02:00"]
        for value in values {
            #expect(parse(value) == parse(value, generic), "\(value)")
        }
    }
}
