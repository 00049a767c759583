@testable import BPVKit
import Foundation
import Testing

@Suite struct ErkenningCSVTests {
    @Test func theLayoutIsTheGoldenFile() throws {
        try GoldenRunRecord.expectGolden(GoldenRunRecord.artifact(ErkenningCSV.self))
    }
}
