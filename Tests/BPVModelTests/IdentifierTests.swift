import BPVModel
import Testing

@Suite("Identifier normalisation")
struct IdentifierTests {
    @Test("leerbedrijf-IDs of 7, 8, 9 and 10 digits become 9 digits")
    func leerbedrijfDigits() {
        #expect(Identifier.leerbedrijf("8034121") == .id("008034121"))      // 7 digits: zero-padded
        #expect(Identifier.leerbedrijf("10023456") == .id("010023456"))     // 8 digits
        #expect(Identifier.leerbedrijf("100234567") == .id("100234567"))    // 9 digits: as is
        #expect(Identifier.leerbedrijf("0100234567") == .id("100234567"))   // 10 digits with a leading zero
        #expect(Identifier.leerbedrijf(" 100234567\u{00A0}") == .id("100234567"))
        #expect(Identifier.leerbedrijfID("0100234567") == "100234567")
    }

    @Test("malformed leerbedrijf-IDs are refused",
          arguments: ["", "   ", "12345", "123456", "1100234567", "00100234567", "10023456X", "100-234-567", "1.00234567"])
    func leerbedrijfMalformed(_ text: String) {
        #expect(Identifier.leerbedrijf(text) == nil)
    }

    @Test("a 17-character legacy code is kept, upper-cased, spaces inside dropped")
    func legacyCode() {
        #expect(Identifier.leerbedrijf("31KC7731HG0000003") == .legacy("31KC7731HG0000003"))
        #expect(Identifier.leerbedrijf("31kc 7731 hg 0000003") == .legacy("31KC7731HG0000003"))
        #expect(Identifier.leerbedrijf("31KC7731HG000003") == nil)          // 16 characters
        #expect(Identifier.leerbedrijf("31KC7731HG00000-3") == nil)         // not letters and digits
        #expect(Identifier.leerbedrijf("31KC7731HG0000003")?.isLegacy == true)
    }

    @Test("crebos lose stray spaces and non-breaking spaces")
    func creboSpaces() {
        #expect(Identifier.crebo("25798") == "25798")
        #expect(Identifier.crebo(" 25798 ") == "25798")
        #expect(Identifier.crebo("25798\u{00A0}") == "25798")
        #expect(Identifier.crebo("\u{00A0}25798") == "25798")
        #expect(Identifier.crebo("25\u{00A0}798") == "25798")
        #expect(Identifier.crebo("25\u{202F}798") == "25798")
        #expect(Identifier.crebo("25 798") == "25798")
    }

    @Test("malformed crebos are refused", arguments: ["", "2579", "257988", "25A98", "25798.0", "-25798", "\u{00A0}"])
    func creboMalformed(_ text: String) {
        #expect(Identifier.crebo(text) == nil)
    }

    @Test("several successor crebos in one value")
    func creboLists() {
        #expect(Identifier.crebos("25952") == ["25952"])
        #expect(Identifier.crebos("25604, 25605") == ["25604", "25605"])
        #expect(Identifier.crebos("25604/25605\u{00A0}") == ["25604", "25605"])
        #expect(Identifier.crebos("25604, 2560") == nil)
        #expect(Identifier.crebos("") == nil)
    }
}
