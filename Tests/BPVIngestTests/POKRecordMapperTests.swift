import BPVIngest
import BPVModel
import Testing

/// The `poks` kind's fields as the student administration gives them: its number, signing, status, termination and
/// second address; and the rejects of dates that contradict each other, at their boundaries.
@Suite("POK records: the SIS's fields and their rejects")
struct POKRecordMapperTests {
    static let header = "nr;student;leerbedrijf;crebo;begin;end;signed;status;terminated;second\n"

    static let mapping = """
        bpv_mapping: 1
        name: poks-test
        produces: poks
        source: { format: csv, encoding: utf-8, delimiter: ";", header: true }
        fields:
          pok_number:     { column: nr, optional: true }
          student:        { column: student }
          leerbedrijf:    { column: leerbedrijf }
          crebo:          { column: crebo }
          begin:          { column: begin, date: yyyy-MM-dd }
          end:            { column: end, date: yyyy-MM-dd }
          signed:         { column: signed, date: yyyy-MM-dd, optional: true }
          status:         { column: status, codes: statussen, optional: true }
          terminated:     { column: terminated, date: yyyy-MM-dd, optional: true }
          second_address: { column: second, boolean: { true: [ja, "true", "1"], false: [nee, "false", "0"] }, optional: true }
        codes:
          statussen:
            values:
              actief: active
              lopend: active
              beëindigd: ended
              afgesloten: ended
        """

    /// Reads `rows` (after the header) with `mapping`.
    func read(_ rows: String, mapping: String = Self.mapping) throws -> RecordFileReader<POKRecordMapper>.Batch {
        let mappingPath = TestFiles.write(mapping, name: "poks-test.yaml")
        let loaded = try MappingLoader().loadRecordMapping(path: mappingPath, kind: .poks)
        let path = TestFiles.write(Self.header + rows, name: "poks.csv")
        return try RecordFileReader(path: path, mapping: loaded, mapper: POKRecordMapper()).readAll()
    }

    @Test("every new field is read: the SIS's number, the signing day, the status through its code table, the termination, the second address")
    func newFields() throws {
        let batch = try read("""
            P2025-0658;2250658;100581320;25798;2025-09-08;2027-07-09;2026-10-12;Actief;;nee
            P2025-0562;2240562;100966213;25605;2025-08-25;2027-01-29;2025-08-18;beëindigd;2026-11-20;0
            P2026-0233;2240233;100581320;25798;2026-11-01;2027-01-29;2026-10-26; LOPEND ;;Ja
            ;2250114;101145779;25604;2025-09-01;2027-07-09;;;;

            """)
        #expect(batch.rejects.isEmpty)
        let poks = batch.values
        #expect(poks.map(\.pokNumber) == ["P2025-0658", "P2025-0562", "P2026-0233", nil])
        #expect(poks.map(\.signedOn) == [d("2026-10-12"), d("2025-08-18"), d("2026-10-26"), nil])
        #expect(poks.map(\.status) == [.active, .ended, .active, nil])
        #expect(poks.map(\.terminatedOn) == [nil, d("2026-11-20"), nil, nil])
        #expect(poks.map(\.secondAddress) == [false, false, true, false])
        #expect(poks[1].lastDay == d("2026-11-20"))
    }

    @Test("an ended status without a termination date is no reject: the end date holds")
    func endedWithoutTermination() throws {
        let batch = try read("P1;2250658;100581320;25798;2025-09-08;2027-07-09;;afgesloten;;\n")
        #expect(batch.rejects.isEmpty)
        #expect(batch.values.first?.status == .ended)
        #expect(batch.values.first?.lastDay == d("2027-07-09"))
    }

    @Test("a termination on the begin day is allowed; the day before is a reject with its exact message")
    func terminatedAtTheBegin() throws {
        let batch = try read("""
            P1;2250658;100581320;25798;2025-09-08;2027-07-09;;beëindigd;2025-09-08;
            P2;2250658;100581320;25798;2025-09-08;2027-07-09;;beëindigd;2025-09-07;

            """)
        #expect(batch.values.map(\.terminatedOn) == [d("2025-09-08")])
        let reject = try #require(batch.rejects.first)
        #expect(batch.rejects.count == 1)
        #expect(reject.location.line == 3)
        #expect(reject.column == "terminated" && reject.columnNumber == 9 && reject.value == "2025-09-07")
        #expect(reject.reason == "the POK is terminated before it begins")
        #expect(reject.expected == "a termination date on or after the begin 2025-09-08")
    }

    @Test("a termination on the end day is allowed; the day after is a reject with its exact message")
    func terminatedAtTheEnd() throws {
        let batch = try read("""
            P1;2250658;100581320;25798;2025-09-08;2027-07-09;;;2027-07-09;
            P2;2250658;100581320;25798;2025-09-08;2027-07-09;;;2027-07-10;

            """)
        #expect(batch.values.map(\.terminatedOn) == [d("2027-07-09")])
        let reject = try #require(batch.rejects.first)
        #expect(batch.rejects.count == 1)
        #expect(reject.location.line == 3 && reject.column == "terminated" && reject.value == "2027-07-10")
        #expect(reject.reason == "the POK is terminated after it ends")
        #expect(reject.expected == "a termination date on or before the end 2027-07-09")
    }

    @Test("a signing on the end day is allowed; the day after is a reject with its exact message")
    func signedAtTheEnd() throws {
        let batch = try read("""
            P1;2250658;100581320;25798;2025-09-08;2027-07-09;2027-07-09;;;
            P2;2250658;100581320;25798;2025-09-08;2027-07-09;2027-07-10;;;

            """)
        #expect(batch.values.map(\.signedOn) == [d("2027-07-09")])
        let reject = try #require(batch.rejects.first)
        #expect(batch.rejects.count == 1)
        #expect(reject.location.line == 3 && reject.column == "signed" && reject.columnNumber == 7)
        #expect(reject.value == "2027-07-10")
        #expect(reject.reason == "the POK is signed after it ends")
        #expect(reject.expected == "a signing date on or before the end 2027-07-09")
    }

    @Test("a status the code table does not list, and a yes/no word the lists do not hold, are rejects")
    func unknownWords() throws {
        let batch = try read("""
            P1;2250658;100581320;25798;2025-09-08;2027-07-09;;geschorst;;
            P2;2250658;100581320;25798;2025-09-08;2027-07-09;;;;misschien

            """)
        #expect(batch.values.isEmpty)
        #expect(batch.rejects.map(\.column) == ["status", "second"])
        #expect(batch.rejects.map(\.reason) == ["not in code table 'statussen'", "not a known yes/no value"])
        #expect(batch.rejects.last?.expected == "one of 1, ja, true, 0, false, nee")
    }
}

/// The mapping language's `boolean:` reading for record kinds (``RecordFieldReader/boolean(_:_:)``): the same words
/// and the same `"*"` rule as the hour mapper's `approved`.
@Suite("Yes/no fields of record kinds")
struct RecordBooleanFieldTests {
    func secondAddresses(_ field: String, values: [String]) throws -> (values: [Bool], rejects: [Reject]) {
        let mapping = POKRecordMapperTests.mapping.replacingOccurrences(
            of: #"  second_address: { column: second, boolean: { true: [ja, "true", "1"], false: [nee, "false", "0"] }, optional: true }"#,
            with: "  second_address: \(field)")
        let rows = values.map { "P1;2250658;100581320;25798;2025-09-08;2027-07-09;;;;\($0)\n" }.joined()
        let batch = try POKRecordMapperTests().read(rows, mapping: mapping)
        return (batch.values.map(\.secondAddress), batch.rejects)
    }

    @Test("true and false words match ignoring case and surrounding spaces")
    func words() throws {
        let read = try secondAddresses(#"{ column: second, boolean: { true: [Ja, J, 1], false: [Nee, N, 0] } }"#,
                                       values: ["ja", " JA ", "j", "1", "nee", "N", "0"])
        #expect(read.rejects.isEmpty)
        #expect(read.values == [true, true, true, true, false, false, false])
    }

    @Test("an empty value is a reject unless the field is optional; optional and empty reads as no second address")
    func empty() throws {
        let required = try secondAddresses(#"{ column: second, boolean: { true: [ja], false: [nee] } }"#, values: [""])
        #expect(required.rejects.map(\.reason) == ["empty"])
        let optional = try secondAddresses(#"{ column: second, boolean: { true: [ja], false: [nee] }, optional: true }"#,
                                           values: [""])
        #expect(optional.rejects.isEmpty && optional.values == [false])
    }

    @Test("\"*\" stands for any other non-empty word; without a false list every other word is false")
    func otherwise() throws {
        let starTrue = try secondAddresses(#"{ column: second, boolean: { true: [ja, "*"], false: [nee] } }"#,
                                           values: ["nee", "tweede adres"])
        #expect(starTrue.values == [false, true])
        let noFalses = try secondAddresses(#"{ column: second, boolean: { true: [ja] } }"#, values: ["ja", "anders"])
        #expect(noFalses.rejects.isEmpty && noFalses.values == [true, false])
        let strict = try secondAddresses(#"{ column: second, boolean: { true: [ja], false: [nee] } }"#, values: ["x"])
        #expect(strict.rejects.map(\.reason) == ["not a known yes/no value"])
        #expect(strict.rejects.first?.expected == "one of ja, nee")
        #expect(strict.rejects.first?.value == "x")
    }

    @Test("a constant reads with the built-in words: value: ja is true for every record")
    func constant() throws {
        let read = try secondAddresses("{ value: ja }", values: ["", "nee"])
        #expect(read.rejects.isEmpty && read.values == [true, true])
        let no = try secondAddresses(#"{ value: "0" }"#, values: [""])
        #expect(no.values == [false])
    }

    @Test("a boolean field mapped without its lists needs a format, as the hour mapper's approved does")
    func needsLists() {
        let mapping = POKRecordMapperTests.mapping.replacingOccurrences(
            of: #"{ column: second, boolean: { true: [ja, "true", "1"], false: [nee, "false", "0"] }, optional: true }"#,
            with: "{ column: second }")
        let path = TestFiles.write(mapping, name: "poks-test.yaml")
        let (loaded, diagnostics) = MappingLoader().checkRecordMapping(path: path, kind: .poks)
        #expect(loaded == nil)
        #expect(diagnostics.contains { $0.message == "field 'second_address' needs a format" && $0.hint == "boolean: ..." })
    }
}

private func d(_ iso: String) -> CalendarDate {
    guard let date = CalendarDate(iso: iso) else { fatalError("not a date: \(iso)") }
    return date
}
