import BPVModel
import Testing

@Suite("Crebo register")
struct CreboRegisterTests {
    @Test("lookups take a reference date: the edition in force, end facts from the newest edition stating them")
    func editions() {
        let register = CreboRegister([
            Crebo(crebo: "25798", name: "Name 2025", niveau: 4, geldigVanaf: d("2025-08-01")),
            Crebo(crebo: "25798", name: "Name 2026", niveau: 4, geldigVanaf: d("2026-08-01")),
            Crebo(crebo: "25798", geldigVanaf: d("2026-08-01"), eindeInstroom: d("2027-07-31"),
                         eindeOpleiding: d("2029-07-31")),
        ])
        #expect(register.lookup("25798", on: d("2025-12-01"))?.name == "Name 2025")
        // The Vervallen row of the 2026 edition merged into its qualification row.
        #expect(register.lookup("25798", on: d("2026-08-01"))?.name == "Name 2026")
        #expect(register.editions(of: "25798").count == 2)
        #expect(register.lookup("25798", on: d("2025-12-01"))?.eindeOpleiding == d("2029-07-31"))
        // Before the oldest edition: the oldest one.
        #expect(register.lookup("25798", on: d("2020-01-01"))?.name == "Name 2025")
        #expect(register.lookup("25799", on: d("2026-01-01")) == nil)   // exact code only
    }

    @Test("an edition stating only dates and a dossier (the dossier XML) takes names from the nearest edition stating them")
    func datesOnlyEdition() {
        let register = CreboRegister([
            Crebo(crebo: "25798", geldigVanaf: d("2021-08-01"), dossier: "23914"),
            Crebo(crebo: "25798", name: "Name 2024", niveau: 4, geldigVanaf: d("2024-08-01")),
            Crebo(crebo: "25798", name: "Name 2026", niveau: 3, geldigVanaf: d("2026-08-01")),
        ])
        let early = register.lookup("25798", on: d("2022-01-01"))
        #expect(early?.geldigVanaf == d("2021-08-01"))
        #expect(early?.name == "Name 2024")       // no earlier edition: the next one
        #expect(early?.niveau == 4)
        #expect(early?.dossier == "23914")
        let late = register.lookup("25798", on: d("2026-09-01"))
        #expect(late?.name == "Name 2026")         // its own name wins
        #expect(late?.niveau == 3)
        #expect(late?.dossier == "23914")          // stated by an earlier edition only
    }

    @Test("successor chains are followed level by level")
    func chain() {
        let register = CreboRegister([
            Crebo(crebo: "25001", vervangenDoor: ["25002"]),
            Crebo(crebo: "25002", vervangenDoor: ["25003", "25004"]),
            Crebo(crebo: "25003"),
        ])
        let chain = register.successors(of: "25001", on: d("2026-01-01"))
        #expect(chain.levels == [["25002"], ["25003", "25004"]])
        #expect(chain.final == ["25003", "25004"])
        #expect(chain.cycleAt == nil)
        #expect(chain.description == "25001 → 25002 → 25003, 25004")
        #expect(!register.successors(of: "25003", on: d("2026-01-01")).isReplaced)
    }

    @Test("a cycle in the successors ends the walk and is reported")
    func cycle() {
        let register = CreboRegister([
            Crebo(crebo: "25001", vervangenDoor: ["25002"]),
            Crebo(crebo: "25002", vervangenDoor: ["25003"]),
            Crebo(crebo: "25003", vervangenDoor: ["25001"]),
        ])
        let chain = register.successors(of: "25001", on: d("2026-01-01"))
        #expect(chain.all == ["25002", "25003"])
        #expect(chain.cycleAt == "25001")
        #expect(chain.description.hasSuffix("(cycle: 25001)"))
    }
}
