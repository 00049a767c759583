@testable import BPVKit
import Foundation
import Testing

@Suite struct RunJSONTests {
    @Test func theLayoutIsTheGoldenFile() throws {
        try GoldenRunRecord.expectGolden(GoldenRunRecord.artifact(RunJSON.self))
    }
}
