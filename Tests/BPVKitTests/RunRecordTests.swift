@testable import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// Which files make up a run record (``NightlyRun/runRecord(of:run:)``): the layouts themselves are the golden-file
/// tests' business (RunRecordGoldenTests).
@Suite struct RunRecordTests {
    /// The sample school's hours and aliases only: a copy of samples/ whose bpv.yaml ends before its reference
    /// data (the reference lists, other lists and POKs), so the run checks no accreditation.
    static func hoursOnly() throws -> (BPVConfiguration, URL) {
        let folder = Fixture.temporaryFolder()
        for name in ["samples", "mappings"] {
            try FileManager.default.copyItem(at: Fixture.repository.appendingPathComponent(name),
                                             to: folder.appendingPathComponent(name))
        }
        let path = folder.appendingPathComponent("samples/bpv.yaml")
        let text = try String(contentsOf: path, encoding: .utf8)
        let cut = try #require(text.range(of: "\n# Reference data"), "samples/bpv.yaml has its reference section")
        try String(text[..<cut.lowerBound] + "\n").write(to: path, atomically: true, encoding: .utf8)
        var configuration = try BPVConfiguration.load(path: path.path)
        configuration.database = folder.appendingPathComponent("bpv.sqlite").path
        configuration.output = folder.appendingPathComponent("out").path
        return (configuration, folder)
    }

    @Test func withoutReferenceDataFindingsCSVIsWrittenAndKeepsTheAliasesThatMoved() throws {
        var (configuration, folder) = try Self.hoursOnly()
        let store = try SQLiteStore(path: configuration.database)
        let first = try NightlyRun(configuration: configuration, store: store).run()
        #expect(first.erkenningCheck == nil)
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
        #expect(second.findings.map(\.ruleID) == [AliasFindings.movedRule])
        let findings = try runRecordCSV(URL(fileURLWithPath: second.runFolder), "findings.csv")
        #expect(findings.count == 2)
        #expect(findings.last?.hasPrefix("alias.moved;warning;") == true, "\(findings)")
        #expect(findings.last?.contains("was 2250114, now 2250387") == true, "\(findings)")
    }

    /// The `files_written` of a run folder's run.json, as (name, purpose) pairs.
    static func filesWritten(_ folder: String) throws -> [WrittenFile] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent("run.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entries = try #require(json["files_written"] as? [[String: String]])
        return try entries.map {
            WrittenFile(fileName: try #require($0["file_name"]), purpose: try #require($0["purpose"]))
        }
    }

    @Test(arguments: [true, false])
    func runJSONListsExactlyTheFilesOfItsFolderInTheOrderWritten(referenceData: Bool) throws {
        let (configuration, _) = referenceData ? try SampleSchoolTests.configuration() : try Self.hoursOnly()
        let store = try SQLiteStore(path: configuration.database)
        let summary = try NightlyRun(configuration: configuration, store: store).run()
        let listed = try Self.filesWritten(summary.runFolder)
        #expect(listed == summary.filesWritten)
        #expect(listed.map(\.fileName) == ["rejects.csv", "unresolved.csv", "findings.csv"]
                + (referenceData ? ["erkenning.csv", "pok-status.csv", "hours.csv", "reconciliation.json"] : [])
                + ["run.json"])
        let present = try FileManager.default.contentsOfDirectory(atPath: summary.runFolder)
        #expect(Set(present) == Set(listed.map(\.fileName)), "every file listed, no other file in the folder")
        for file in listed { #expect(file.purpose.count > 20, "\(file.fileName) says what it holds") }
    }
}
