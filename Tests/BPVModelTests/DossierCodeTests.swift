import BPVModel
import Testing

@Suite("Kerntaak and werkproces codes")
struct DossierCodeTests {
    @Test("werkproces codes: part B or P with a number, K number, W number; spaces, NBSP and case tolerated",
          arguments: [("B1-K1-W1", KwalificatiedossierPart.basis, 1, 1, 1), ("P3-K1-W2", .profiel, 3, 1, 2),
                      (" p3-k2-w5 ", .profiel, 3, 2, 5), ("B1-K1-\u{00A0}W12", .basis, 1, 1, 12)])
    func good(text: String, part: KwalificatiedossierPart, partNumber: Int, kerntaak: Int, number: Int) throws {
        let code = try #require(WerkprocesCode(text))
        #expect(code.kerntaak.part == part)
        #expect(code.kerntaak.partNumber == partNumber)
        #expect(code.kerntaak.number == kerntaak)
        #expect(code.number == number)
        #expect(WerkprocesCode(code.description) == code)
    }

    @Test("malformed werkproces codes are refused",
          arguments: ["", "B1-K1", "B1K1W1", "X1-K1-W1", "B-K1-W1", "B1-K-W1", "B1-K1-W", "B1-K1-W0", "B1-W1-K1",
                      "B1-K1-W1-X", "B1-K1-W1a", "B1--K1-W1", "Ｂ1-K1-W1"])
    func bad(text: String) {
        #expect(WerkprocesCode(text) == nil)
    }

    @Test("kerntaak codes, and the order: basisdeel before profieldeel, then by number")
    func kerntaken() throws {
        #expect(KerntaakCode("P3-K2")?.description == "P3-K2")
        #expect(KerntaakCode("B1-K1-W1") == nil)
        #expect(KerntaakCode("K2") == nil)
        let codes = try ["P3-K1-W2", "B1-K2-W1", "P3-K1-W10", "B1-K1-W3", "P2-K1-W1"].map { try #require(WerkprocesCode($0)) }
        #expect(codes.sorted().map(\.description) == ["B1-K1-W3", "B1-K2-W1", "P2-K1-W1", "P3-K1-W2", "P3-K1-W10"])
    }
}
