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
}
