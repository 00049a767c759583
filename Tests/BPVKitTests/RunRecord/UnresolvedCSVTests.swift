@testable import BPVKit
import Foundation
import Testing

@Suite struct UnresolvedCSVTests {
    @Test func theLayoutIsTheGoldenFile() throws {
        try GoldenRunRecord.expectGolden(GoldenRunRecord.artifact(UnresolvedCSV.self))
    }

    @Test func withNothingToListItIsItsHeader() throws {
        #expect(try UnresolvedCSV(unresolved: []).render() == CSVTable(header: UnresolvedCSV.header).data())
        #expect(CSVTable(header: UnresolvedCSV.header).text == "employer;identity;entries\n")
    }
}
