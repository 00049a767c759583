import BPVModel
import Testing

@Suite("Snapshot diff")
struct ErkenningDiffTests {
    @Test("added, ended, withdrawn and changed erkenningen; unchanged ones are not reported")
    func kinds() {
        let old = [erkenning("101145779", "25604", "2021-02-01", "2027-01-31"),   // extended → changed
                   erkenning("100966213", "25606", "2020-03-01", nil),            // end set → ended
                   erkenning("100966213", "25605", "2020-03-01", nil),            // unchanged
                   erkenning("100234567", "25798", "2022-03-01", nil),            // gone → withdrawn
                   erkenning("100581320", "25798", "2021-06-01", "2027-12-31")]   // end earlier → ended
        let new = [erkenning("101145779", "25604", "2021-02-01", "2031-01-31"),
                   erkenning("100966213", "25606", "2020-03-01", "2027-03-31"),
                   erkenning("100966213", "25605", "2020-03-01", nil),
                   erkenning("100966213", "25952", "2026-10-01", nil),            // new → added
                   erkenning("100581320", "25798", "2021-06-01", "2026-12-31")]
        let changes = ErkenningDiff.changes(from: old, to: new)
        let byPair = Dictionary(uniqueKeysWithValues: changes.map { ("\($0.pair.leerbedrijfID)/\($0.pair.crebo)", $0) })
        #expect(changes.count == 5)
        #expect(byPair["101145779/25604"]?.kind == .changed)
        #expect(byPair["100966213/25606"]?.kind == .ended)
        #expect(byPair["100234567/25798"]?.kind == .withdrawn)
        #expect(byPair["100966213/25952"]?.kind == .added)
        #expect(byPair["100581320/25798"]?.kind == .ended)
        #expect(byPair["100966213/25605"] == nil)
        #expect(byPair["100966213/25606"]?.detail == "end open → 2027-03-31")
    }

    @Test("a moved start is a change, not a withdrawal and an addition; a leerweg change is a change")
    func movedStart() {
        let moved = ErkenningDiff.changes(from: [erkenning("2021-06-01", nil)], to: [erkenning("2021-07-01", nil)])
        #expect(moved.map(\.kind) == [.changed])
        #expect(moved.first?.detail == "start 2021-06-01 → 2021-07-01")
        let leerweg = ErkenningDiff.changes(from: [erkenning("2021-06-01", nil, leerweg: .both)],
                                            to: [erkenning("2021-06-01", nil, leerweg: .bol)])
        #expect(leerweg.map(\.kind) == [.changed])
    }

    @Test("an erkenning whose row in the new list was rejected is unconfirmed, not withdrawn")
    func unreadable() {
        let pair = LeerbedrijfCrebo(leerbedrijfID: "100581320", crebo: "25798")
        let changes = ErkenningDiff.changes(from: [erkenning("2021-06-01", nil)], to: [], unreadable: [pair])
        #expect(changes.map(\.kind) == [.unconfirmed])
    }

    @Test("identical snapshots have no changes")
    func identical() {
        let list = [erkenning("2021-06-01", "2026-12-31"), erkenning("100966213", "25605", "2020-03-01", nil)]
        #expect(ErkenningDiff.changes(from: list, to: list.reversed()).isEmpty)
    }
}
