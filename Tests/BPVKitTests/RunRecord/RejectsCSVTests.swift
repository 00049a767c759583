@testable import BPVKit
import Foundation
import Testing

@Suite struct RejectsCSVTests {
    @Test func theLayoutIsTheGoldenFile() throws {
        try GoldenRunRecord.expectGolden(GoldenRunRecord.artifact(RejectsCSV.self))
    }

    @Test func withNothingToListItIsItsHeader() throws {
        #expect(try RejectsCSV(rejects: []).render() == CSVTable(header: RejectsCSV.header).data())
        #expect(CSVTable(header: RejectsCSV.header).text
                == "file;line;column;column_number;value;reason;expected;record\n")
    }
}
