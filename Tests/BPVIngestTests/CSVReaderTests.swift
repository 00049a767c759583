@testable import BPVIngest
import Testing

/// The libcsv reader: quoting, line numbers, offsets, recovery, and chunk boundaries.
@Suite struct CSVReaderTests {
    /// All records and syntax errors of a file.
    static func readAll(_ path: String, _ dialect: CSVDialect = CSVDialect(delimiter: UInt8(ascii: ";")),
                        encoding: TextEncoding? = nil) throws -> (records: [([String], Int, Int)], errors: [CSVSyntaxError]) {
        let reader = try CSVReader(path: path, dialect: dialect, encoding: encoding)
        var records: [([String], Int, Int)] = []
        var errors: [CSVSyntaxError] = []
        while let batch = try reader.nextBatch() {
            records += batch.records.map { ($0.strings, $0.line, $0.byteOffset) }
            errors += batch.syntaxErrors
        }
        return (records, errors)
    }

    @Test func quotedFieldsHoldDelimitersDoubledQuotesAndLineBreaks() throws {
        let path = TestFiles.write("a;b;c\n\"x;y\";\"say \"\"hi\"\"\";\"two\nlines\"\nlast;row;here")
        let (records, errors) = try Self.readAll(path)
        #expect(errors.isEmpty)
        #expect(records.map(\.0) == [["a", "b", "c"], ["x;y", "say \"hi\"", "two\nlines"], ["last", "row", "here"]])
        #expect(records.map(\.1) == [1, 2, 4]) // the record after the two-line record starts on line 4
        #expect(records.map(\.2) == [0, 6, 37])
    }

    @Test func crlfLineEndsAndSpacesAroundUnquotedFields() throws {
        let path = TestFiles.write("a ; b;\" c \"\r\n1;2;3\r\n")
        let (records, _) = try Self.readAll(path)
        #expect(records.map(\.0) == [["a", "b", " c "], ["1", "2", "3"]]) // trimmed unless quoted
        #expect(records.map(\.1) == [1, 2])
    }

    @Test func textAfterAClosingQuoteIsAnErrorAndTheNextLineIsRead() throws {
        let path = TestFiles.write("a;b\n\"x\"y;2\nok;3\n")
        let (records, errors) = try Self.readAll(path)
        #expect(records.map(\.0) == [["a", "b"], ["ok", "3"]])
        #expect(errors.count == 1)
        #expect(errors[0].line == 2)
        #expect(errors[0].fieldNumber == 1)
        #expect(errors[0].lineText == "\"x\"y;2")
        #expect(errors[0].message.hasPrefix("unexpected text after a closing quote"))
    }

    @Test func aQuoteLeftOpenForTooManyLinesIsRejectedAndTheLinesAfterItAreRead() throws {
        var text = "h1;h2\n1;\"never closed\n"
        for i in 0..<5 { text += "r\(i);v\(i)\n" }
        let path = TestFiles.write(text)
        let (records, errors) = try Self.readAll(path, CSVDialect(delimiter: UInt8(ascii: ";"), maxLinesPerRecord: 3))
        #expect(errors.map(\.line) == [2])
        #expect(errors[0].message.contains("still open after 3 lines"))
        #expect(records.map(\.0) == [["h1", "h2"]] + (0..<5).map { ["r\($0)", "v\($0)"] })
        #expect(records.map(\.1) == [1, 3, 4, 5, 6, 7])
    }

    @Test func skipLinesDropsTitleLinesButKeepsLineNumbers() throws {
        let path = TestFiles.write("Roosterdetail rapport\nGemaakt op 01-11-2026\nA;B\n1;2\n")
        let (records, _) = try Self.readAll(path, CSVDialect(delimiter: UInt8(ascii: ";"), skipLines: 2))
        #expect(records.map(\.0) == [["A", "B"], ["1", "2"]])
        #expect(records.map(\.1) == [3, 4])
    }

    @Test func recordsAndLinesAcrossChunkAndBatchBoundaries() throws {
        // Enough rows to need several 512 KiB chunks; every 1000th record spans two lines inside quotes.
        var text = "n;text\n"
        var expected: [[String]] = [["n", "text"]]
        for i in 0..<40_000 {
            let value = i % 1000 == 0 ? "multi\nline \(i)" : "row \(i) ëé€"
            text += "\(i);\"\(value)\"\n"
            expected.append(["\(i)", value])
        }
        let path = TestFiles.write(text)
        let (records, errors) = try Self.readAll(path)
        #expect(errors.isEmpty)
        #expect(records.count == expected.count)
        #expect(records.map(\.0) == expected)
        // Line numbers: each multi-line record pushes the later ones down by one.
        let lastLine = 1 + 40_000 + 40 // header + rows + the 40 extra lines
        #expect(records.last?.1 == lastLine)
    }

    @Test func utf8IsDetectedEvenWhenTheFirstChunkEndsInsideACharacter() throws {
        // 'é' is two bytes; place one across the 512 KiB chunk boundary.
        var bytes = Array("a;b\n".utf8)
        while bytes.count < (1 << 19) - 1 - 3 { bytes += Array("x;y\n".utf8) }
        while bytes.count < (1 << 19) - 1 { bytes.append(UInt8(ascii: "z")) }
        bytes += Array("é;1\n".utf8)
        let path = TestFiles.write(bytes)
        let reader = try CSVReader(path: path, dialect: CSVDialect(delimiter: UInt8(ascii: ";")), encoding: nil)
        #expect(reader.encoding == .utf8)
    }

    @Test func anEmptyFileIsAFileLevelError() throws {
        let path = TestFiles.write([UInt8]())
        #expect(throws: FileLevelError.self) {
            _ = try CSVReader(path: path, dialect: CSVDialect(), encoding: nil)
        }
        #expect(throws: FileLevelError.self) {
            _ = try CSVReader(path: path + ".missing", dialect: CSVDialect(), encoding: nil)
        }
    }
}
