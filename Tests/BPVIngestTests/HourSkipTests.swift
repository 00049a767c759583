import BPVIngest
import BPVModel
import Foundation
import Testing

/// Records that are not hours (issue 16, item 2): `rows.skip_when`, a code-table value `skip` and an empty
/// `optional: true` duration are skipped and counted per reason, never silently and never as rejects.
@Suite struct HourSkipTests {
    static func mapping(_ yaml: String) throws -> HourMapping {
        let (mapping, diagnostics) = MappingLoader().check(yaml: yaml, file: "skip.yaml")
        guard let mapping else { throw FixtureProblem(diagnostics.map(\.description).joined(separator: "\n")) }
        return mapping
    }

    static func read(_ path: String, _ mapping: HourMapping)
        throws -> (entries: [HourEntry], rejects: [Reject], skipped: [String], reader: HourFileReader) {
        let reader = try HourFileReader(path: path, mapping: mapping, employerID: "e1")
        var entries: [HourEntry] = [], rejects: [Reject] = []
        while let batch = try reader.next() { entries += batch.entries; rejects += batch.rejects }
        return (entries, rejects, reader.skipped.map { "\($0.count) \($0.reason)" }, reader)
    }

    /// The shipped sample with break, subtotal, total, planned, cancelled and empty rows, as worked out by hand.
    @Test func theRosterSampleImportsAsWrittenDownByHand() throws {
        let mapping = try MappingLoader().loadHourMapping(path: Paths.repo("mappings/hours/planbord-roosterregels.yaml"))
        let (entries, rejects, skipped, reader) = try Self.read(Paths.repo("samples/mapping-shapes/planbord-roosterregels.csv"), mapping)
        #expect(entries.map(\.source.line) == [2, 4, 5, 9, 10])
        #expect(entries.map(\.employeeIdentity) == ["P3101", "P3101", "P3101", "P3102", "P3102"])
        #expect(entries.map(\.date.iso) == ["2026-11-02", "2026-11-02", "2026-11-03", "2026-11-02", "2026-11-03"])
        // Line 5 has no Uren: the optional duration falls back to Eind - Begin (17:00-19:00).
        #expect(entries.map(\.minutes) == [240, 240, 120, 480, 480])
        #expect(entries.map(\.category) == [.work, .work, .work, .work, .sick])
        #expect(rejects.map(\.location.line) == [12])
        #expect(rejects.first?.column == "Uren")
        #expect(rejects.first?.value == "vier")
        #expect(rejects.first?.reason == "not a valid duration")
        #expect(skipped == [
            "1 hour type Pauze (code table 'regeltypes': skip)",             // line 3
            "1 planned, not worked",                                          // line 6
            "1 empty duration and no start and end (duration is optional)",   // line 7
            "2 total row",                                                    // lines 8 and 13
            "1 cancelled shift",                                              // line 11
        ])
        #expect(reader.recordsRead == 12)
        #expect(reader.skipNotes.first == "1 record skipped: hour type Pauze (code table 'regeltypes': skip)")
        #expect(reader.skipNotes[3] == "2 records skipped: total row")
    }

    /// Lint judges only the records that would become entries: the total rows' empty employee and date, the
    /// Status column that only skip_when reads, are no warnings; the one bad Uren (line 12) is.
    @Test func lintOfTheRosterSampleWarnsOnlyAboutTheRecordThatIsRejected() throws {
        let path = Paths.repo("mappings/hours/planbord-roosterregels.yaml")
        let mapping = try MappingLoader().loadHourMapping(path: path)
        let diagnostics = try MappingSampleLinter().check(mapping, mappingFile: "m.yaml",
                                                          sample: Paths.repo("samples/mapping-shapes/planbord-roosterregels.csv"))
        #expect(diagnostics.map(\.message) == [
            "1 of 5 sampled values of column \"Uren\" (6) do not read as duration format decimal_hours (line 12: \"vier\")",
        ])
    }

    static let base = """
        bpv_mapping: 1
        name: skip-test
        produces: hour_entries
        source: { format: csv, delimiter: ";" }
        fields:
          employee: { column: Nr }
          date:     { column: Datum, date: dd-MM-yyyy }

        """

    @Test func equalsIgnoresCaseAndSpacesStartsWithMatchesOnlyAPrefix() throws {
        let mapping = try Self.mapping(Self.base + """
              duration: { column: Uren, duration: H:MM }
            rows:
              skip_when:
                - { field: employee, equals: [totaal], reason: total }
                - { column: Soort, starts_with: Sub }
            """)
        let file = TestFiles.write("""
            Nr;Datum;Uren;Soort
            TOTAAL ;01-10-2026;1:00;x
            Totaalx;01-10-2026;1:00;x
            P1;01-10-2026;1:00;Subtotaal
            P1;01-10-2026;1:00;Su
            P1;01-10-2026;1:00;sub

            """)
        let (entries, rejects, skipped, _) = try Self.read(file, mapping)
        #expect(entries.map(\.source.line) == [3, 5]) // "Totaalx" is not "totaal"; "Su" is shorter than "Sub"
        #expect(rejects.isEmpty)
        #expect(skipped == ["1 total", "2 Soort starts with sub"])
    }

    @Test func anEmptyOptionalDurationIsSkippedAnEmptyRequiredOneIsRejected() throws {
        let optional = try Self.mapping(Self.base + "  duration: { column: Uren, duration: H:MM, optional: true }\n")
        let required = try Self.mapping(Self.base + "  duration: { column: Uren, duration: H:MM }\n")
        let file = TestFiles.write("Nr;Datum;Uren\nP1;01-10-2026;\nP1;02-10-2026;0:01\n")
        let a = try Self.read(file, optional)
        #expect(a.entries.map(\.minutes) == [1])
        #expect(a.rejects.isEmpty)
        #expect(a.skipped == ["1 empty duration and no start and end (duration is optional)"])
        let b = try Self.read(file, required)
        #expect(b.entries.map(\.minutes) == [1])
        #expect(b.rejects.map(\.reason) == ["empty"])
        #expect(b.skipped.isEmpty)
    }

    @Test func anEmptyOptionalDurationWithOnlyAStartIsSkippedWithBothTimesItFallsBack() throws {
        let mapping = try Self.mapping(Self.base + """
              start:    { column: Van, time: HH:mm, optional: true }
              end:      { column: Tot, time: HH:mm, optional: true }
              duration: { column: Uren, duration: H:MM, optional: true }
            """)
        let file = TestFiles.write("Nr;Datum;Van;Tot;Uren\nP1;01-10-2026;09:00;;\nP1;01-10-2026;09:00;09:01;\n")
        let (entries, rejects, skipped, _) = try Self.read(file, mapping)
        #expect(entries.map(\.minutes) == [1])
        #expect(rejects.isEmpty)
        #expect(skipped == ["1 empty duration and no start and end (duration is optional)"])
    }

    @Test func aCodeTableDefaultOfSkipSkipsEveryUnlistedCode() throws {
        let mapping = try Self.mapping(Self.base + """
              duration: { column: Uren, duration: H:MM }
              category: { column: Soort, codes: soorten }
            codes:
              soorten: { values: { Werk: work }, default: skip }
            """)
        let file = TestFiles.write("Nr;Datum;Uren;Soort\nP1;01-10-2026;1:00; werk\nP1;01-10-2026;1:00;Reserve\n")
        let (entries, _, skipped, _) = try Self.read(file, mapping)
        #expect(entries.map(\.source.line) == [2])
        #expect(skipped == ["1 hour type not listed (code table 'soorten': default skip)"])
    }

    @Test func badSkipConditionsAreMappingErrors() {
        func errors(_ rows: String, source: String = "") -> [String] {
            let yaml = Self.base.replacingOccurrences(of: "source: { format: csv, delimiter: \";\" }",
                                                      with: "source: { format: csv, delimiter: \";\"\(source) }")
                + "  duration: { column: Uren, duration: H:MM }\n  category: { value: work }\nrows:\n  skip_when:\n" + rows
            return MappingLoader().check(yaml: yaml, file: "s.yaml").diagnostics.map(\.message)
        }
        #expect(errors("    - { field: approved, equals: x }\n")
                == ["rows.skip_when names 'approved', which is not a mapped field"])
        #expect(errors("    - { field: category, equals: x }\n")
                == ["rows.skip_when names 'category', which is a constant"])
        #expect(errors("    - { field: employee }\n") == ["the rows.skip_when condition on 'employee' tests nothing"])
        #expect(errors("    - { column: Status, equals: x }\n", source: ", header: false")
            .contains("rows.skip_when can name a column only in a CSV file with a header"))
        #expect(MappingLoader().check(yaml: Self.base + "  duration: { column: Uren, duration: H:MM }\n  category: { value: skip }\n",
                                      file: "s.yaml").diagnostics.map(\.message)
                == ["category 'skip' is not one of: work, sick, leave, holiday, doctor, travel_standplaats, travel_jobs, training, other"])
        #expect(errors("    - { reason: x, equals: y }\n") == ["a rows.skip_when condition needs 'field' (or 'column')"])
    }

    @Test func xmlRecordsAreSkippedByAFieldConditionAndByACodeSkip() throws {
        let mapping = try Self.mapping("""
            bpv_mapping: 1
            name: skip-xml
            produces: hour_entries
            source: { format: xml, record: /Uren/Regel }
            fields:
              employee: { path: "@nr" }
              date:     { path: "@datum", date: dd-MM-yyyy }
              duration: { path: Uren, duration: H:MM, optional: true }
              category: { path: "@soort", codes: soorten }
            rows:
              skip_when: [{ field: employee, equals: TOTAAL, reason: total row }]
            codes:
              soorten: { values: { Werk: work, Pauze: skip } }
            """)
        let file = TestFiles.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Uren>
              <Regel nr="P1" datum="01-10-2026" soort="Werk"><Uren>4:00</Uren></Regel>
              <Regel nr="P1" datum="01-10-2026" soort="Pauze"><Uren>0:30</Uren></Regel>
              <Regel nr="P1" datum="02-10-2026" soort="Werk"/>
              <Regel nr="Totaal" datum="" soort=""><Uren>4:30</Uren></Regel>
            </Uren>

            """, name: "uren.xml")
        let (entries, rejects, skipped, _) = try Self.read(file, mapping)
        #expect(entries.map(\.minutes) == [240])
        #expect(rejects.isEmpty, "\(rejects)")
        #expect(skipped == ["1 hour type Pauze (code table 'soorten': skip)",
                            "1 empty duration and no start and end (duration is optional)", "1 total row"])
    }

    @Test func aColumnThatOnlySkipWhenReadsMustBeInTheHeader() throws {
        let mapping = try Self.mapping(Self.base + """
              duration: { column: Uren, duration: H:MM }
            rows:
              skip_when: [{ column: Status, equals: Geannuleerd }]
            """)
        let file = TestFiles.write("Nr;Datum;Uren\nP1;01-10-2026;1:00\n")
        #expect(throws: FileLevelError.self) { try HourFileReader(path: file, mapping: mapping, employerID: "e1") }
    }
}
