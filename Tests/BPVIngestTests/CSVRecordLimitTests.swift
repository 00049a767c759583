@testable import BPVIngest
import Testing

/// The size limits: a record over ``CSVDialect/maxRecordBytes`` or with a field over ``CSVDialect/maxFieldBytes``
/// is one syntax error naming its line and field, passed over without being kept, and the records after it are
/// read. Small limits here pin the boundaries exactly; `RecordLimitImportTests` runs the default limits.
@Suite struct CSVRecordLimitTests {
    static func dialect(record: Int, field: Int, lines: Int = 100) -> CSVDialect {
        CSVDialect(delimiter: UInt8(ascii: ";"), maxLinesPerRecord: lines, maxRecordBytes: record, maxFieldBytes: field)
    }

    @Test func aFieldOfExactlyTheLimitIsReadAndOneByteMoreRejectsItsRecord() throws {
        let at = String(repeating: "a", count: 10), over = String(repeating: "b", count: 11)
        let path = TestFiles.write("h1;h2\n1;\(at)\n2;\(over)\n3;ok\n")
        let (records, errors) = try CSVReaderTests.readAll(path, Self.dialect(record: 100, field: 10))
        #expect(records.map(\.0) == [["h1", "h2"], ["1", at], ["3", "ok"]])
        #expect(errors.count == 1)
        #expect(errors[0].kind == .tooLong)
        #expect(errors[0].line == 3)
        #expect(errors[0].fieldNumber == 2)
        #expect(errors[0].message == "field 2 is 11 bytes long, more than the limit of 10 bytes a field: the record is left out")
        #expect(errors[0].value == over)
    }

    @Test func aRecordOfExactlyTheLimitIsReadAndOneByteMoreIsPassedOver() throws {
        // "1;aaaaaaa\n" is 10 bytes with its line break.
        let path = TestFiles.write("h;v\n1;aaaaaaa\n2;bbbbbbbb\n3;ok\n")
        let (records, errors) = try CSVReaderTests.readAll(path, Self.dialect(record: 10, field: 10))
        #expect(records.map(\.0) == [["h", "v"], ["1", "aaaaaaa"], ["3", "ok"]])
        #expect(records.map(\.1) == [1, 2, 4])
        #expect(records.map(\.2) == [0, 4, 25], "offsets go on after the record passed over")
        #expect(errors.map(\.line) == [3])
        #expect(errors[0].message.hasPrefix("the record is 11 bytes long (line 3), more than the limit of 10 bytes"))
        #expect(errors[0].lineText == "2;bbbbbbbb")
    }

    @Test func aQuotedFieldOverSeveralLinesThatPassesTheLimitIsPassedOverToItsClosingQuote() throws {
        // The record opens a quoted field holding line breaks and a delimiter, and ends three lines later.
        let path = TestFiles.write("h;v\n1;\"first line\nsecond; line with a \"\"quote\"\"\nthird\";x\n2;after\n")
        let (records, errors) = try CSVReaderTests.readAll(path, Self.dialect(record: 24, field: 24))
        #expect(records.map(\.0) == [["h", "v"], ["2", "after"]])
        #expect(records.map(\.1) == [1, 5])
        #expect(errors.count == 1)
        #expect(errors[0].line == 2)
        #expect(errors[0].fieldNumber == 2)
        #expect(errors[0].message.contains("(lines 2–4)"))
    }

    @Test func aLongLineWithoutLineBreakAcrossChunksIsPassedOverInBoundedMemory() throws {
        // 3 MiB in one unquoted field: longer than a read chunk, never held.
        let long = String(repeating: "x", count: 3 << 20)
        let path = TestFiles.write("h;v\n1;\(long)\n2;after\n")
        let (records, errors) = try CSVReaderTests.readAll(path, Self.dialect(record: 1 << 20, field: 1 << 19))
        #expect(records.map(\.0) == [["h", "v"], ["2", "after"]])
        #expect(errors.map(\.line) == [2])
        #expect(errors[0].fieldNumber == 2)
        #expect(errors[0].lineText.hasSuffix("… (\((3 << 20) + 3) bytes)"))
        #expect(errors[0].lineText.count < 200)
    }

    @Test func anUnbalancedQuoteInARecordOverTheLimitEndsAfterTheLineLimit() throws {
        var text = "h;v\n1;\"never closed " + String(repeating: "z", count: 40) + "\n"
        for i in 0..<6 { text += "r\(i);v\(i)\n" }
        let path = TestFiles.write(text)
        let (records, errors) = try CSVReaderTests.readAll(path, Self.dialect(record: 30, field: 30, lines: 3))
        #expect(errors.map(\.line) == [2])
        #expect(errors[0].message.contains("still open after 3 lines"))
        #expect(errors[0].message.contains("lines 2–4 are left out"))
        #expect(records.map(\.0) == [["h", "v"], ["r2", "v2"], ["r3", "v3"], ["r4", "v4"], ["r5", "v5"]])
        #expect(records.map(\.1) == [1, 5, 6, 7, 8])
    }

    @Test func aLongLineAboveTheHeaderThatTheMappingSkipsIsNoReject() throws {
        let path = TestFiles.write(String(repeating: "t", count: 50) + "\nh;v\n1;2\n")
        var dialect = Self.dialect(record: 20, field: 20)
        dialect.skipLines = 1
        let (records, errors) = try CSVReaderTests.readAll(path, dialect)
        #expect(errors.isEmpty)
        #expect(records.map(\.0) == [["h", "v"], ["1", "2"]])
        #expect(records.map(\.1) == [2, 3])
    }
}
