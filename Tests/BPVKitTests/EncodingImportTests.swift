import BPVIngest
import BPVKit
import BPVModel
import Testing

/// Encodings end to end: the same text from Windows-1252 and UTF-16LE files, and layout details.
@Suite struct EncodingImportTests {
    @Test(arguments: [("cp1252-accents.csv", "windows-1252"), ("utf16le-bom.csv", "utf-16le")])
    func dutchCharactersSurviveEveryEncoding(file: String, encoding: String) throws {
        let (result, store) = try importIntoFreshStore(Fixture.bad(file), mapping: Fixture.timesheetMapping())
        #expect(result.encoding == encoding)
        #expect(result.outcome == .imported)
        let first = try #require(try store.activeHourEntries(employerID: nil, studentNumber: nil).first)
        #expect(first.entry.description == "Ideeënfestival café € 12,50")
        #expect(first.entry.minutes == 480)
    }

    @Test func blankRowsAreCountedAndQuotedLineBreaksKept() throws {
        let (result, store) = try importIntoFreshStore(Fixture.bad("blank-and-overnight.csv"), mapping: Fixture.timesheetMapping())
        #expect(result.counts.blankRecords == 1)
        #expect(result.counts.entriesStored == 3)
        let entries = try store.activeHourEntries(employerID: nil, studentNumber: nil).map(\.entry)
        let overnight = try #require(entries.first { $0.date.iso == "2026-10-06" })
        #expect(overnight.minutes == 8 * 60 - 30) // 18:00 to 02:00 the next day, minus a 30-minute break
        #expect(overnight.description == "Afbouw na show;\r\nvrachtwagen \"laden\"")
        #expect(overnight.source.line == 5)
        // The record after the two-line record carries its own line number.
        #expect(entries.first { $0.employeeIdentity == "P101" }?.source.line == 7)
    }
}
