import BPVKit
import Foundation
import Testing

/// How `bpv` ends, as cron and an admin see it: the version, and one exit code of each kind (see
/// `Sources/bpv/ExitCodes.swift`): 0 all stored, 3 rejects, 4 a file failed as a whole, 1 an error, 64 usage.
@Suite struct ExitCodeTests {
    /// A one-employer school in a fresh folder, reading the bad-input fixtures' timesheet format.
    struct TinySchool {
        let root = BPVProcess.temporaryFolder()
        var config: String { root.appendingPathComponent("bpv.yaml").path }
        var mapping: String { root.appendingPathComponent("timesheet.yaml").path }
        var inbox: URL { root.appendingPathComponent("inbox/hours/podiumbouw-oost") }

        init() throws {
            try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Self.fixture("timesheet.yaml"), toPath: mapping)
            try """
                database: bpv.sqlite
                output: out
                inbox: inbox
                files: { after_import: keep, settle_minutes: 0 }
                employers:
                  - id: podiumbouw-oost
                    name: Podiumbouw Oost B.V.
                    folder: hours/podiumbouw-oost
                    mapping: timesheet.yaml

                """.write(toFile: config, atomically: true, encoding: .utf8)
        }

        static func fixture(_ name: String) -> String { BPVProcess.repo("Tests/BPVKitTests/Fixtures/bad/\(name)") }

        /// Copies a bad-input fixture into the employer's inbox folder; returns the copy's path.
        @discardableResult
        func deliver(_ name: String) throws -> String {
            let path = inbox.appendingPathComponent(name).path
            try FileManager.default.copyItem(atPath: Self.fixture(name), toPath: path)
            return path
        }

        func bpv(_ arguments: [String]) throws -> BPVProcess.Outcome {
            try BPVProcess.run(arguments + ["--config", config], in: root)
        }
    }

    @Test func versionPrintsTheLibrarysVersion() throws {
        let outcome = try BPVProcess.run(["--version"])
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(outcome.stdout == "bpv \(BPVKit.version)\n")
        #expect(outcome.stdout.wholeMatch(of: #/bpv \d+\.\d+\.\d+\n/#) != nil)
        #expect(outcome.stderr.isEmpty)
        let help = try BPVProcess.run(["--help"])
        #expect(help.stdout.contains("--version"))
        #expect(help.stdout.replacingOccurrences(of: "\n", with: " ").contains(
            "Exit codes: 0 all stored; 1 run failed (store, disk or internal error); 3 completed with rejects (listed "
            + "and stored); 4 a file failed as a whole (nothing of it stored, the others went on); 75 already running "
            + "(another run holds the lock); 78 configuration error (bpv.yaml); 64 usage error."))
    }

    @Test func aUsageErrorEndsWith64AndTheUsage() throws {
        let school = try TinySchool()
        let unknown = try school.bpv(["run", "--frobnicate"])
        #expect(unknown.status == 64, "\(unknown.output)")
        #expect(unknown.stderr.contains("Error: Unknown option '--frobnicate'"))
        #expect(unknown.stderr.contains("Usage: bpv run"))
        // A command's own usage error (CLIError.usage): an employer bpv.yaml does not list.
        let file = try school.deliver("ragged.csv")
        let employer = try school.bpv(["import", "hours", "--employer", "podiumbouw", "--mapping", school.mapping, file])
        #expect(employer.status == 64, "\(employer.output)")
        #expect(employer.stderr.contains("Error: unknown employer 'podiumbouw': known employers: podiumbouw-oost"))
        #expect(!employer.stdout.contains("stored"))
    }

    @Test func rejectedRecordsEndWith3() throws {
        let school = try TinySchool()
        let file = try school.deliver("ragged.csv")
        let run = try school.bpv(["run"])
        #expect(run.status == 3, "\(run.output)")
        #expect(run.stdout.contains("REJECTS \(file): 4 records read, 2 stored, 2 rejected"))
        #expect(run.stdout.contains("Result: completed with rejects (exit 3)"))
        // A file by hand: the import command ends the same way.
        let again = try school.bpv(["import", "hours", "--employer", "podiumbouw-oost", "--mapping", school.mapping,
                                    TinySchool.fixture("bad-date.csv")])
        #expect(again.status == 3, "\(again.output)")
    }

    @Test func aFileThatFailsAsAWholeEndsWith4AndOutweighsRejects() throws {
        let school = try TinySchool()
        let failing = try school.deliver("missing-columns.csv")
        try school.deliver("ragged.csv")
        let run = try school.bpv(["run"])
        #expect(run.status == 4, "\(run.output)")
        #expect(run.stdout.contains("FAILED  \(failing)\n"))
        #expect(run.stdout.contains("nothing of this file was stored"))
        #expect(run.stdout.contains("REJECTS "), "the other file went on")
        #expect(run.stdout.contains("Result: completed; some files failed as a whole (exit 4)"))
        let byHand = try school.bpv(["import", "hours", "--employer", "podiumbouw-oost", "--mapping", school.mapping, failing])
        #expect(byHand.status == 4, "\(byHand.output)")
    }

    @Test func aConfigurationErrorEndsWith78() throws {
        let folder = BPVProcess.temporaryFolder()
        let outcome = try BPVProcess.run(["run", "--config", folder.appendingPathComponent("missing.yaml").path], in: folder)
        #expect(outcome.status == 78, "\(outcome.output)")
        #expect(outcome.stderr.hasPrefix("Error: "))
        #expect(outcome.stderr.contains("missing.yaml: cannot read the configuration file"))
    }
}
