@testable import BPVIngest
import Foundation
import Testing

/// How the XML reader hands records over: in blocks from its parse thread, with the values of enclosing elements
/// that come after the records (a card's ApprovalInfo) filled in across block boundaries, only the text of the
/// elements a field reads, and the encoding an XML declaration names.
@Suite struct XMLRecordDeliveryTests {
    /// Cards of `perCard` intervals each; the card's person comes before its intervals, its approval after them.
    private func cards(_ count: Int, perCard: Int) throws -> String {
        var xml = "<?xml version=\"1.0\"?>\n<Cards>\n"
        var interval = 0
        for card in 1...count {
            xml += "  <Card>\n    <Person>P-\(card)</Person>\n    <Intervals>\n"
            for _ in 0..<perCard {
                interval += 1
                xml += "      <Interval id=\"I-\(interval)\">\n        <Hours>\(interval % 9)</Hours>\n      </Interval>\n"
            }
            xml += "    </Intervals>\n    <Approved>A-\(card)</Approved>\n  </Card>\n"
        }
        xml += "</Cards>\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("delivery-\(UUID().uuidString).xml").path
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func layout(_ fields: [String]) throws -> XMLRecordLayout {
        let record = try XMLPathParser.recordPath("/Cards/Card/Intervals/Interval", XMLNamespaces()).get()
        return XMLRecordLayout(record: record, fields: try fields.map {
            [try XMLPathParser.fieldPath($0, record: record, XMLNamespaces()).get()]
        })
    }

    @Test("many blocks: every record once, in file order, with its card's values from before and after it")
    func recordsAcrossBlocks() throws {
        let perCard = 7, count = 3 * XMLParseSession.blockRecords / perCard + 5  // three blocks at least, cut inside cards
        let path = try cards(count, perCard: perCard)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try XMLRecordReader(path: path, layout: try layout(["@id", "Hours", "../../Person", "../../Approved"]),
                                         encoding: nil)
        var ids: [String] = [], lines: [Int] = [], batches = 0
        while let block = try reader.nextBatch() {
            batches += 1
            for record in block {
                let n = ids.count + 1, card = (n - 1) / perCard + 1
                ids.append(record.string(0))
                lines.append(record.line)
                #expect(record.string(1) == "\(n % 9)")
                #expect(record.string(2) == "P-\(card)")
                #expect(record.string(3) == "A-\(card)", "interval \(n) waits for its card's approval")
                #expect(record.elementPath == "/Cards/Card[\(card)]/Intervals[1]/Interval[\((n - 1) % perCard + 1)]")
            }
        }
        #expect(batches >= 3)
        #expect(ids == (1...(count * perCard)).map { "I-\($0)" })
        #expect(reader.recordsFound == count * perCard)
        // Line of each <Interval>: 3 lines per interval, 5 more per card, 2 before the first card.
        #expect(lines.prefix(2) == [6, 9])
        #expect(zip(lines, lines.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("a reader dropped halfway stops its parse thread; a new one reads the file again from the start")
    func droppedHalfway() throws {
        let path = try cards(2 * XMLParseSession.blockRecords, perCard: 4)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fields = try layout(["@id"])
        do {
            let reader = try XMLRecordReader(path: path, layout: fields, encoding: nil)
            let first = try #require(try reader.nextBatch())
            #expect(first.first?.string(0) == "I-1")
        }
        let again = try XMLRecordReader(path: path, layout: fields, encoding: nil)
        var total = 0
        while let block = try again.nextBatch() { total += block.count }
        #expect(total == 8 * XMLParseSession.blockRecords)
    }

    @Test("only the text of the element a field reads: not a child's, not the whitespace between elements")
    func textOfTheReadElementOnly() throws {
        let xml = """
            <?xml version="1.0"?>
            <Cards><Card><Intervals>
              <Interval id="I-1">
                <Hours>
                  7</Hours>
                <Note>Avond &amp; <b>laat</b> nacht<![CDATA[ <dienst> ]]></Note>
              </Interval>
            </Intervals></Card></Cards>
            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("text-\(UUID().uuidString).xml").path
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try XMLRecordReader(path: path, layout: try layout(["Hours", "Note", "Note/b", "."]), encoding: nil)
        // The block is gone after this line but for the record, which keeps it (and its bytes) alive.
        let record = try #require(try reader.nextBatch()?.first)
        #expect(record.string(0) == "\n      7")
        #expect(record.string(1) == "Avond &  nacht <dienst> ")
        #expect(record.string(2) == "laat")
        #expect(record.string(3).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)  // only whitespace of its own
    }

    @Test("the encoding an XML declaration names, as libxml2 reads it")
    func declaredEncoding() {
        func named(_ text: String) -> String? {
            Array(text.utf8).withUnsafeBytes { XMLRecordReader.declaredEncoding($0) }
        }
        #expect(named("<?xml version=\"1.0\" encoding=\"Windows-1252\"?><a/>") == "windows-1252")
        #expect(named("<?xml version='1.0' encoding = 'ISO-8859-1' standalone='yes'?>") == "iso-8859-1")
        #expect(named("<?xml version=\"1.0\"?><a encoding=\"x\"/>") == nil)
        #expect(named("<a/>") == nil)
        #expect([UInt8]([0x3C, 0x00, 0x3F, 0x00]).withUnsafeBytes { XMLRecordReader.declaredEncoding($0) } == "utf-16le")
    }

    @Test("a record path deeper than the reader follows is refused when the mapping is read")
    func recordPathDepth() {
        let deep = "/" + (1...(XMLRecordPath.maxSteps + 1)).map { "e\($0)" }.joined(separator: "/")
        guard case .failure(let error) = XMLPathParser.recordPath(deep, XMLNamespaces()) else {
            Issue.record("a path of \(XMLRecordPath.maxSteps + 1) steps was accepted"); return
        }
        #expect(error.message.contains("at most \(XMLRecordPath.maxSteps)"))
        #expect((try? XMLPathParser.recordPath("/" + (1...XMLRecordPath.maxSteps).map { "e\($0)" }.joined(separator: "/"),
                                               XMLNamespaces()).get()) != nil)
    }
}
