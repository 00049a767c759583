@testable import BPVKit
import Foundation
import Testing

@Suite struct FindingsCSVTests {
    @Test func theLayoutIsTheGoldenFile() throws {
        try GoldenRunRecord.expectGolden(GoldenRunRecord.artifact(FindingsCSV.self))
    }

    @Test func withNothingToListItIsItsHeader() throws {
        #expect(try FindingsCSV(findings: []).render() == CSVTable(header: FindingsCSV.header).data())
        #expect(CSVTable(header: FindingsCSV.header).text
                == "rule;severity;date;student;leerbedrijf;crebo;subject;evidence;explanation\n")
    }
}
