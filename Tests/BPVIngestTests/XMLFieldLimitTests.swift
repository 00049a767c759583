@testable import BPVIngest
import BPVModel
import Foundation
import Testing

/// A text over the field limit in an XML field the mapping reads: the record is a reject naming its path, the
/// text is never held whole, and the records around it are read. Text the mapping does not read is never
/// collected at all.
@Suite struct XMLFieldLimitTests {
    static func timeCard(comments: [String]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <hr:TimeCard xmlns:hr="http://ns.hr-xml.org/2007-04-15">
              <hr:ReportedResource><hr:Person><hr:Id><hr:IdValue>TW-1</hr:IdValue></hr:Id></hr:Person></hr:ReportedResource>
              <hr:ReportedTime status="Approved">

            """
        for (i, comment) in comments.enumerated() {
            xml += """
                <hr:TimeInterval type="Regular" actionCode="Add">
                  <hr:Id><hr:IdValue>TW-1-\(i)</hr:IdValue></hr:Id>
                  <hr:StartDateTime>2026-11-\(String(format: "%02d", i + 1))T09:00:00</hr:StartDateTime>
                  <hr:EndDateTime>2026-11-\(String(format: "%02d", i + 1))T17:00:00</hr:EndDateTime>
                  <hr:Duration>PT7H30M</hr:Duration>
                  <hr:Comment>\(comment)</hr:Comment>
                </hr:TimeInterval>

                """
        }
        return xml + "  </hr:ReportedTime>\n</hr:TimeCard>\n"
    }

    func read(_ xml: String) throws -> (entries: [HourEntry], rejects: [Reject]) {
        let path = TestFiles.write(xml, name: "card.xml")
        let reader = try HourFileReader(path: path, mapping: try XMLFixture.shippedMapping("setu-timecard"), employerID: "e1")
        var entries: [HourEntry] = [], rejects: [Reject] = []
        while let batch = try reader.next() { entries += batch.entries; rejects += batch.rejects }
        return (entries, rejects)
    }

    @Test func aTextOfExactlyTheLimitIsKeptAndOneByteMoreRejectsItsRecord() throws {
        let limit = CSVDialect.defaultMaxFieldBytes
        let (entries, rejects) = try read(Self.timeCard(comments: ["kort", String(repeating: "a", count: limit),
                                                                   String(repeating: "b", count: limit + 1), "na"]))
        #expect(entries.map { $0.description?.count ?? 0 } == [4, limit, 2])
        #expect(rejects.count == 1)
        #expect(rejects.first?.column == "hr:Comment")
        #expect(rejects.first?.reason == "the text of hr:Comment is longer than the limit of 1 MiB a field: the record is left out")
        #expect(rejects.first?.location.elementPath == "//TimeCard[1]/ReportedTime[1]/TimeInterval[3]")
    }
}
