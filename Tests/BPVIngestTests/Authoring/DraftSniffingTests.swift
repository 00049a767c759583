import BPVModel
import Testing
@testable import BPVIngest

/// Dialect sniffing and column guessing on small fixtures that the shipped samples do not cover.
@Suite("Draft: sniffing and guessing")
struct DraftSniffingTests {
    func draft(_ fixture: String) throws -> (MappingDrafter.Draft, CSVSniffResult) {
        let draft = try MappingDrafter().draft(path: AuthoringFixtures.path(fixture), name: "fixture")
        guard case .csv(let sniff) = draft.source else { throw FixtureError("not CSV") }
        return (draft, sniff)
    }

    @Test("title lines above the header become skip_lines, with the title as evidence")
    func titleLines() throws {
        let (draft, sniff) = try draft("title-lines.csv")
        #expect(sniff.dialect.skipLines == 3)
        #expect(sniff.dialect.delimiter == UInt8(ascii: ";"))
        #expect(sniff.header)
        #expect(sniff.skipLinesNote.evidence
                == "the header is on line 4; the 3 line(s) above it are skipped (line 1: \"Urenexport Podiumbouw Oost\")")
        #expect(sniff.encodingName == "auto")  // plain ASCII: auto decides per file
        #expect(draft.yaml.contains("  skip_lines: 3\n"))
        #expect(draft.loads)
        // Vakantie is leave, for sure; Reistijd alone is travel of an unknown kind: to check.
        let codes = Dictionary(uniqueKeysWithValues: draft.plan.codeTable!.codes.map { ($0.code, $0) })
        #expect(codes["Vakantie"]?.category == .leave && codes["Vakantie"]?.note.check == nil)
        #expect(codes["Reistijd"]?.category == .travelJobs && codes["Reistijd"]?.note.check != nil)
    }

    @Test("a tab-separated file with date-times: start and end read as datetime, no separate date field")
    func tabsAndDatetimes() throws {
        let (draft, sniff) = try draft("tabs-datetimes.tsv")
        #expect(sniff.dialect.delimiter == 0x09)
        #expect(draft.yaml.contains("  delimiter: \"\\t\"\n"))
        #expect(draft.plan.field(.start)?.reading == .datetime("yyyy-MM-dd HH:mm"))
        #expect(draft.plan.field(.end)?.reading == .datetime("yyyy-MM-dd HH:mm"))
        #expect(draft.plan.field(.date) == nil)
        #expect(draft.plan.identity == .email)  // "Medewerker" holds e-mail addresses
        #expect(draft.plan.field(.duration)?.reading == .duration("decimal_hours"))
        #expect(draft.plan.hoursNote.evidence == "\"Uren\" agrees with \"Eind\" - \"Start\" on all 4 records that have both")
        #expect(draft.loads)
    }

    @Test("dd/MM/yyyy and MM/dd/yyyy both fitting every value is marked to check; durations over 24 hours too")
    func ambiguousDates() throws {
        let (draft, _) = try draft("ambiguous-dates.csv")
        let date = try #require(draft.plan.field(.date))
        #expect(date.reading == .date("dd/MM/yyyy"))
        #expect(date.notes.compactMap(\.check) == ["every day and month in the sample is 12 or less, so MM/dd/yyyy "
                                                   + "fits as well: check which comes first"])
        #expect(draft.plan.field(.duration)?.reading == .duration("H:MM"))
        #expect(draft.plan.longestNote?.evidence == "the longest sampled duration is 31:15 (line 5)")
        #expect(draft.yaml.contains("# CHECK: every day and month in the sample is 12 or less"))
    }

    @Test("a day above 12 settles the order: the other pattern's failing value is the evidence")
    func usDatesSettledByValues() throws {
        let draft = try MappingDrafter().draft(path: try AuthoringFixtures.sample("theater-vechtkamer"), name: "x")
        let date = try #require(draft.plan.field(.date))
        #expect(date.reading == .date("MM/dd/yyyy"))
        #expect(date.notes.contains { $0.evidence.contains("dd/MM/yyyy fails on \"10/14/2026\"") })
        #expect(date.notes.allSatisfy { $0.check == nil })
    }

    @Test("without a header: columns by position, and every guess from values alone is marked to check")
    func noHeader() throws {
        let (draft, sniff) = try draft("pipe-noheader.csv")
        #expect(sniff.dialect.delimiter == UInt8(ascii: "|"))
        #expect(!sniff.header)
        #expect(sniff.headerNote.check == "is there really no header line?")
        #expect(sniff.delimiterNote.evidence.hasPrefix("3/3 records have 5 fields with \"|\""))
        #expect(draft.yaml.contains("  date:        { column: 1, date: dd.MM.yyyy }\n"))
        #expect(draft.yaml.contains("  start:       { column: 2, time: \"HH:mm\" }\n"))
        #expect(draft.yaml.contains("  end:         { column: 3, time: \"HH:mm\" }\n"))
        #expect(draft.yaml.contains("  employee:    { column: 4 }\n"))
        for field in [HourField.employee, .date, .start, .end] {
            #expect(draft.plan.field(field)?.notes.contains { $0.check != nil } == true, "\(field)")
        }
        #expect(draft.loads)
    }

    @Test("a sample with a ragged row, a malformed line and a bad date: named in the evidence, marked to check")
    func imperfectSample() throws {
        let (draft, sniff) = try draft("preview-small.csv")
        #expect(sniff.delimiterNote.evidence.hasSuffix("; 1 record(s) with another number of fields (line 8) would be "
                                                       + "rejected as ragged rows"))
        #expect(sniff.delimiterNote.check == "only 6 of 8 records agree on their number of fields: check the delimiter")
        #expect(sniff.table.malformedLines == [7])
        #expect(draft.plan.identity == .personeelsnummer)  // "Medewerker" holding whole numbers
        #expect(draft.plan.field(.date)?.notes.compactMap(\.check)
                == ["\"31-02-2026\" does not match: that record would be rejected"])
        #expect(draft.loads)
    }

    @Test("Windows-1252 is named with the byte that is not UTF-8 and the word it makes")
    func windows1252Evidence() throws {
        let draft = try MappingDrafter().draft(path: try AuthoringFixtures.sample("podiumbouw-oost"), name: "x")
        guard case .csv(let sniff) = draft.source else { Issue.record("not CSV"); return }
        #expect(sniff.encoding == .windows1252)
        #expect(sniff.encodingNote.evidence == "not UTF-8: byte 0xEB on line 2; as Windows-1252 it reads \"Joël\"")
    }

    @Test("a UTF-8 byte-order mark is named and the encoding is utf-8")
    func byteOrderMark() throws {
        let draft = try MappingDrafter().draft(path: try AuthoringFixtures.sample("bytebrug-ict"), name: "x")
        guard case .csv(let sniff) = draft.source else { Issue.record("not CSV"); return }
        #expect(sniff.encodingName == "utf-8")
        #expect(sniff.encodingNote.evidence == "the file starts with a utf-8 byte-order mark (dropped when read)")
        #expect(draft.plan.field(.employee)?.column.name == "Email")  // not "\u{FEFF}User"-confused
    }

    @Test("hour-type words: obvious ones are sure, others are work to check", arguments: [
        ("Ziekte", HourCategory.sick, true), ("ZIEK", .sick, true), ("Vakantie", .leave, true), ("VAK", .leave, true),
        ("Feestdag", .holiday, true), ("Tandarts", .doctor, true), ("Cursus", .training, true),
        ("Reistijd woon-werk", .travelStandplaats, true), ("Reistijd klus", .travelJobs, true),
        ("Reistijd", .travelJobs, false), ("Overwerk", .work, true), ("Magazijn", .work, false),
        ("Oktoberfeest", .work, false),
    ])
    func hourTypeWords(code: String, category: HourCategory, sure: Bool) {
        let (guessed, note) = HourTypeWords.guess(code)
        #expect(guessed == category)
        #expect((note.check == nil) == sure)
    }
}
