import BPVIngest
import BPVModel
import Foundation
import Testing

/// The hour mapper at its edges: an entry of exactly `max_entry_hours` passes and one minute more is rejected, and
/// decimal hours become the minutes the rounding rule says.
@Suite struct HourMapperBoundsTests {
    /// A CSV mapping with one duration column read as `format`, plus `hours` settings (e.g. `max_entry_hours: 10`).
    static func mapping(duration format: String, hours: [String] = []) throws -> HourMapping {
        var yaml = """
            bpv_mapping: 1
            name: test-bounds
            produces: hour_entries
            source: { format: csv, encoding: utf-8, delimiter: ";" }
            fields:
              employee: { column: Personeelsnummer }
              date:     { column: Datum, date: dd-MM-yyyy }
              duration: { column: Uren, duration: "\(format)" }
              category: { column: Soort, codes: soorten }
            codes:
              soorten: { values: { Werk: work } }

            """
        if !hours.isEmpty { yaml += "hours:\n" + hours.map { "  \($0)\n" }.joined() }
        let (mapping, diagnostics) = MappingLoader().check(yaml: yaml, file: "test-bounds.yaml")
        guard let mapping else { throw FixtureProblem(diagnostics.map(\.description).joined(separator: "\n")) }
        return mapping
    }

    /// Reads one CSV file with the durations `values`, one record a day.
    static func read(_ values: [String], _ mapping: HourMapping) throws -> (entries: [HourEntry], rejects: [Reject]) {
        var text = "Personeelsnummer;Datum;Uren;Soort\n"
        for (i, value) in values.enumerated() { text += "P100;\(i < 9 ? "0" : "")\(i + 1)-10-2026;\(value);Werk\n" }
        let reader = try HourFileReader(path: TestFiles.write(text), mapping: mapping, employerID: "e1")
        var entries: [HourEntry] = [], rejects: [Reject] = []
        while let batch = try reader.next() { entries += batch.entries; rejects += batch.rejects }
        return (entries, rejects)
    }

    @Test func anEntryOfExactlyTheDefaultMaximumPassesOneMinuteMoreIsRejected() throws {
        let (entries, rejects) = try Self.read(["24:00", "24:01"], Self.mapping(duration: "H:MM"))
        #expect(entries.map(\.minutes) == [24 * 60])
        #expect(rejects.map(\.value) == ["24:01"])
        #expect(rejects.first?.reason == "absurd duration: 24h01 in one entry")
        #expect(rejects.first?.expected == "at most 24 hours per entry")
    }

    @Test func anEntryOfExactlyASetMaximumPassesOneMinuteMoreIsRejected() throws {
        let mapping = try Self.mapping(duration: "H:MM", hours: ["max_entry_hours: 10", "allow_negative: true"])
        let (entries, rejects) = try Self.read(["10:00", "10:01", "-10:00", "-10:01"], mapping)
        #expect(entries.map(\.minutes) == [600, -600])
        #expect(rejects.map(\.value) == ["10:01", "-10:01"])
        #expect(rejects.first?.reason == "absurd duration: 10h01 in one entry")
    }

    @Test func theMaximumHoldsAfterRoundingToMinutes() throws {
        // 24:00:29 rounds to 1440 minutes, 24:00:30 to 1441.
        let (entries, rejects) = try Self.read(["24:00:29", "24:00:30"], Self.mapping(duration: "H:MM:SS"))
        #expect(entries.map(\.minutes) == [1440])
        #expect(rejects.map(\.value) == ["24:00:30"])
    }

    @Test func decimalHoursBecomeMinutesRoundedHalfAwayFromZero() throws {
        let (entries, rejects) = try Self.read(["7,333", "7,325", "7,3248"], Self.mapping(duration: "decimal_hours"))
        #expect(rejects.isEmpty)
        #expect(entries.map(\.minutes) == [440, 440, 439])
    }
}
