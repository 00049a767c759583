import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// The import path at its edges: a duration too big for an Int is one reject, not a crash.
@Suite struct ImportBoundsTests {
    let folder = Fixture.temporaryFolder()

    private func write(_ text: String, _ name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A SETU TimeCard with one interval per duration, on consecutive days from 2026-12-01.
    private func timeCard(_ durations: [String]) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <TimeCard xmlns="http://ns.hr-xml.org/2007-04-15">
              <ReportedResource><Person><Id><IdValue>TW-40117</IdValue></Id></Person></ReportedResource>
              <ReportedTime status="Approved">

            """
        for (i, duration) in durations.enumerated() {
            text += """
                    <TimeInterval type="Regular" actionCode="Add">
                      <Id><IdValue>TW-40117-2026120\(i + 1)-1</IdValue></Id>
                      <StartDateTime>2026-12-0\(i + 1)T08:00:00</StartDateTime>
                      <Duration>\(duration)</Duration>
                    </TimeInterval>

                """
        }
        return text + "  </ReportedTime>\n</TimeCard>\n"
    }

    @Test func aSETUDurationWhoseSumOverflowsIsARejectNotACrash() throws {
        let huge = "P" + String(repeating: "999999999D", count: 110_000)
        let path = try write(timeCard(["8.00", huge, "PT7H30M"]), "overflow.xml")
        let mapping = try MappingLoader().loadHourMapping(path: Fixture.repo("mappings/hours/setu-timecard.yaml"))
        let (result, store) = try importIntoFreshStore(path, mapping: mapping, employer: "tijdwerk-uitzend")
        #expect(result.outcome == .importedWithRejects)
        #expect(result.counts.recordsRead == 3)
        #expect(result.counts.entriesStored == 2)
        let reject = try #require(try store.rejects(batchID: result.batchID!).first)
        #expect(reject.column == "hr:Duration")
        #expect(reject.reason == "not a valid duration")
        #expect(reject.location.line == 10)  // the second <TimeInterval> start tag
        let minutes = try store.activeHourEntries(employerID: nil, studentNumber: nil).map(\.entry.minutes)
        #expect(minutes.sorted() == [450, 480])
    }
}
