@testable import BPVKit
import BPVIngest
import BPVModel
import BPVStore
import Foundation
import Testing

/// The kwalificatiedossier XML end to end: three mappings over one file into the dossier store, and the lookup.
@Suite("Kwalificatiedossier import")
struct KwalificatiedossierImportTests {
    static let sample = Paths.repo("samples/inbox/reference/dossier/kwalificatiedossiers-2026.xml")

    static func mappings() throws -> [RecordMapping] {
        let loader = MappingLoader()
        return [
            try loader.loadRecordMapping(path: Paths.repo("mappings/reference/sbb-kwalificatiedossier-basis.yaml"), kind: .werkprocessen),
            try loader.loadRecordMapping(path: Paths.repo("mappings/reference/sbb-kwalificatiedossier-profielen.yaml"), kind: .werkprocessen),
            try loader.loadRecordMapping(path: Paths.repo("mappings/reference/sbb-kwalificatiedossier-crebos.yaml"), kind: .crebos),
        ]
    }

    @Test("bpv dossier --format csv and json carry every werkproces of the table, with names and profile crebos")
    func csvAndJSON() throws {
        let fixture = try ReferenceFixture()
        try fixture.importCrebos()
        _ = try KwalificatiedossierImporter(store: fixture.store).importFile(path: Self.sample, mappings: try Self.mappings())
        let podium = try KwalificatiedossierLookup(store: fixture.store).lookup(crebo: "25798", on: d("2026-11-02"))
        let werkprocessen = podium.kerntaken.flatMap(\.werkprocessen)
        let lines = podium.csv().text.split(separator: "\n").map(String.init)
        #expect(lines.first == "crebo;crebo_name;dossier;dossier_title;kerntaak;kerntaak_title;werkproces;werkproces_title;profile_crebo")
        #expect(lines.count == werkprocessen.count + 1)
        #expect(lines.contains("25798;Allround podium- en evenemententechnicus;23914;Podium- en evenemententechniek;"
                               + "P3-K2;\(podium.kerntaken[3].titel ?? "");P3-K2-W5;Lost storingen op;25798"))
        let json = try JSONSerialization.jsonObject(with: try podium.json()) as? [String: Any]
        #expect(json?["crebo_name"] as? String == "Allround podium- en evenemententechnicus")
        let kerntaken = json?["kerntaken"] as? [[String: Any]] ?? []
        #expect(kerntaken.map { $0["code"] as? String } == ["B1-K1", "B1-K2", "P3-K1", "P3-K2"])
        let count = kerntaken.reduce(0) { $0 + (($1["werkprocessen"] as? [Any])?.count ?? 0) }
        #expect(count == werkprocessen.count)
    }

    @Test("the sample dossier with the crebo list: lookups by crebo and date give the dossier's kerntaken and werkprocessen")
    func sample() throws {
        let fixture = try ReferenceFixture()
        try fixture.importCrebos()
        let importer = KwalificatiedossierImporter(store: fixture.store)
        let results = try importer.importFile(path: Self.sample, mappings: try Self.mappings())
        // Crebos first, whatever the order given.
        #expect(results.map(\.mappingName) == ["sbb-kwalificatiedossier-crebos", "sbb-kwalificatiedossier-basis",
                                               "sbb-kwalificatiedossier-profielen"])
        #expect(results.map(\.outcome) == [.imported, .imported, .imported])
        #expect(results.map(\.counts.entriesStored) == [6, 23, 12])

        let lookup = KwalificatiedossierLookup(store: fixture.store)
        let podium = try lookup.lookup(crebo: "25798", on: d("2026-11-02"))
        #expect(podium.dossiers == ["23914"])
        #expect(podium.kwalificatie?.name == "Allround podium- en evenemententechnicus")
        #expect(podium.kerntaken.map(\.code.description) == ["B1-K1", "B1-K2", "P3-K1", "P3-K2"])
        #expect(podium.kerntaken[2].titel == "Voert de preproductie uit")
        #expect(podium.kerntaken[2].werkprocessen.map(\.code.description) == ["P3-K1-W1", "P3-K1-W2"])
        #expect(podium.table().contains("  P3-K2-W5  Lost storingen op\n"))
        #expect(podium.dossierTitels == ["23914": "Podium- en evenemententechniek"])
        #expect(podium.table().contains("kwalificatiedossier 23914 Podium- en evenemententechniek\n"))
        // A crebo of a dossier with two profiles sees the basisdeel and its own profile only.
        let allround = try lookup.lookup(crebo: "25606", on: d("2026-11-02"))
        #expect(allround.kerntaken.map(\.code.description) == ["B1-K1", "P1-K1"])
        // 25604 has no profieldeel: the dossier comes from its dossiercrebo.
        let software = try lookup.lookup(crebo: "25604", on: d("2026-11-02"))
        #expect(software.dossiers == ["23911"])
        #expect(software.kerntaken.flatMap(\.werkprocessen).count == 8)
        // The dossier's dates reached the crebo store: 25951's edition of 2018 with its end dates.
        let register = CreboRegister(try fixture.store.kwalificaties(crebos: ["25951"]))
        #expect(register.editions(of: "25951").map(\.geldigVanaf) == [d("2018-08-01"), d("2026-08-01")])
        #expect(register.lookup("25951", on: d("2020-01-01"))?.name == "Medewerker ICT-werkplekondersteuning")
        #expect(register.lookup("25951", on: d("2020-01-01"))?.eindeOpleiding == d("2027-07-31"))

        // The same file again: nothing changes.
        let again = try importer.importFile(path: Self.sample, mappings: try Self.mappings())
        #expect(again.allSatisfy { if case .alreadyImported = $0.outcome { return true }; return false })
    }

    @Test("a later version replaces the parts it gives; a werkproces twice with another title is a reject naming the first")
    func laterVersion() throws {
        let fixture = try ReferenceFixture()
        let importer = KwalificatiedossierImporter(store: fixture.store)
        _ = try importer.importFile(path: Self.sample, mappings: try Self.mappings())
        let later = Paths.fixture("dossier-2027.xml")
        let results = try importer.importFile(path: later, mappings: try Self.mappings(), allowEmpty: true)
        #expect(results.map(\.outcome) == [.imported, .importedWithRejects, .imported])
        let basis = results[1]
        #expect(basis.counts.entriesStored == 2)
        #expect(basis.counts.rejects == 1)
        let reject = try #require(basis.firstRejects.first)
        #expect(reject.location.line == 16)
        #expect(reject.value == "Laadt, lost en zekert apparatuur en materialen")
        #expect(reject.reason.contains("first at line 15"))
        // The basisdeel of 23914 is the later one; its profile (not in the later file) stays.
        let podium = try KwalificatiedossierLookup(store: fixture.store).lookup(crebo: "25798", on: d("2027-09-01"))
        #expect(podium.kerntaken.map(\.code.description) == ["B1-K1", "P3-K1", "P3-K2"])
        #expect(podium.kerntaken[0].werkprocessen.map(\.titel) == ["Verzamelt en controleert apparatuur en materialen",
                                                                   "Laadt en lost apparatuur en materialen"])
        // Other dossiers are untouched.
        #expect(try KwalificatiedossierLookup(store: fixture.store).lookup(crebo: "25604", on: d("2027-09-01")).kerntaken.count == 2)
        // The reject is stored with its element path.
        let stored = try fixture.store.rejects(batchID: try #require(basis.batchID))
        #expect(stored.count == 1)
        #expect(stored.first?.location.elementPath?.hasSuffix("werkprocessen[1]/werkproces[3]") == true)
        #expect(stored.first?.value == "Laadt, lost en zekert apparatuur en materialen")
    }

    @Test("a truncated or 0-byte dossier file fails as a whole: failed batches recorded, nothing stored")
    func truncatedAndEmpty() throws {
        let fixture = try ReferenceFixture()
        let importer = KwalificatiedossierImporter(store: fixture.store)
        for (name, words) in [("dossier-truncated.xml", "truncated"), ("dossier-empty.xml", "0 bytes")] {
            let results = try importer.importFile(path: Paths.fixture(name), mappings: try Self.mappings())
            #expect(results.count == 3)
            for result in results {
                guard case .failed(let message) = result.outcome else {
                    Issue.record("\(name): \(result.outcome)"); continue
                }
                #expect(message.contains(words), "\(message)")
                #expect(result.batchID != nil)
            }
        }
        // The truncated file's message names the line and column where it stops: its last line.
        let truncated = Paths.fixture("dossier-truncated.xml")
        let text = try String(contentsOfFile: truncated, encoding: .utf8)
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = try importer.importFile(path: truncated, mappings: try Self.mappings())
        guard case .failed(let message) = first[0].outcome else { Issue.record("\(first[0].outcome)"); return }
        #expect(message.hasPrefix("\(truncated):\(lastLine.count):\(lastLine.last!.utf8.count + 1):"), "\(message)")
        #expect(try fixture.store.werkprocessen(dossiers: nil).isEmpty)
        #expect(try fixture.store.kwalificaties(crebos: nil).isEmpty)
    }

    @Test("a mapping of another kind is refused before anything is read")
    func wrongKind() throws {
        let fixture = try ReferenceFixture()
        #expect(throws: KwalificatiedossierImporter.WrongKind.self) {
            _ = try KwalificatiedossierImporter(store: fixture.store).importFile(path: Self.sample,
                                                                                mappings: try Self.mappings() + [fixture.sbb])
        }
        #expect(try fixture.store.werkprocessen(dossiers: nil).isEmpty)
    }

    @Test("the SBB list as XML imports as a snapshot like the CSV list; a following CSV list of the same date changes nothing")
    func erkenningListAsXML() throws {
        let fixture = try ReferenceFixture()
        let mapping = try MappingLoader().loadRecordMapping(
            path: Paths.repo("mappings/reference/sbb-erkenningen-xml.yaml"), kind: .erkenningen)
        let xml = try fixture.importer.importFile(path: Paths.repo("samples/reference-xml/sbb-erkenningen-2026-11-02.xml"),
                                                  mapping: mapping, source: "sbb")
        #expect(xml.file.outcome == .imported)
        #expect(xml.snapshot?.retrievedOn == d("2026-11-02"))
        #expect(xml.snapshot?.erkenningCount == 8)
        let csv = try fixture.importer.importFile(path: Paths.snapshot2, mapping: fixture.sbb, source: "sbb")
        #expect(csv.file.outcome == .imported)
        #expect(csv.previous?.id == xml.snapshot?.id)
        #expect(csv.changes.isEmpty, "\(csv.changes)")
    }

    @Test("an XML list without erkenning elements is refused as empty unless --allow-empty")
    func emptyXMLList() throws {
        let fixture = try ReferenceFixture()
        let mapping = try MappingLoader().loadRecordMapping(
            path: Paths.repo("mappings/reference/sbb-erkenningen-xml.yaml"), kind: .erkenningen)
        let path = Paths.repo("Tests/BPVIngestTests/Fixtures/reference/erkenningen-no-records.xml")
        let refused = try fixture.importer.importFile(path: path, mapping: mapping, retrieved: d("2026-11-02"))
        guard case .failed(let message) = refused.file.outcome else { Issue.record("\(refused.file.outcome)"); return }
        #expect(message.contains("holds no erkenningen"))
        #expect(refused.file.notes.contains { $0.contains("no record elements") })
        let accepted = try fixture.importer.importFile(path: path, mapping: mapping, retrieved: d("2026-11-02"),
                                                       allowEmpty: true)
        #expect(accepted.file.outcome == .imported)
        #expect(accepted.snapshot?.erkenningCount == 0)
    }
}
