import BPVIngest
import BPVModel
import Foundation
import Testing

/// `assigned_day` (issue 16, item 3): any whole-day offset, the words, a date in the pattern; a constant word or
/// offset needs no pattern.
@Suite struct AssignedDayOffsetTests {
    static func mapping(_ assignedDay: String) -> (HourMapping?, [String]) {
        let yaml = """
            bpv_mapping: 1
            name: offsets
            produces: hour_entries
            source: { format: csv, delimiter: ";" }
            fields:
              employee:     { column: Nr }
              date:         { column: Datum, date: dd-MM-yyyy }
              duration:     { column: Uren, duration: H:MM }
              assigned_day: \(assignedDay)

            """
        let (mapping, diagnostics) = MappingLoader().check(yaml: yaml, file: "o.yaml")
        return (mapping, diagnostics.map(\.message))
    }

    static func read(_ rows: [String], _ mapping: HourMapping) throws -> (days: [String], rejects: [Reject]) {
        let text = "Nr;Datum;Uren;Dag\n" + rows.map { "P1;10-10-2026;1:00;\($0)\n" }.joined()
        let reader = try HourFileReader(path: TestFiles.write(text), mapping: mapping, employerID: "e1")
        var entries: [HourEntry] = [], rejects: [Reject] = []
        while let batch = try reader.next() { entries += batch.entries; rejects += batch.rejects }
        return (entries.map(\.date.iso), rejects)
    }

    @Test func anyWholeDayOffsetUpToThreeDigitsTheWordsAndADate() throws {
        let mapping = try #require(Self.mapping("{ column: Dag, date: dd-MM-yyyy }").0)
        let (days, rejects) = try Self.read(["-2", "+1", "0", "7", "-999", "+999", "NEXT", "previous", "03-10-2026", ""],
                                           mapping)
        #expect(days == ["2026-10-08", "2026-10-11", "2026-10-10", "2026-10-17", "2024-01-15", "2029-07-05",
                         "2026-10-11", "2026-10-09", "2026-10-03", "2026-10-10"])
        #expect(rejects.isEmpty, "\(rejects)")
    }

    @Test func fourDigitsASignAloneAndAFractionAreNotOffsets() throws {
        let mapping = try #require(Self.mapping("{ column: Dag, date: dd-MM-yyyy }").0)
        let (days, rejects) = try Self.read(["+1000", "1000", "-", "+", "1.5", "next day"], mapping)
        #expect(days.isEmpty)
        #expect(rejects.map(\.value) == ["+1000", "1000", "-", "+", "1.5", "next day"])
        #expect(rejects.first?.reason == "not a day assignment")
        #expect(rejects.first?.expected == "previous, current, next, a whole-day offset such as -1 or +2 or a date like dd-MM-yyyy")
    }

    @Test func aConstantWordOrOffsetNeedsNoPattern() throws {
        let next = try #require(Self.mapping("{ value: next }").0)
        #expect(try Self.read(["x"], next).days == ["2026-10-11"])
        let back = try #require(Self.mapping("{ value: \"-3\" }").0)
        #expect(try Self.read(["x"], back).days == ["2026-10-07"])
        let iso = try #require(Self.mapping("{ value: \"2026-10-01\" }").0)
        #expect(try Self.read(["x"], iso).days == ["2026-10-01"])
    }

    @Test func aConstantThatIsNoDayAssignmentIsAMappingError() {
        #expect(Self.mapping("{ value: tomorrow }").1 == ["assigned_day 'tomorrow' is not a day assignment"])
        #expect(Self.mapping("{ value: \"+1000\" }").1 == ["assigned_day '+1000' is not a day assignment"])
        // A column still needs its date pattern.
        #expect(Self.mapping("{ column: Dag }").1 == ["field 'assigned_day' needs a format"])
    }
}
