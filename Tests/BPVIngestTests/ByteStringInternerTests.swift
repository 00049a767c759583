@testable import BPVIngest
import Testing

/// The interner behind employee ids and hour types: one string and one id per distinct byte value.
@Suite struct ByteStringInternerTests {
    private func intern(_ interner: inout ByteStringInterner, _ text: String) -> (String, Int) {
        var copy = text
        return copy.withUTF8 { interner.intern(UnsafeRawBufferPointer($0)) }
    }

    @Test func equalBytesGetTheSameIdAndStringAcrossGrowth() {
        var interner = ByteStringInterner()
        // Enough values to grow the table several times; every value seen twice, the second time after growth.
        let values = (0..<5000).map { "P\($0)-é" } + ["", "Sick time", "Sick tim", "Sick timeX"]
        var ids: [String: Int] = [:]
        for value in values {
            let (string, id) = intern(&interner, value)
            #expect(string == value)
            ids[value] = id
        }
        #expect(Set(ids.values).count == values.count)           // distinct values, distinct ids
        #expect(ids["P0-é"] == 0 && ids["P1-é"] == 1)             // ids in order of first appearance
        for value in values.reversed() {
            let (string, id) = intern(&interner, value)
            #expect(string == value && id == ids[value])
        }
    }

    @Test func pastItsLimitItStillAnswersButGivesNoId() {
        var interner = ByteStringInterner(limit: 3)
        for value in ["a", "b", "c"] { #expect(intern(&interner, value).1 >= 0) }
        let (string, id) = intern(&interner, "d")
        #expect(string == "d" && id == -1)
        #expect(intern(&interner, "b").1 == 1)
    }

    @Test func invalidUTF8IsRepairedNotDropped() {
        var interner = ByteStringInterner()
        let bytes: [UInt8] = [0x41, 0xFF, 0x42]
        let (string, id) = bytes.withUnsafeBytes { interner.intern($0) }
        #expect(string == "A\u{FFFD}B" && id == 0)
    }

    @Test("holds: a value's id matches its own bytes only, not another value of the same length")
    func holdsComparesTheBytes() {
        var interner = ByteStringInterner()
        let first = intern(&interner, "TW-40001").1
        let second = intern(&interner, "TW-40002").1
        func holds(_ id: Int, _ value: String) -> Bool { Array(value.utf8).withUnsafeBytes { interner.holds(id, $0) } }
        #expect(holds(first, "TW-40001") && holds(second, "TW-40002"))
        #expect(!holds(first, "TW-40002") && !holds(second, "TW-40001"))
        #expect(!holds(first, "TW-4000") && !holds(-1, "TW-40001") && !holds(7, "TW-40001"))
        #expect(interner.value(second) == "TW-40002")
    }
}
