@testable import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// Which files make up a run record (``NightlyRun/runRecord(of:run:)``): the layouts themselves are the golden-file
/// tests' business (RunRecordGoldenTests).
@Suite struct RunRecordTests {
    /// The sample school's hours and aliases only: no reference lists, no POKs, so no accreditation check.
    static func hoursOnly() throws -> (BPVConfiguration, URL) {
        var (configuration, folder) = try SampleSchoolTests.configuration()
        configuration.reference.lists = []
        configuration.poks = nil
        return (configuration, folder)
    }

    @Test func withoutReferenceDataFindingsCSVIsWrittenAndKeepsTheAliasesThatMoved() throws {
        var (configuration, folder) = try Self.hoursOnly()
        let store = try SQLiteDossierStore(path: configuration.database)
        let first = try NightlyRun(configuration: configuration, store: store).run()
        #expect(first.accreditation == nil)
        let firstFolder = URL(fileURLWithPath: first.runFolder)
        #expect(try runRecordCSV(firstFolder, "findings.csv") == [FindingsCSV.header.joined(separator: ";")])
        #expect(!FileManager.default.fileExists(atPath: firstFolder.appendingPathComponent("erkenning.csv").path),
                "no accreditation check, no erkenning.csv")

        // The alias file now links Sem's identity to another student: his stored entries move, and the record says so.
        let aliases = folder.appendingPathComponent("aliases.csv")
        try String(contentsOfFile: configuration.aliases!, encoding: .utf8)
            .replacingOccurrences(of: "bytebrug-ict;sem.ottevanger@bytebrug.nl;2250114",
                                  with: "bytebrug-ict;sem.ottevanger@bytebrug.nl;2250387")
            .write(to: aliases, atomically: true, encoding: .utf8)
        configuration.aliases = aliases.path
        let second = try NightlyRun(configuration: configuration, store: store).run()
        #expect(second.findings.map(\.rule) == [AliasFindings.movedRule])
        let findings = try runRecordCSV(URL(fileURLWithPath: second.runFolder), "findings.csv")
        #expect(findings.count == 2)
        #expect(findings.last?.hasPrefix("alias.moved;warning;") == true, "\(findings)")
        #expect(findings.last?.contains("was 2250114, now 2250387") == true, "\(findings)")
    }
}
