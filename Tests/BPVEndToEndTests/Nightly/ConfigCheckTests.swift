import Foundation
import Testing

/// `bpv config check`: what the nightly run would do, or why it cannot (exit 78), before a night depends on it.
@Suite struct ConfigCheckTests {
    @Test func theSampleSchoolChecksOutAndThePlanNamesEveryStepAndFeed() throws {
        let school = try SampleSchoolCopy()
        let outcome = try school.bpv(["config", "check"])
        #expect(outcome.status == 0, "\(outcome.output)")
        for line in ["  1. aliases: ", "  2. hours: ", "  4. files: ", "  6. results: ", "  7. record: ",
                     "  podiumbouw-oost: \(school.inbox("hours/podiumbouw-oost")): 1 file(s) to import with shiftbase-roosterdetail",
                     "Files: stay in the inbox (files.after_import: keep)", "Lock: \(school.out.path)/bpv.sqlite.lock"] {
            #expect(outcome.stdout.contains(line), "\(line)\n\(outcome.stdout)")
        }
        #expect(outcome.stdout.hasSuffix("samples/bpv.yaml: ok\n"))
        #expect(!FileManager.default.fileExists(atPath: school.out.path), "a check writes nothing")
        let shown = try school.bpv(["config", "show"])
        for line in ["files:\n  after_import: keep\n", "  settle_minutes: 0\n", "lock: \(school.out.path)/bpv.sqlite.lock\n",
                     "metrics: (none)\n", "log:\n  format: text\n  level: info\n"] {
            #expect(shown.stdout.contains(line), "\(line)")
        }
    }

    @Test func aMissingEmployerFolderIsAConfigurationError() throws {
        let school = try SampleSchoolCopy()
        try FileManager.default.removeItem(atPath: school.inbox("hours/netwerk-noord"))
        let outcome = try school.bpv(["config", "check"])
        #expect(outcome.status == 78, "\(outcome.output)")
        #expect(outcome.stderr.contains("error: employer netwerk-noord: its folder \(school.inbox("hours/netwerk-noord")) does not exist"))
        // The nightly run itself goes on with the others and lists the problem (exit 3).
        let run = try school.run()
        #expect(run.status == 3, "\(run.output)")
        #expect(run.stdout.contains("problem: employer netwerk-noord: its folder"))
    }

    @Test func aPasswordInTheFileStopsEveryCommandWith78() throws {
        let school = try SampleSchoolCopy()
        try school.editConfig { $0 + "\npassword: geheim\n" }
        for arguments in [["config", "check"], ["config", "show"], ["run"], ["poks"]] {
            let outcome = try BPVProcess.run(arguments + ["--config", school.config], in: school.root)
            #expect(outcome.status == 78, "\(arguments): \(outcome.output)")
            #expect(outcome.stderr.contains("'password' holds a secret: a password never goes in bpv.yaml"), "\(arguments)")
        }
    }

    @Test func aTypoInAKeyStopsTheRunBeforeAnythingIsImported() throws {
        let school = try SampleSchoolCopy()
        try school.editConfig { $0.replacingOccurrences(of: "employers:", with: "employes:") }
        let outcome = try school.run()
        #expect(outcome.status == 78, "\(outcome.output)")
        #expect(outcome.stderr.contains("unknown key 'employes'"))
        #expect(!FileManager.default.fileExists(atPath: school.out.path))
    }
}
