import Testing
@testable import BPVIngest

/// Which pattern or duration format a column's values get, tested with DateTimePattern and DurationFormat.
@Suite("Draft: patterns from values")
struct ColumnProfileTests {
    static func column(_ values: [String]) -> SampleTable.Column {
        SampleTable.Column(number: 1, name: "x", values: values)
    }

    @Test("dates", arguments: [
        (["01-10-2026", "15-10-2026"], "dd-MM-yyyy"),
        (["1-10-2026", "15-9-2026"], "d-M-yyyy"),
        (["2026-10-01", "2026-11-30"], "yyyy-MM-dd"),
        (["13/10/2026", "01/11/2026"], "dd/MM/yyyy"),
        (["10/13/2026", "11/01/2026"], "MM/dd/yyyy"),
        (["1.10.2026", "15.10.2026"], "d.M.yyyy"),
        (["01.10.2026", "15.10.2026"], "dd.MM.yyyy"),
    ])
    func dates(values: [String], pattern: String) {
        #expect(ColumnProfile(Self.column(values)).date?.pattern == pattern)
    }

    @Test("times", arguments: [
        (["09:00", "17:30"], "HH:mm"),
        (["9:00", "17:30"], "H:mm"),
        (["09:00:00", "17:30:15"], "HH:mm:ss"),
        (["9:00 AM", "1:30 PM"], "h:mm a"),
        (["09:00 AM", "01:30 PM"], "hh:mm a"),
        (["9:00:00 am", "1:30:00 pm"], "h:mm:ss a"),
    ])
    func times(values: [String], pattern: String) {
        #expect(ColumnProfile(Self.column(values)).time?.pattern == pattern)
    }

    @Test("date-times only when the values are neither dates nor times")
    func datetimes() {
        let profile = ColumnProfile(Self.column(["2026-10-01 09:00:00", "2026-10-02 17:30:00"]))
        #expect(profile.date == nil && profile.time == nil)
        #expect(profile.datetime?.pattern == "yyyy-MM-dd HH:mm:ss")
        #expect(ColumnProfile(Self.column(["01-10-2026T09:00"])).datetime?.pattern == "dd-MM-yyyy'T'HH:mm")
    }

    @Test("durations", arguments: [
        (["7:30", "31:15"], false, "H:MM"),
        (["07:30:00", "1:02:03"], false, "H:MM:SS"),
        (["8,5", "7"], false, "decimal_hours"),
        (["8.00", "-2.00"], false, "decimal_hours"),
        (["PT7H30M", "PT8H"], false, "iso8601"),
        (["480", "450"], false, "minutes"),  // whole numbers above 24: minutes (marked to check)
        (["30", "45", "0"], true, "minutes"),  // a break of whole numbers above 4
        (["0,5", "1"], true, "decimal_hours"),
    ])
    func durations(values: [String], isBreak: Bool, format: String) {
        #expect(ColumnProfile(Self.column(values)).durationFit(isBreak: isBreak)?.pattern == format)
    }

    @Test("values that fit only partly: the best pattern, marked to check; too few: no pattern")
    func partialFits() {
        let mostly = ColumnProfile(Self.column(["01-10-2026", "02-10-2026", "2026-10-03"])).date
        #expect(mostly?.pattern == "dd-MM-yyyy")
        #expect(mostly?.matched == 2 && mostly?.note.check != nil)
        #expect(ColumnProfile(Self.column(["01-10-2026", "x", "y"])).date == nil)
    }
}
