import Testing
@testable import BPVIngest

/// Files a draft cannot start from fail with a clear error naming the file, the line where there is one, and why.
@Suite("Draft: malformed samples")
struct DraftMalformedSampleTests {
    func failure(_ fixture: String) -> FileLevelError? {
        do {
            _ = try MappingDrafter().draft(path: AuthoringFixtures.path(fixture))
            return nil
        } catch {
            return error
        }
    }

    @Test("a 0-byte file")
    func emptyFile() throws {
        let error = try #require(failure("empty.csv"))
        #expect(error.file == AuthoringFixtures.path("empty.csv"))
        #expect(error.line == nil)
        #expect(error.message == "the file is empty (0 bytes): a draft needs a sample export with a header and records")
    }

    @Test("a file of one line")
    func oneLine() throws {
        let error = try #require(failure("one-line.csv"))
        #expect(error.line == 1)
        #expect(error.message == "the file holds a single line: a draft needs a header line and at least one record "
                + "below it")
    }

    @Test("binary junk")
    func binaryJunk() throws {
        let error = try #require(failure("junk.bin"))
        #expect(error.line == 1)
        #expect(error.message == "not a text file: byte 0x7F at offset 0; a draft needs a CSV export (text)")
    }

    @Test("an Excel workbook is named as one")
    func workbook() throws {
        let error = try #require(failure("workbook.xlsx"))
        #expect(error.message == "not a text file: byte 0x03 at offset 2 (it starts like a ZIP archive, such as an "
                + "Excel .xlsx workbook: save it as CSV); a draft needs a CSV export (text)")
    }

    @Test("a file that does not exist")
    func missing() throws {
        let error = try #require(failure("no-such-file.csv"))
        #expect(error.message == "cannot open the file: No such file or directory")
    }
}
