import BPVIngest
import BPVModel
import Testing

@Suite("Reference lists as XML")
struct ReferenceXMLReaderTests {
    static let csvMapping = "mappings/reference/sbb-erkenningen.yaml"
    static let xmlMapping = "mappings/reference/sbb-erkenningen-xml.yaml"

    @Test("the SBB list as XML gives the same erkenningen, names, aliases and retrieval date as the CSV list")
    func xmlListEqualsCSVList() throws {
        let (csv, _) = try readAll(Paths.repo("samples/inbox/reference/sbb/erkenningen-2026-11-02.csv"),
                                   Self.csvMapping, .erkenningen, ErkenningRecordMapper())
        let (xml, reader) = try readAll(Paths.repo("samples/reference-xml/sbb-erkenningen-2026-11-02.xml"),
                                        Self.xmlMapping, .erkenningen, ErkenningRecordMapper())
        #expect(xml.rejects.isEmpty, "\(xml.rejects)")
        #expect(reader.recordsRead == 8)
        #expect(reader.encodingName == "utf-8")
        struct Fact: Hashable { var id, crebo: String; var start, end: CalendarDate?; var leerweg: Leerweg?
                                var name: String?; var alias: LeerbedrijfAlias?; var retrieved: CalendarDate? }
        func facts(_ rows: [ErkenningRow]) -> [Fact] {
            rows.map { Fact(id: $0.erkenning.leerbedrijfID, crebo: $0.erkenning.crebo, start: $0.erkenning.start,
                            end: $0.erkenning.end, leerweg: $0.erkenning.leerweg, name: $0.name, alias: $0.alias,
                            retrieved: $0.retrieved) }
        }
        #expect(facts(xml.values) == facts(csv.values))
        // The NBSP before a crebo (a character reference) and the trailing space are cleaned as in the CSV.
        #expect(xml.values.filter { $0.erkenning.crebo == "25798" }.count == 3)
        // XML values keep their element path for people.
        #expect(xml.values[0].erkenning.location?.elementPath == "/leerbedrijven/leerbedrijf[1]/erkenning[1]")
    }

    @Test("bad records of an XML erkenning list: rejects name the file, the record's line and element path, the field's path, the value and the reason")
    func xmlListRejects() throws {
        let path = Paths.fixture("reference/erkenningen-bad.xml")
        let (batch, reader) = try readAll(path, Self.xmlMapping, .erkenningen, ErkenningRecordMapper())
        #expect(reader.recordsRead == 6)
        #expect(batch.values.map(\.erkenning.location!.line) == [6])
        struct Expected { var line: Int; var element: String; var column: String; var value: String?; var reason: String }
        let expected = [
            Expected(line: 7, element: "/leerbedrijven/leerbedrijf[1]/erkenning[2]", column: "@crebo", value: "2560",
                     reason: "not a crebo"),
            Expected(line: 11, element: "/leerbedrijven/leerbedrijf[2]/erkenning[1]", column: "../@id", value: "12345",
                     reason: "not a leerbedrijf-ID"),
            Expected(line: 15, element: "/leerbedrijven/leerbedrijf[3]/erkenning[1]", column: "@leerweg", value: "Deeltijd",
                     reason: "not in code table 'leerwegen'"),
            Expected(line: 16, element: "/leerbedrijven/leerbedrijf[3]/erkenning[2]", column: "einddatum",
                     value: "2019-03-31", reason: "the erkenning ends before it starts"),
            Expected(line: 17, element: "/leerbedrijven/leerbedrijf[3]/erkenning[3]", column: "startdatum", value: nil,
                     reason: "missing or empty"),
        ]
        #expect(batch.rejects.count == expected.count)
        for (reject, want) in zip(batch.rejects, expected) {
            #expect(reject.location.file == path)
            #expect(reject.location.line == want.line)
            #expect(reject.location.elementPath == want.element, "line \(want.line)")
            #expect(reject.column == want.column, "line \(want.line)")
            #expect(reject.columnNumber == nil)
            #expect(reject.value == want.value, "line \(want.line)")
            #expect(reject.reason == want.reason, "line \(want.line)")
            #expect(reject.expected != nil)
            #expect(reject.record?.contains("@crebo=") == true, "line \(want.line): \(reject.record ?? "")")
        }
        // The rejected rows whose leerbedrijf and crebo could be read are named for the snapshot diff.
        #expect(batch.rejectedPairs.contains(LeerbedrijfCrebo(leerbedrijfID: "100966213", crebo: "25606")))
    }

    @Test("a well-formed XML list without record elements is an empty list (the importer decides), not a parse error")
    func xmlListWithoutRecords() throws {
        let (batch, reader) = try readAll(Paths.fixture("reference/erkenningen-no-records.xml"), Self.xmlMapping,
                                          .erkenningen, ErkenningRecordMapper())
        #expect(batch.values.isEmpty && batch.rejects.isEmpty)
        #expect(reader.recordsRead == 0)
        #expect(reader.emptyNote?.contains("no record elements /leerbedrijven/leerbedrijf/erkenning") == true)
    }
}

@Suite("Kwalificatiedossier XML")
struct KwalificatiedossierXMLReaderTests {
    static let crebos = "mappings/reference/sbb-kwalificatiedossier-crebos.yaml"
    static let basis = "mappings/reference/sbb-kwalificatiedossier-basis.yaml"
    static let profielen = "mappings/reference/sbb-kwalificatiedossier-profielen.yaml"
    static let sample = Paths.repo("samples/inbox/reference/dossier/kwalificatiedossiers-2026.xml")

    @Test("the sample dossier: crebo editions with dates and dossier, basisdeel and profieldeel werkprocessen with their kerntaken")
    func sample() throws {
        let (crebos, _) = try readAll(Self.sample, Self.crebos, .crebos, CreboRecordMapper())
        #expect(crebos.rejects.isEmpty, "\(crebos.rejects)")
        #expect(crebos.values.map(\.crebo) == ["25798", "25604", "25605", "25606", "25951", "25952"])
        let old = try #require(crebos.values.first { $0.crebo == "25951" })
        #expect(old.geldigVanaf == CalendarDate(year: 2018, month: 8, day: 1))
        #expect(old.eindeInstroom == CalendarDate(year: 2025, month: 7, day: 31))
        #expect(old.eindeOpleiding == CalendarDate(year: 2027, month: 7, day: 31))
        #expect(old.dossier == "23913")
        #expect(crebos.values.first { $0.crebo == "25798" }?.eindeInstroom == nil)
        #expect(crebos.values.first { $0.crebo == "25606" }?.dossier == "23912")

        let (basis, _) = try readAll(Self.sample, Self.basis, .werkprocessen, WerkprocesRecordMapper())
        #expect(basis.rejects.isEmpty, "\(basis.rejects)")
        #expect(basis.values.count == 23)
        #expect(basis.values.allSatisfy { $0.crebo == nil && $0.code.kerntaak.part == .basis })
        let w8 = try #require(basis.values.first { $0.dossier == "23914" && $0.code.description == "B1-K1-W8" })
        #expect(w8.titel == "Houdt PET-apparatuur en -materialen operationeel")
        #expect(w8.kerntaakTitel == "Bereidt de podiumproductie technisch voor")

        let (profielen, _) = try readAll(Self.sample, Self.profielen, .werkprocessen, WerkprocesRecordMapper())
        #expect(profielen.rejects.isEmpty, "\(profielen.rejects)")
        #expect(profielen.values.count == 12)
        let podium = profielen.values.filter { $0.crebo == "25798" }
        #expect(podium.map(\.code.description) == ["P3-K1-W1", "P3-K1-W2", "P3-K2-W1", "P3-K2-W2", "P3-K2-W3",
                                                    "P3-K2-W4", "P3-K2-W5"])
        #expect(podium.allSatisfy { $0.dossier == "23914" })
        #expect(Set(profielen.values.compactMap(\.crebo)) == ["25798", "25606", "25605"])
    }

    @Test("bad dossiercrebos: an end before geldig vanaf, einde opleiding before einde instroom, a bad date, a bad crebo")
    func badCrebos() throws {
        let path = Paths.fixture("reference/dossier-bad.xml")
        let (batch, _) = try readAll(path, Self.crebos, .crebos, CreboRecordMapper())
        #expect(batch.values.map(\.crebo) == ["25798"])
        let got = batch.rejects.map { "\($0.location.line) \($0.column ?? "-") \($0.value ?? "-"): \($0.reason)" }
        #expect(got == [
            "8 @Datum_einde_instroom 2019-07-31: einde instroom lies before geldig vanaf 2021-08-01",
            "9 @Datum_einde_opleiding 2021-07-31: einde opleiding lies before einde instroom",
            "10 @Geldig_vanaf 1-8-2021: not a valid date",
            "11 . 2579: not a crebo",
        ])
        #expect(batch.rejects.allSatisfy { $0.location.file == path && $0.location.elementPath?.hasPrefix("/sbb/dossiers[1]/dossier[1]/dossiercrebos[1]/dossiercrebo[") == true })
    }

    @Test("malformed werkproces and kerntaak codes are rejects naming the value and the expected form; good codes are normalised")
    func badCodes() throws {
        let path = Paths.fixture("reference/dossier-bad.xml")
        let (basis, _) = try readAll(path, Self.basis, .werkprocessen, WerkprocesRecordMapper())
        #expect(basis.values.map(\.code.description) == ["B1-K1-W1", "B1-K1-W6"])
        let got = basis.rejects.map { "\($0.location.line) \($0.column ?? "-") \($0.value ?? "-"): \($0.reason)" }
        #expect(got == [
            "18 @nr B1-K1-X2: not a werkproces code",
            "19 @nr B1K1W3: not a werkproces code",
            "20 @nr B1-K2-W4: the werkproces does not belong to its kerntaak B1-K1",
            "21 @titel -: missing or empty",
            "27 ../../@nr K2: not a kerntaak code",
        ])
        let codeReject = try #require(basis.rejects.first)
        #expect(codeReject.expected == WerkprocesCode.expectedForm)
        #expect(codeReject.location.elementPath
                == "/sbb/dossiers[1]/dossier[1]/basis[1]/kerntaken[1]/kerntaak[1]/werkprocessen[1]/werkproces[2]")
        #expect(basis.rejects[4].expected == KerntaakCode.expectedForm)

        let (profielen, _) = try readAll(path, Self.profielen, .werkprocessen, WerkprocesRecordMapper())
        #expect(profielen.values.map(\.code.description) == ["P3-K1-W2"])
        let profileGot = profielen.rejects.map { "\($0.location.line) \($0.column ?? "-") \($0.value ?? "-"): \($0.reason)" }
        #expect(profileGot == [
            "39 @nr X3-K1-W1: not a werkproces code",
            "48 ../../../../creboinformatie/crebo -: a profieldeel werkproces without its profile's crebo",
        ])
    }

    @Test("a truncated dossier file fails as a whole with line and column; a 0-byte file fails as empty")
    func truncatedAndEmpty() throws {
        let mapping = try MappingLoader().loadRecordMapping(path: Paths.repo(Self.basis), kind: .werkprocessen)
        let truncated = Paths.fixture("reference/dossier-truncated.xml")
        let lines = try String(contentsOfFile: truncated, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count
        do {
            let reader = try RecordFileReader(path: truncated, mapping: mapping, mapper: WerkprocesRecordMapper())
            _ = try reader.readAll()
            Issue.record("a truncated file was read")
        } catch {
            #expect(error.file == truncated)
            #expect(error.line == lines)
            #expect(error.column != nil)
            #expect(error.message.contains("truncated"), "\(error.message)")
        }
        let empty = Paths.fixture("reference/dossier-empty.xml")
        #expect(throws: FileLevelError.self) {
            _ = try RecordFileReader(path: empty, mapping: mapping, mapper: WerkprocesRecordMapper())
        }
        do {
            _ = try RecordFileReader(path: empty, mapping: mapping, mapper: WerkprocesRecordMapper())
        } catch {
            #expect(error.message.contains("empty (0 bytes)"))
        }
    }
}
