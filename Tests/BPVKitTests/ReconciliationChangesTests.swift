import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// What changed since the last reconciliation: kept in the store, compared on the next run; counted hours that go
/// down are a finding.
@Suite struct ReconciliationChangesTests {
    static let header = "Personeelsnummer;Naam;Datum;Starttijd;Eindtijd;Pauze;Soort;Omschrijving\n"

    func store(with rows: [String]) throws -> (SQLiteStore, HourImporter) {
        let store = try SQLiteStore(path: ":memory:")
        try store.saveEmployer(id: "test-employer", name: nil, leerbedrijfID: "100234567")
        try store.saveAliases([EmployeeAlias(employerID: "test-employer", identity: "P100", studentNumber: "2250476")])
        let pokFile = Fixture.temporaryFolder().appendingPathComponent("poks.csv")
        try ("studentnummer;leerbedrijf-ID;crebo;begindatum;einddatum;uren;poknummer;getekend;status;beeindigd;tweede_adres\n"
             + "2250476;100234567;25798;2026-09-01;2027-06-30;100;P1;2026-08-20;actief;;nee\n")
            .write(to: pokFile, atomically: true, encoding: .utf8)
        let mapping = try MappingLoader().loadRecordMapping(path: Fixture.repo("mappings/sis/poks-school.yaml"))
        _ = try ListImports.importFile(path: pokFile.path, mapping: mapping, store: store, today: CalendarDate(year: 2026, month: 12, day: 4)!)
        let importer = HourImporter(store: store)
        _ = try importer.importFile(path: try write(rows), mapping: try Fixture.timesheetMapping(), employerID: "test-employer")
        return (store, importer)
    }

    func write(_ rows: [String]) throws -> String {
        let path = Fixture.temporaryFolder().appendingPathComponent("export.csv").path
        try (Self.header + rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theFirstRunHasNothingToCompareAndTheSecondSeesTheSame() throws {
        let (store, _) = try store(with: ["P100;Fenna;05-10-2026;08:00;16:30;30;Werk;Opbouw"])
        let day = CalendarDate(year: 2026, month: 12, day: 4)!
        let (_, first) = try Reconciler(store: store).runAndKeep(on: day)
        #expect(first.previousDate == nil)
        let (_, second) = try Reconciler(store: store).runAndKeep(on: day)
        #expect(second.previousDate == day)
        #expect(second.verdicts.isEmpty && second.statuses.isEmpty && second.findings.isEmpty)
        #expect(second.newEntries == 0 && second.goneEntries == 0)
    }

    @Test func aCorrectedExportThatMakesHoursSickIsAChangedVerdictAndAFinding() throws {
        let (store, importer) = try store(with: ["P100;Fenna;05-10-2026;08:00;16:30;30;Werk;Opbouw"])
        let day = CalendarDate(year: 2026, month: 12, day: 4)!
        _ = try Reconciler(store: store).runAndKeep(on: day)
        // The re-export of the same period says the day was a sick day: it supersedes the earlier entry.
        _ = try importer.importFile(path: try write(["P100;Fenna;05-10-2026;08:00;16:30;30;Ziek;"]),
                                    mapping: try Fixture.timesheetMapping(), employerID: "test-employer")
        let (result, changes) = try Reconciler(store: store).runAndKeep(on: day)
        #expect(result.verdicts.map(\.primary) == [.categorySick])
        #expect(changes.newEntries == 1 && changes.goneEntries == 1, "the superseded entry is gone, its correction new")
        #expect(changes.findings.map(\.ruleID) == [ReconciliationChanges.countedDownRule])
        #expect(changes.findings.first?.evidence == "counted 8h00 on 2026-12-04, now 0h00")
        #expect(changes.summary.contains("1 POK(s) with fewer counted hours"))
    }
}
