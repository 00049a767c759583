import Foundation
import Testing
@testable import BPVIngest

/// How the XML sniffer reads a sample: the record element, namespaces and prefixes, the fields relative to the record
/// and of enclosing elements (also when they come after the records), the encoding, and the bounded prefix of big files.
@Suite("Draft: XML sniffing")
struct XMLDraftSniffingTests {
    func sniff(_ path: String, records: Int = 1000) throws -> XMLSniffResult {
        try XMLSampleSniffer(sampleRecords: records).sniff(path: path, prefix: try SamplePrefix(path: path))
    }

    func column(_ result: XMLSniffResult, _ path: String) throws -> SampleTable.Column {
        try #require(result.table.columns.first { $0.name == path }, "no \(path) in \(result.table.columns.map(\.name))")
    }

    @Test("a card-level value that follows the records (ApprovalInfo at the end of the TimeCard) applies to each of them")
    func valuesAfterTheRecords() throws {
        let result = try sniff(DraftFromXMLSamplesTests.samplePath("tijdwerk-uitzend/TimeCard_TW-40117_2026-W49.xml"))
        #expect(result.table.recordLines == [24, 32, 39, 46, 53, 61, 66])  // the start tags, as grep -n shows them
        let approved = try column(result, "../../hr:ApprovalInfo/hr:ApprovedDateTime")
        #expect(approved.values == Array(repeating: "2026-12-07T09:12:00", count: 7))
        #expect(try column(result, "../@status").values == Array(repeating: "Approved", count: 7))
        #expect(try column(result, "@dayAssignment").values == ["", "", "", "", "2026-12-03", "", ""])
        // Own fields first, in document order; then ../ and ../../ ones.
        let names = result.table.columns.compactMap(\.name)
        #expect(names.prefix(4) == ["@type", "@billable", "@actionCode", "hr:Id/hr:IdValue"])
        #expect(names.firstIndex(of: "../@status")! < names.firstIndex(of: "../../hr:Id/hr:IdValue")!)
        #expect(result.table.fieldsArePaths && result.table.isWholeFile)
    }

    @Test("the file's own prefixes are kept, a namespaced attribute gets its prefix, a repeated card value is left out")
    func prefixesAndRepeatedValues() throws {
        let result = try sniff(AuthoringFixtures.path("xml-rates-prefixed.xml"))
        #expect(result.recordPath == "/x:Kaarten/tc:TimeCard/tc:ReportedTime/tc:TimeInterval")
        #expect(result.namespaces.map(\.prefix) == ["x", "tc"])
        #expect(result.namespaces.map(\.uri) == ["urn:example:envelope", "http://ns.hr-xml.org/2007-04-15"])
        let names = result.table.columns.compactMap(\.name)
        #expect(names.contains("../../tc:Person/@tc:code"))
        #expect(!names.contains { $0.contains("Note") })
        // The record is the interval, not its more frequent RateOrAmount; the choice is marked to check.
        #expect(result.recordNote.check == "<Kaarten/TimeCard/ReportedTime/TimeInterval/RateOrAmount> inside it occurs "
                + "6 times: is one <TimeInterval> one hour entry, or one <RateOrAmount>?")
        // The first occurrence of a repeated child counts, as in an import.
        #expect(try column(result, "tc:RateOrAmount/@type").values == ["hourly", "hourly", "hourly"])
    }

    @Test("ISO date-times with and without a zone or fraction read with the xsd:dateTime pattern; xsd durations as auto")
    func xsdValues() throws {
        let draft = try MappingDrafter().draft(path: AuthoringFixtures.path("xml-rates-prefixed.xml"), name: "x")
        guard case .datetime(let start) = draft.plan.field(.start)?.reading else {
            Issue.record("no datetime start:\n\(draft.yaml)"); return
        }
        #expect(start == "yyyy-MM-dd'T'HH:mm[:ss][.S][X]")
        guard case .duration(let duration) = draft.plan.field(.duration)?.reading else {
            Issue.record("no duration:\n\(draft.yaml)"); return
        }
        #expect(duration == "auto")
        #expect(draft.loads)
    }

    @Test("a file without a declared encoding that is not UTF-8 is read as Windows-1252, marked to check")
    func undeclaredWindows1252() throws {
        let result = try sniff(AuthoringFixtures.path("xml-cp1252-undeclared.xml"))
        #expect(result.encodingName == "windows-1252")
        #expect(result.encodingNote.check == "Windows-1252 or ISO-8859-1? Ask the sender which encoding the export uses")
        #expect(try column(result, "Omschrijving").values == ["Café-avond, entree € 5", "Crème brûlée-workshop"])
        let draft = try MappingDrafter().draft(path: AuthoringFixtures.path("xml-cp1252-undeclared.xml"), name: "x")
        #expect(draft.yaml.contains("  encoding: windows-1252\n"))
        #expect(draft.loads)
    }

    @Test("a file bigger than the sniffing limit is drafted from its start, without a truncation error")
    func bigFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bpv-xml-draft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("big.xml")
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Export>\n"
        let record = "  <Regel medewerker=\"M-1\" datum=\"2026-12-01\" soort=\"Werk\"><Uren>7.50</Uren>"
            + "<Omschrijving>\(String(repeating: "x", count: 150))</Omschrijving></Regel>\n"
        while text.utf8.count <= XMLSampleParser.limit + (1 << 20) { text += record }
        text += "</Export>\n"
        try text.write(to: file, atomically: true, encoding: .utf8)

        let result = try sniff(file.path, records: 500)
        #expect(result.recordPath == "/Export/Regel")
        #expect(result.table.recordCount == 500)
        #expect(!result.table.isWholeFile)
        let draft = try MappingDrafter(sampleRecords: 500).draft(path: file.path, name: "big")
        #expect(!draft.plan.isWholeFile)
        #expect(draft.yaml.contains("(500 records sampled)"))
    }

    @Test("a record with thousands of distinct attributes is drafted from the first ones, with a note on the rest")
    func manyAttributes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bpv-xml-draft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("wide.xml")
        let attributes = (0..<2000).map { " a\($0)=\"\($0)\"" }.joined()
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Export status=\"Approved\">\n"
        for day in 1...2 {
            text += "  <Regel medewerker=\"M-1\" datum=\"2026-12-0\(day)\"\(attributes)><Uren>7.50</Uren></Regel>\n"
        }
        text += "</Export>\n"
        try text.write(to: file, atomically: true, encoding: .utf8)

        let result = try sniff(file.path)
        let cap = XMLSampleSniffer.maxFieldPaths
        #expect(result.table.columns.count == cap)
        // The record's own fields in document order; the enclosing ../@status comes after them and is left out.
        let names = result.table.columns.compactMap(\.name)
        #expect(names.prefix(3) == ["@medewerker", "@datum", "@a0"])
        #expect(names.last == "@a\(cap - 3)")
        let note = try #require(result.fieldsNote)
        #expect(note.evidence == "the records have 2004 distinct field paths; the draft samples the first \(cap)")
        #expect(note.check == "\(2004 - cap) more field paths were seen and left out: if a field you need is among "
                + "them, write its path by hand")

        let draft = try MappingDrafter().draft(path: file.path, name: "wide")
        #expect(draft.yaml.contains("fields:\n  # the records have 2004 distinct field paths; the draft samples the "
                                    + "first \(cap)\n  # CHECK: \(2004 - cap) more field paths were seen and left out"))
        // A sample within the cap has no such note.
        #expect(try sniff(DraftFromXMLSamplesTests.samplePath("tijdwerk-uitzend/TimeCard_TW-40117_2026-W49.xml"))
                    .fieldsNote == nil)
    }
}
