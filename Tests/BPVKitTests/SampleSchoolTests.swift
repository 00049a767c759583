import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// The nightly run on the bundled sample school: what the README's first command does.
@Suite struct SampleSchoolTests {
    /// Data rows of a CSV file counted independently of the reader: lines that start a record (the samples hold
    /// no line breaks inside quotes) minus the header.
    static func dataRows(_ path: String) throws -> Int {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var text = data
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        let lines = text.split(separator: 0x0A).filter { !$0.allSatisfy { $0 == 0x0D || $0 == 0x20 } }
        return lines.count - 1
    }

    /// A copy of samples/bpv.yaml pointing its database and output at a temporary folder.
    static func configuration() throws -> (BPVConfiguration, URL) {
        let folder = Fixture.temporaryFolder()
        var configuration = try BPVConfiguration.load(path: Fixture.repo("samples/bpv.yaml"))
        configuration.database = folder.appendingPathComponent("bpv.sqlite").path
        configuration.output = folder.appendingPathComponent("out").path
        return (configuration, folder)
    }

    @Test func theNightlyRunImportsEverySampleExport() throws {
        let (configuration, _) = try Self.configuration()
        let store = try SQLiteStore(path: configuration.database)
        let summary = try NightlyRun(configuration: configuration, store: store).run()
        let hourFiles = summary.files.filter { $0.file.contains("/inbox/hours/") }
        // Every employer's folder delivered at least one file, and every file was imported whole.
        #expect(Set(hourFiles.compactMap(\.employerID)) == Set(configuration.employers.map(\.id)))
        for result in hourFiles {
            #expect(result.outcome == .imported, "\(result.file): \(result.outcome)")
            #expect(result.counts.rejects == 0)
        }
        // CSV exports: one entry per data row, counted without the reader.
        for result in hourFiles where result.file.hasSuffix(".csv") {
            #expect(result.counts.entriesStored == (try Self.dataRows(result.file)), "\(result.file)")
        }
        #expect(summary.exitStatus == .success)
        // The one employee the sample alias file leaves out is reported, with all her entries.
        #expect(summary.unresolved.map(\.identity) == ["noor.hesselink@bytebrug.nl"])
        // The run record is written where the summary says.
        for name in ["run.json", "rejects.csv", "unresolved.csv"] {
            #expect(FileManager.default.fileExists(atPath: summary.runFolder + "/" + name))
        }
        let folder = URL(fileURLWithPath: summary.runFolder)
        #expect(try runRecordCSV(folder, "rejects.csv") == ["file;line;column;column_number;value;reason;expected;record"])
        let unresolved = try runRecordCSV(folder, "unresolved.csv")
        #expect(unresolved.first == "employer;identity;entries")
        #expect(unresolved.dropFirst().map { $0.split(separator: ";").prefix(2).joined(separator: ";") }
                == ["bytebrug-ict;noor.hesselink@bytebrug.nl"])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary.runFolder + "/run.json")))
            as? [String: Any]
        #expect((json?["files"] as? [Any])?.count == summary.files.count)
        #expect(json?["exit_status"] as? Int == 0)
    }

    @Test func aSecondRunChangesNothingAndSaysSo() throws {
        let (configuration, _) = try Self.configuration()
        let store = try SQLiteStore(path: configuration.database)
        _ = try NightlyRun(configuration: configuration, store: store).run()
        let before = try store.activeHourEntries(employerID: nil, studentNumber: nil)
        let batches = try store.importBatches(limit: 1000).count
        let again = try NightlyRun(configuration: configuration, store: store).run()
        #expect(again.files.allSatisfy { if case .alreadyImported = $0.outcome { return true }; return false },
                "\(again.files.map(\.outcome))")
        #expect(try store.activeHourEntries(employerID: nil, studentNumber: nil) == before)
        #expect(try store.importBatches(limit: 1000).count == batches)
    }

    @Test func sampleValuesAreNormalised() throws {
        let (configuration, _) = try Self.configuration()
        let store = try SQLiteStore(path: configuration.database)
        _ = try NightlyRun(configuration: configuration, store: store).run()
        let entries = try store.activeHourEntries(employerID: nil, studentNumber: nil).map(\.entry)
        // Windows-1252 (Shiftbase) decoded: ë, é and € survive.
        let shiftbase = entries.filter { $0.employerID == "podiumbouw-oost" }
        #expect(shiftbase.contains { $0.description?.contains("€") == true })
        #expect(shiftbase.contains { $0.description?.contains("ë") == true })
        // Overnight shifts: every entry with an end before its start counted into the next day, positive minutes.
        let overnight = entries.filter { e in
            guard let s = e.start, let t = e.end else { return false }
            return t < s
        }
        #expect(!overnight.isEmpty)
        for entry in overnight where entry.employerID == "podiumbouw-oost" {
            let span = 24 * 60 - entry.start!.secondsSinceMidnight / 60 + entry.end!.secondsSinceMidnight / 60
            #expect(entry.minutes > 0 && entry.minutes <= span)
        }
        // AFAS books a correction as a negative quantity, allowed by its mapping only.
        #expect(entries.contains { $0.employerID == "flexpool-uitzend" && $0.minutes < 0 })
        #expect(!entries.contains { $0.employerID != "flexpool-uitzend" && $0.minutes < 0 })
        // Unapproved AFAS rows keep approved = false; Shiftbase entries are approved by their mapping's constant.
        #expect(entries.contains { $0.employerID == "flexpool-uitzend" && $0.approved == false })
        #expect(shiftbase.allSatisfy { $0.approved == true })
        // Sick days map to the sick category in every layout that has them.
        #expect(Set(entries.filter { $0.category == .sick }.map(\.employerID)).count >= 5)
    }

    @Test func aCorrectedReExportSupersedesTheEarlierEntriesOfItsPeriod() throws {
        let folder = Fixture.temporaryFolder()
        let original = folder.appendingPathComponent("week41.csv")
        let corrected = folder.appendingPathComponent("week41-corrected.csv")
        let header = "Personeelsnummer;Naam;Datum;Starttijd;Eindtijd;Pauze;Soort;Omschrijving\n"
        try (header + "P100;A;05-10-2026;08:00;16:30;30;Werk;x\nP100;A;06-10-2026;08:00;16:30;30;Werk;x\n"
             + "P100;A;07-10-2026;08:00;16:30;30;Werk;x\n").write(to: original, atomically: true, encoding: .utf8)
        // The correction covers 06 and 07 October only: 05 October stays as it was.
        try (header + "P100;A;06-10-2026;08:00;12:00;0;Werk;x\nP100;A;07-10-2026;08:00;16:30;30;Ziek;x\n")
            .write(to: corrected, atomically: true, encoding: .utf8)
        let store = try SQLiteStore(path: ":memory:")
        let importer = HourImporter(store: store)
        let mapping = try Fixture.timesheetMapping()
        _ = try importer.importFile(path: original.path, mapping: mapping, employerID: "e1")
        let second = try importer.importFile(path: corrected.path, mapping: mapping, employerID: "e1")
        #expect(second.counts.superseded == 2)
        let active = try store.activeHourEntries(employerID: "e1", studentNumber: nil).map(\.entry)
        #expect(active.map(\.date.iso) == ["2026-10-05", "2026-10-06", "2026-10-07"])
        #expect(active.map(\.minutes) == [480, 240, 480])
        #expect(active.map(\.category) == [.work, .work, .sick])
        // Another employer's entries for the same days are not touched.
        _ = try importer.importFile(path: original.path, mapping: mapping, employerID: "e2")
        #expect(try store.activeHourEntries(employerID: "e1", studentNumber: nil).count == 3)
        #expect(try store.activeHourEntries(employerID: "e2", studentNumber: nil).count == 3)
    }
}
