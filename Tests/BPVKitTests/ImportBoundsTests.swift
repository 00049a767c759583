import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// The import path at its edges: a duration too big for an Int is one reject, not a crash, and `max_reject_percent`
/// fails a file only above the limit, for hour files and for reference lists.
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
        let huge = "P" + String(repeating: "999999999D", count: 100_000)
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

    /// A CSV of the bad-input layout with `total` records, the first `bad` with an impossible date.
    private func timesheet(total: Int, bad: Int) throws -> String {
        var text = "Personeelsnummer;Naam;Datum;Starttijd;Eindtijd;Pauze;Soort;Omschrijving\n"
        for i in 0..<total {
            let date = i < bad ? "31-02-2026" : "\(10 + i)-10-2026"
            text += "P100;Daan Veldkamp;\(date);08:00;16:30;30;Werk;Opbouw\n"
        }
        return try write(text, "timesheet-\(bad)-of-\(total).csv")
    }

    @Test func hoursAtExactlyTheRejectLimitImportAndOneMoreFails() throws {
        let strict = try Fixture.timesheetMapping { $0 + "import:\n  max_reject_percent: 30\n" }
        let (atLimit, store) = try importIntoFreshStore(try timesheet(total: 10, bad: 3), mapping: strict)
        #expect(atLimit.outcome == .importedWithRejects)
        #expect(atLimit.counts.rejects == 3 && atLimit.counts.entriesStored == 7)
        #expect(try store.activeHourEntries(employerID: nil, studentNumber: nil).count == 7)

        let (over, overStore) = try importIntoFreshStore(try timesheet(total: 10, bad: 4), mapping: strict)
        guard case .failed(let text) = over.outcome else { Issue.record("4 of 10 did not fail: \(over.outcome)"); return }
        #expect(text.contains("4 of 10 records rejected (40%)"))
        #expect(try overStore.activeHourEntries(employerID: nil, studentNumber: nil).isEmpty)
    }

    @Test func anAllRejectedHourFileUnderTheDefaultLimitImportsWithRejects() throws {
        let (result, _) = try importIntoFreshStore(try timesheet(total: 10, bad: 10), mapping: Fixture.timesheetMapping())
        #expect(result.outcome == .importedWithRejects)
        #expect(result.counts.rejects == 10 && result.counts.entriesStored == 0)
    }

    /// The school's POK mapping, with `extra` appended, as a file of its own.
    private func pokMapping(_ extra: String = "") throws -> RecordMapping {
        let text = try String(contentsOfFile: Fixture.repo("mappings/sis/poks-school.yaml"), encoding: .utf8)
        let path = try write(text + extra, "poks-\(UUID().uuidString).yaml")
        return try MappingLoader().loadRecordMapping(path: path, kind: .poks)
    }

    /// A POK list with `total` rows, the first `bad` with an impossible begin date.
    private func pokList(total: Int, bad: Int) throws -> String {
        var text = "studentnummer;leerbedrijf-ID;crebo;begindatum;einddatum;uren;poknummer;getekend;status;beeindigd;tweede_adres\n"
        for i in 0..<total {
            text += "22501\(10 + i);101145779;25604;\(i < bad ? "2025-02-30" : "2025-09-01");2027-07-09;1220;;;;;\n"
        }
        return try write(text, "poks-\(bad)-of-\(total).csv")
    }

    @Test func aReferenceListAtExactlyTheRejectLimitImportsAndOneMoreFails() throws {
        let strict = try pokMapping("\nimport:\n  max_reject_percent: 30\n")
        let store = try SQLiteStore(path: ":memory:")
        let atLimit = try POKListImporter(store: store).importFile(path: try pokList(total: 10, bad: 3), mapping: strict).file
        #expect(atLimit.outcome == .importedWithRejects)
        #expect(atLimit.counts.rejects == 3 && atLimit.counts.entriesStored == 7)

        let over = try POKListImporter(store: store).importFile(path: try pokList(total: 10, bad: 4), mapping: strict).file
        guard case .failed(let text) = over.outcome else { Issue.record("4 of 10 did not fail: \(over.outcome)"); return }
        #expect(text.contains("4 of 10 records rejected (40%)"))
    }

    @Test func anAllRejectedReferenceListUnderTheDefaultLimitIsNotFailedForItsRejects() throws {
        let store = try SQLiteStore(path: ":memory:")
        let result = try POKListImporter(store: store).importFile(path: try pokList(total: 10, bad: 10),
                                                                  mapping: try pokMapping(), allowEmpty: true).file
        #expect(result.outcome == .importedWithRejects)
        #expect(result.counts.rejects == 10 && result.counts.entriesStored == 0)
    }
}
