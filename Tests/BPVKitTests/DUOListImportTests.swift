import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// DUO's registration overview through `mappings/sis/duo-bpv.yaml`: BPV rows stored (no BSN), other record types
/// skipped, bad rows rejected at their line and column.
@Suite struct DUOListImportTests {
    @Test func bpvRowsAreStoredOtherRecordTypesSkippedBadRowsRejected() throws {
        let store = try SQLiteStore(path: ":memory:")
        let path = Fixture.temporaryFolder().appendingPathComponent("RO.CSV").path
        try Data("""
            ISG|123456782||C1|||2025-08-01||||||
            BPV|123456782||C1|P1|2025-08-20|2025-09-01|2027-07-09||1220|101145779|25604|
            BPV|||C2|P2|2025-08-20|2025-09-01|2027-07-09||12x|101145779|25604|
            BPV|||C3|P3|2025-08-20|2025-09-01|2027-07-09|2026-11-20|900|100966213|25605|

            """.utf8).write(to: URL(fileURLWithPath: path))
        let mapping = try MappingLoader().loadRecordMapping(path: Fixture.repo("mappings/sis/duo-bpv.yaml"), kind: DUORegistrationsKind.kind)
        let result = try ListImports.importFile(path: path, mapping: mapping, store: store,
                                                today: CalendarDate(year: 2026, month: 12, day: 4)!).file
        #expect(result.outcome == .importedWithRejects)
        let registrations = try store.values(of: DUORegistrationsKind.self)
        #expect(registrations.map(\.volgnummer) == ["P1", "P3"])
        #expect(registrations[0].minutes == 1220 * 60 && registrations[0].leerbedrijfID == "101145779")
        #expect(registrations[1].actualEnd == CalendarDate(iso: "2026-11-20"))
        let reject = try #require(try store.rejects(batchID: result.batchID!).first)
        #expect(reject.location.line == 3 && reject.value == "12x" && reject.expected == "0 to 9999 (N4)")
        // The BSN is no field: nothing stored holds it.
        #expect(try store.keyedRecords(kind: "duo-registraties").allSatisfy { !String(decoding: $0.json, as: UTF8.self).contains("123456782") })
    }
}
