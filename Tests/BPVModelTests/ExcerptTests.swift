import BPVModel
import Testing

/// What a message may quote of a file: short, and unable to write into a terminal or a log.
@Suite struct ExcerptTests {
    @Test func controlCharactersAreShownAsEscapes() {
        #expect(Excerpt.of("a\tb\nc\r\u{1B}[31mred\u{7}") == "a\\tb\\nc\\r\\u{1B}[31mred\\u{7}")
        #expect(Excerpt.of("left\u{202E}right") == "left\\u{202E}right", "a bidirectional override")
        #expect(Excerpt.of("Ideeën – €5") == "Ideeën – €5")
    }

    @Test func textOfExactlyTheLimitIsWholeAndOneCharacterMoreIsCut() {
        let at = String(repeating: "x", count: Excerpt.defaultLimit)
        #expect(Excerpt.of(at) == at)
        #expect(Excerpt.of(at + "y") == at + "… (\(Excerpt.defaultLimit + 1) characters)")
    }

    @Test func bytesAreRepairedAndTheWholeLengthIsNamed() {
        #expect(Excerpt.of(bytes: Array("abc".utf8) + [0xFF], limit: 10) == "abc\u{FFFD}")
        #expect(Excerpt.of(bytes: Array("abcdef".utf8), total: 1000, limit: 3) == "abc… (1000 bytes)")
    }

    @Test func aListIsCutAfterItsCountAndEachNameAtItsLimit() {
        let names = (1...14).map { "column \($0)" }
        #expect(Excerpt.list(names, count: 12, limit: 40).hasSuffix("\"column 12\", and 2 more"))
        #expect(Excerpt.list([String(repeating: "n", count: 50)], limit: 40)
                == "\"" + String(repeating: "n", count: 40) + "… (50 characters)\"")
    }
}
