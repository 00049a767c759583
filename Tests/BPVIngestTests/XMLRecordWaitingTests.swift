@testable import BPVIngest
import Foundation
import Testing

/// Records that wait for a value of their enclosing element that comes after them (Fixtures/xml/card-values-late.xml:
/// the card's employee after its first row, its approval after its last): how long they wait, and what the file's
/// failure says when too many do.
@Suite struct XMLRecordWaitingTests {
    static let file = XMLFixture.path("card-values-late.xml")

    private func layout(_ fields: [String]) throws -> XMLRecordLayout {
        let record = try XMLPathParser.recordPath("/Export/Card/Row", XMLNamespaces()).get()
        return XMLRecordLayout(record: record, fields: try fields.map {
            [try XMLPathParser.fieldPath($0, record: record, XMLNamespaces()).get()]
        })
    }

    /// Every record's values, in file order.
    private func read(_ layout: XMLRecordLayout, maxWaiting: Int,
                      maxWaitingBytes: Int = XMLRecordCollector.defaultMaxWaitingBytes) throws(FileLevelError) -> [[String]] {
        let reader = try XMLRecordReader(path: Self.file, layout: layout, encoding: nil, maxWaitingRecords: maxWaiting,
                                         maxWaitingBytes: maxWaitingBytes)
        var records: [[String]] = []
        while let block = try reader.nextBatch() {
            for record in block { records.append((0..<layout.fieldNames.count).map { record.string($0) }) }
        }
        return records
    }

    @Test func theFailureNamesOnlyTheValuesThatHaveNotAppeared() throws {
        // The first row waits for both; when the third row ends the employee has appeared, the approval has not.
        let layout = try layout(["Hours", "../Employee", "../Approved"])
        let caught = fileLevelError { () throws(FileLevelError) in _ = try read(layout, maxWaiting: 2) }
        let e = try #require(caught)
        #expect(e.message == "more than 2 records inside one <Card> wait for ../Approved, which has not appeared yet: "
                + "BPVKit holds such records until the element ends. Split the file, or map that value from the "
                + "records themselves")
        #expect(e.line == 5)
    }

    @Test func allTheValuesStillToComeAreNamed() throws {
        let layout = try layout(["Hours", "../Approved", "../Missing"])
        let caught = fileLevelError { () throws(FileLevelError) in _ = try read(layout, maxWaiting: 2) }
        #expect(try #require(caught).message.hasPrefix(
            "more than 2 records inside one <Card> wait for ../Approved, ../Missing, which have not appeared yet: "))
    }

    @Test func recordsStopWaitingWhenTheLastValueTheyLackAppears() throws {
        // Only the employee: once it appears after the first row, no row waits, however small the limit.
        let records = try read(try layout(["Hours", "../Employee"]), maxWaiting: 1)
        #expect(records == [["1", "P100"], ["2", "P100"], ["3", "P100"], ["4", "P100"], ["5", "P100"]])
    }

    @Test func withEnoughRoomEveryRecordGetsBothValues() throws {
        let records = try read(try layout(["Hours", "../Employee", "../Approved"]), maxWaiting: 5)
        #expect(records == (1...5).map { ["\($0)", "P100", "2026-12-07"] })
    }

    @Test func waitingRecordsHoldingExactlyTheByteLimitAreKeptAndOneByteMoreFailsTheFile() throws {
        // Five rows of one byte each wait for the approval: 5 bytes held at the end.
        let layout = try layout(["Hours", "../Approved"])
        #expect(try read(layout, maxWaiting: 100, maxWaitingBytes: 5).count == 5)
        let caught = fileLevelError { () throws(FileLevelError) in _ = try read(layout, maxWaiting: 100, maxWaitingBytes: 4) }
        #expect(try #require(caught).message.hasPrefix(
            "records holding more than 4 bytes of values inside one <Card> wait for ../Approved, which has not appeared yet"))
    }
}
