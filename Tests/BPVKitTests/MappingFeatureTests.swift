import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Testing

/// Mapping features not covered by the shipped samples: columns by position, title lines, constants, the
/// studentnummer in the export, leerbedrijf-IDs, breaks as H:MM and a datetime start.
@Suite struct MappingFeatureTests {
    static func mapping(_ yaml: String) throws -> HourMapping {
        let (mapping, diagnostics) = MappingLoader().check(yaml: yaml, file: "inline.yaml")
        guard let mapping else { throw MappingError(diagnostics: diagnostics) }
        return mapping
    }

    @Test func positionsTitleLinesAndConstants() throws {
        let file = Fixture.temporaryFolder().appendingPathComponent("uren.txt")
        try """
            Urenoverzicht oktober 2026
            Export: 01-11-2026
            2250001|1-10-2026|8:00|17:15|0:45|7 700 012
            2250001|2-10-2026|22:00|6:00|0:30| 7700012
            """.write(to: file, atomically: true, encoding: .utf8)
        let mapping = try Self.mapping("""
            bpv_mapping: 1
            name: positions
            produces: hour_entries
            source: { format: csv, delimiter: "|", header: false, skip_lines: 2 }
            fields:
              student:     { column: 1 }
              date:        { column: 2, date: d-M-yyyy }
              start:       { column: 3, time: "H:mm" }
              end:         { column: 4, time: "H:mm" }
              break:       { column: 5, duration: "H:MM" }
              leerbedrijf: { column: 6 }
              category:    { value: work }
              approved:    { value: "false" }
            """)
        let (result, store) = try importIntoFreshStore(file.path, mapping: mapping)
        #expect(result.outcome == .imported, "\(result.firstRejects)")
        let entries = try store.activeHourEntries(employerID: nil, studentNumber: "2250001").map(\.entry)
        #expect(entries.map(\.minutes) == [8 * 60 + 30, 7 * 60 + 30]) // 9h15 - 45m; overnight 8h - 30m
        #expect(entries.map(\.source.line) == [3, 4])
        #expect(entries.map(\.leerbedrijfID) == ["007700012", "007700012"]) // spaces removed, padded to 9 digits
        #expect(entries.allSatisfy { $0.approved == false && $0.category == .work })
        #expect(result.counts.unresolved == 0) // the studentnummer came with the export
    }

    @Test func aDatetimeStartGivesTheDay() throws {
        let file = Fixture.temporaryFolder().appendingPathComponent("toggl.csv")
        try "User,Start,End\nsam@example.nl,2026-10-05 22:30,2026-10-06 01:15\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let mapping = try Self.mapping("""
            bpv_mapping: 1
            name: datetimes
            produces: hour_entries
            identity: email
            source: { format: csv }
            fields:
              employee: { column: User }
              start:    { column: Start, datetime: "yyyy-MM-dd HH:mm" }
              end:      { column: End, datetime: "yyyy-MM-dd HH:mm" }
            """)
        let (result, store) = try importIntoFreshStore(file.path, mapping: mapping)
        #expect(result.outcome == .imported, "\(result.firstRejects)")
        let entry = try #require(try store.activeHourEntries(employerID: nil, studentNumber: nil).first?.entry)
        #expect(entry.date.iso == "2026-10-05")
        #expect(entry.minutes == 165)
    }
}
