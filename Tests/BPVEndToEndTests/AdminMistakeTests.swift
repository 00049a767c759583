import Foundation
import Testing

/// Following the README as a new admin would (issue #10, item 9): the mistakes that doubled hours, lost alias
/// changes or gave false all-clears.
@Suite struct AdminMistakeTests {
    @Test func aReadCommandWithoutConfigurationOrDatabaseSaysSoAndCreatesNothing() throws {
        let folder = BPVProcess.temporaryFolder()
        let outcome = try BPVProcess.run(["alias", "unresolved"], in: folder)
        #expect(outcome.status == 64, "\(outcome.output)")
        #expect(outcome.stderr.contains("no store given: name it with --db, or a bpv.yaml with --config or $BPV_CONFIG"))
        #expect(!outcome.output.contains("no unresolved employees"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "no bpv.sqlite appears")
    }

    @Test func aReadCommandNextToABPVYAMLUsesItAndNeverCreatesTheDatabase() throws {
        let school = try SampleSchoolCopy()
        let samples = school.root.appendingPathComponent("samples")
        let outcome = try BPVProcess.run(["alias", "unresolved"], in: samples)
        #expect(outcome.status == 1, "\(outcome.output)")
        #expect(outcome.stderr.contains("no store at \(school.out.path)/bpv.sqlite: nothing has been imported into it yet"))
        #expect(!FileManager.default.fileExists(atPath: school.out.appendingPathComponent("bpv.sqlite").path))
        // After a run, the same command answers from the run's store, found through ./bpv.yaml or $BPV_CONFIG.
        #expect(try school.run().status == 0)
        let here = try BPVProcess.run(["alias", "unresolved"], in: samples)
        #expect(here.status == 0)
        #expect(here.stdout.contains("noor.hesselink@bytebrug.nl"))
        let elsewhere = try BPVProcess.run(["alias", "unresolved"], environment: ["BPV_CONFIG": school.config])
        #expect(elsewhere.stdout == here.stdout)
    }

    @Test func anUnknownEmployerOrAMalformedStudentnummerIsRefused() throws {
        let school = try SampleSchoolCopy()
        #expect(try school.run().status == 0)
        let typo = try school.bpv(["import", "hours", "--employer", "bytebrug",
                                   "--mapping", school.root.appendingPathComponent("mappings/hours/toggl-detailed.yaml").path,
                                   school.inbox("hours/bytebrug-ict/Toggl_Track_time_entries_2026-10-01_to_2026-11-30.csv")])
        #expect(typo.status == 64, "\(typo.output)")
        #expect(typo.stderr.contains("unknown employer 'bytebrug': known employers: podiumbouw-oost,"))
        #expect(!typo.stdout.contains("stored"))
        let student = try school.bpv(["alias", "add", "--employer", "bytebrug-ict", "--identity", "x@y.nl", "--student", "abc"])
        #expect(student.status == 64)
        #expect(student.stderr.contains("--student 'abc' is not a studentnummer (5 to 10 digits)"))
        let employer = try school.bpv(["alias", "add", "--employer", "nobody", "--identity", "x@y.nl", "--student", "2250114"])
        #expect(employer.status == 64)
        #expect(employer.stderr.contains("unknown employer 'nobody'"))
    }

    @Test func switchingAnEmployersMappingInBPVYAMLDoesNotDoubleItsHours() throws {
        let school = try SampleSchoolCopy()
        #expect(try school.run().status == 0)
        // The README's walkthrough: the same export read with another mapping file (here a renamed copy).
        let original = school.root.appendingPathComponent("mappings/hours/toggl-detailed.yaml")
        let copy = school.root.appendingPathComponent("mappings/hours/toggl-detailed-v2.yaml")
        let text = try String(contentsOf: original, encoding: .utf8)
        try text.replacingOccurrences(of: "name: toggl-detailed", with: "name: toggl-detailed-v2")
            .write(to: copy, atomically: true, encoding: .utf8)
        try school.editConfig { $0.replacingOccurrences(of: "mapping: ../mappings/hours/toggl-detailed.yaml",
                                                        with: "mapping: ../mappings/hours/toggl-detailed-v2.yaml") }
        let second = try school.run()
        #expect(second.status == 0, "\(second.output)")
        let toggl = try #require(try school.lastRunFiles().first { ($0["file"] as? String)?.contains("Toggl") == true })
        let counts = try #require(toggl["counts"] as? [String: Any])
        #expect(toggl["outcome"] as? String == "imported")
        #expect((counts["entries_stored"] as? Int) ?? 0 > 0)
        #expect(counts["superseded"] as? Int == counts["entries_stored"] as? Int, "every earlier entry replaced")
        #expect(try school.run().stdout.contains("same    \(school.inbox("hours/bytebrug-ict/Toggl"))"))
    }

    @Test func aRepointedAliasTakesItsEntriesAlongAndTheAliasFileWinsOverAliasAdd() throws {
        let school = try SampleSchoolCopy()
        #expect(try school.run().status == 0)
        let add = try school.bpv(["alias", "add", "--employer", "bytebrug-ict", "--identity", "sem.ottevanger@bytebrug.nl",
                                  "--student", "2250387"])
        #expect(add.status == 0, "\(add.output)")
        #expect(add.stdout.contains("to 2250387"))
        let moved = add.stdout.components(separatedBy: "moved: ").last?.prefix { $0 != " " } ?? ""
        #expect((Int(moved) ?? 0) > 0, "\(add.stdout)")
        // The nightly alias file still says 2250114: it wins, and the run says so.
        let night = try school.run()
        #expect(night.status == 3, "\(night.output)")
        #expect(night.stdout.contains("the alias file says 2250114, `bpv alias add` set 2250387"))
        let findings = try String(contentsOfFile: school.out.appendingPathComponent("runs").path + "/"
                                  + (try FileManager.default.contentsOfDirectory(atPath: school.out.appendingPathComponent("runs").path).sorted().last!)
                                  + "/findings.csv", encoding: .utf8)
        #expect(findings.contains("alias.moved"))
    }

    @Test func filesBPVCreatesAreNotReadableByOthersWhateverTheUmask() throws {
        let school = try SampleSchoolCopy()
        #expect(try school.run(umask: "000").status == 0)
        let manager = FileManager.default
        let database = school.out.appendingPathComponent("bpv.sqlite").path
        #expect((try manager.attributesOfItem(atPath: database)[.posixPermissions] as? Int ?? 0) & 0o077 == 0)
        let runs = school.out.appendingPathComponent("runs")
        let run = runs.appendingPathComponent(try manager.contentsOfDirectory(atPath: runs.path).sorted().last!)
        for name in try manager.contentsOfDirectory(atPath: run.path) {
            let mode = try manager.attributesOfItem(atPath: run.appendingPathComponent(name).path)[.posixPermissions] as? Int ?? 0
            #expect(mode & 0o027 == 0, "\(name): \(String(mode, radix: 8))")
        }
    }
}

/// The README's demo run twice: the second run recognises every file, and keeps a run record of its own.
@Suite struct DemoTwiceTests {
    @Test func theSecondRunChangesNothingAndKeepsItsOwnRunRecord() throws {
        let school = try SampleSchoolCopy()
        #expect(try school.run().status == 0)
        let second = try school.run()
        #expect(second.status == 0, "\(second.output)")
        let files = try school.lastRunFiles()
        #expect(!files.isEmpty)
        #expect(files.allSatisfy { $0["outcome"] as? String == "already_imported" }, "\(second.stdout)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: school.out.appendingPathComponent("runs").path)
        #expect(runs.count == 2, "\(runs)")
    }
}

/// `bpv config show`: the configuration as bpv reads it, defaults filled in.
@Suite struct ConfigShowTests {
    @Test func theSampleConfigurationShowsItsResolvedPathsAndTheRulesDefaults() throws {
        let school = try SampleSchoolCopy()
        let shown = try school.bpv(["config", "show"])
        #expect(shown.status == 0, "\(shown.output)")
        #expect(shown.stdout.contains("database: \(school.out.path)/bpv.sqlite"))
        #expect(shown.stdout.contains("    leerbedrijf: (none: an uitzendbureau or holding)"), "flexpool-uitzend")
        #expect(shown.stdout.contains("  counted_categories: [other, training, travel_jobs, work]"))
        #expect(shown.stdout.contains("  approval: warn"))
        let none = try BPVProcess.run(["config", "show"])
        #expect(none.status == 64)
    }
}
