import BPVKit
import Foundation
import Testing

/// The nightly run as cron starts it: the lock, the file lifecycle, the dry run, the metrics, and the faults of a
/// machine (a read-only archive, a missing inbox, a full disk) with a clear error, nothing lost, and a next run
/// that succeeds.
@Suite struct NightlyOperationTests {
    @Test func aSecondRunWhileOneHoldsTheLockExitsAtOnceWithAlreadyRunning() throws {
        let school = try NightlySchool()
        try FileManager.default.createDirectory(at: school.school.out, withIntermediateDirectories: true)
        let lock = try RunLock(path: school.database + ".lock")
        let second = try school.run()
        #expect(second.status == 75, "\(second.output)")
        #expect(second.stderr.contains("already running (pid \(getpid()) since "), "\(second.stderr)")
        #expect(school.files(under: "archive").isEmpty, "the second run did nothing")
        lock.release()
        #expect(try school.run().status == 4)
    }

    @Test func twoConcurrentStartsOneRunsOneSaysAlreadyRunning() throws {
        let school = try NightlySchool()
        let processes = (0..<2).map { _ in
            let process = Process()
            process.executableURL = BPVProcess.executable
            process.arguments = ["run", "--config", school.school.config]
            process.currentDirectoryURL = school.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus).sorted() == [4, 75])
        #expect(school.files(under: "quarantine") == ["hours/bytebrug-ict/leeg-export.csv"])
    }

    @Test func aStaleLockOfAKilledRunIsTakenOver() throws {
        let school = try NightlySchool()
        let killed = try school.run(environment: ["BPV_FAULT": "job.locked"])
        #expect(killed.crashed)
        #expect(FileManager.default.fileExists(atPath: school.database + ".lock"))
        let next = try school.run()
        #expect(next.status == 4, "\(next.output)")
    }

    @Test func filesEndInTheArchiveOrTheQuarantineWithTheReasonBeside() throws {
        let school = try NightlySchool()
        let outcome = try school.run()
        #expect(outcome.status == 4, "\(outcome.output)")
        #expect(school.files(under: "inbox").isEmpty)
        #expect(school.files(under: "archive").contains("hours/podiumbouw-oost/Roosterdetail_01-10-2026_30-11-2026.csv"))
        #expect(school.files(under: "quarantine") == ["hours/bytebrug-ict/leeg-export.csv"])
        let quarantine = school.samples.appendingPathComponent("quarantine")
        let day = try FileManager.default.contentsOfDirectory(atPath: quarantine.path).first!
        let reason = try String(contentsOfFile: quarantine.appendingPathComponent(day)
            .appendingPathComponent("hours/bytebrug-ict/leeg-export.csv.error.txt").path, encoding: .utf8)
        #expect(reason.contains("the file is empty (0 bytes)"))
        // The next night finds an empty inbox and changes nothing.
        let before = try school.storeContents()
        #expect(try school.run().status == 0)
        #expect(try school.storeContents()["hour_entry"] == before["hour_entry"])
    }

    @Test func aFileStillBeingWrittenIsLeftForTheNextRun() throws {
        let school = try NightlySchool(emptyFile: false)
        try school.school.editConfig { $0.replacingOccurrences(of: "settle_minutes: 0", with: "settle_minutes: 5") }
        let path = school.school.inbox("hours/bytebrug-ict/Toggl_Track_time_entries_2026-10-01_to_2026-11-30.csv")
        let old = Date().addingTimeInterval(-3600)
        let inbox = school.samples.appendingPathComponent("inbox").path
        for file in FileManager.default.enumerator(atPath: inbox)!.compactMap({ $0 as? String }) {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: inbox + "/" + file)
        }
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
        FileManager.default.createFile(atPath: school.school.inbox("hours/bytebrug-ict/upload.csv.part"), contents: Data("x".utf8))
        let outcome = try school.run()
        #expect(outcome.stdout.contains("waiting \(path): still being written"), "\(outcome.output)")
        #expect(school.files(under: "inbox") == ["hours/bytebrug-ict/Toggl_Track_time_entries_2026-10-01_to_2026-11-30.csv",
                                                 "hours/bytebrug-ict/upload.csv.part"])
    }

    @Test func aDryRunRunsEverythingOnACopyAndMovesNothing() throws {
        let school = try NightlySchool()
        let dry = try school.run(["--dry-run"])
        #expect(dry.status == 4, "a dry run ends as the real run would: \(dry.output)")
        #expect(dry.stdout.contains("DRY RUN"))
        #expect(dry.stdout.contains("(unchanged: the dry run worked on a copy)"))
        #expect(!FileManager.default.fileExists(atPath: school.database), "the store was not created")
        #expect(school.files(under: "archive").isEmpty && school.files(under: "quarantine").isEmpty)
        let dryRuns = school.school.out.appendingPathComponent("dry-runs")
        let folders = try FileManager.default.contentsOfDirectory(atPath: dryRuns.path)
        #expect(folders.count == 1, "only the record: the store's copy is gone: \(folders)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dryRuns.appendingPathComponent(folders[0])
            .appendingPathComponent("run.json"))) as! [String: Any]
        #expect(json["dry_run"] as? Bool == true)
        #expect(((json["files"] as? [Any])?.count ?? 0) > 10, "every file was read")
        // Its report is inside its record and says it is a dry run; nothing went to the real reports or exports.
        let report = try String(contentsOf: dryRuns.appendingPathComponent(folders[0]).appendingPathComponent("report/index.html"),
                                encoding: .utf8)
        #expect(report.contains("<strong>Proefdraai</strong>"))
        for folder in ["reports", "exports"] {
            #expect(!FileManager.default.fileExists(atPath: school.school.out.appendingPathComponent(folder).path), "\(folder)")
        }
        #expect(try school.run().status == 4)
        let real = try FileManager.default.contentsOfDirectory(atPath: school.school.out.appendingPathComponent("reports").path)
            .filter { $0 != "index.html" }
        #expect(real.count == 1)
        let realReport = try String(contentsOf: school.school.out.appendingPathComponent("reports/\(real[0])/index.html"),
                                    encoding: .utf8)
        #expect(!realReport.contains("Proefdraai"))
        // After a real night, a dry run leaves the store exactly as it was.
        let before = try school.storeContents()
        #expect(try school.run(["--dry-run"]).status == 0)
        #expect(try school.storeContents() == before)
    }

    @Test func aDryRunMeetsTheSameErrorsAsTheRealRun() throws {
        let school = try NightlySchool()
        let mapping = school.root.appendingPathComponent("mappings/hours/kimai-nl.yaml").path
        try "source: { format: csv, delimiter: \";\" }\nfields: {}\n".write(toFile: mapping, atomically: true, encoding: .utf8)
        let dry = try school.run(["--dry-run"])
        let real = try school.run()
        #expect(dry.status == real.status && real.status == 4, "\(dry.output)\n\(real.output)")
        func problems(_ outcome: BPVProcess.Outcome) -> [String] {
            outcome.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("problem: ") || $0.hasPrefix("FAILED") }
        }
        #expect(problems(dry) == problems(real))
        #expect(problems(dry).contains { $0.hasPrefix("problem: employer klankwerk-events: mapping \(mapping) cannot be used") },
                "\(dry.stdout)")
    }

    @Test func anArchiveThatCannotBeWrittenIsAClearErrorAndTheNextRunSucceeds() throws {
        let school = try NightlySchool(emptyFile: false)
        let blocker = school.root.appendingPathComponent("not-a-folder")
        FileManager.default.createFile(atPath: blocker.path, contents: Data("x".utf8))
        try school.school.editConfig { $0.replacingOccurrences(of: "after_import: archive",
                                                               with: "after_import: archive\n  archive: ../not-a-folder/archive") }
        let failed = try school.run()
        #expect(failed.status == 1, "\(failed.output)")
        #expect(failed.stdout.contains("cannot create \(blocker.path)/archive/"), "\(failed.output)")
        #expect(failed.stdout.contains("the file stays in the inbox"))
        let inbox = school.files(under: "inbox")
        #expect(inbox.count > 10, "every file still in the inbox")
        try FileManager.default.removeItem(at: blocker)
        let next = try school.run()
        #expect(next.status == 0, "\(next.output)")
        #expect(school.files(under: "inbox").isEmpty)
        #expect(next.stdout.contains("same "), "recognised, not imported again")
    }

    @Test func aMissingInboxIsAClearErrorAndNothingHappens() throws {
        let school = try NightlySchool(emptyFile: false)
        let inbox = school.samples.appendingPathComponent("inbox"), away = school.samples.appendingPathComponent("away")
        try FileManager.default.moveItem(at: inbox, to: away)
        let failed = try school.run()
        #expect(failed.status == 1, "\(failed.output)")
        #expect(failed.stderr.contains("the inbox \(inbox.path) does not exist"), "\(failed.stderr)")
        try FileManager.default.moveItem(at: away, to: inbox)
        #expect(try school.run().status == 0)
    }

    @Test func aFullDiskWhileStoringIsAClearErrorAndTheNextRunSucceeds() throws {
        let school = try NightlySchool(emptyFile: false)
        let failed = try school.run(environment: ["BPV_FAULT": "hours.file@3:enospc"])
        #expect(failed.status == 1, "\(failed.output)")
        #expect(failed.stderr.contains("No space left on device"), "\(failed.stderr)")
        #expect(school.files(under: "inbox").count > 10, "nothing moved")
        let next = try school.run()
        #expect(next.status == 0, "\(next.output)")
        #expect(school.files(under: "inbox").isEmpty)
        let clean = try NightlySchool(emptyFile: false)
        _ = try clean.run()
        let ours = try school.storeContents(), theirs = try clean.storeContents()
        for (table, contents) in theirs { #expect(ours[table] == contents, "\(table)") }
    }

    @Test func theMetricsTextfileParsesAndCarriesTheLastSuccessThroughAFailure() throws {
        let school = try NightlySchool(emptyFile: false)
        #expect(try school.run().status == 0)
        let text = try String(contentsOfFile: school.metrics, encoding: .utf8)
        let samples = try PrometheusText.parse(text)
        #expect(samples["bpv_run_exit_code"] == 0)
        let success = try #require(samples["bpv_last_success_timestamp_seconds"])
        #expect(success > 1_700_000_000)
        #expect(samples["bpv_records_imported{feed=\"podiumbouw-oost\"}"] == 32)
        let mode = try FileManager.default.attributesOfItem(atPath: school.metrics)[.posixPermissions] as? Int
        #expect(mode == 0o644)
        // A failed night: exit 1 in the file, the last success kept.
        _ = try school.run(environment: ["BPV_FAULT": "step.reconcile:enospc"])
        let after = try PrometheusText.parse(try String(contentsOfFile: school.metrics, encoding: .utf8))
        #expect(after["bpv_run_exit_code"] == 1)
        #expect(after["bpv_last_success_timestamp_seconds"] == success)
    }
}

/// A database on a really full disk: a small tmpfs (when the tests run as root and may mount one).
@Suite(.serialized) struct FullDiskTests {
    static func mount(_ folder: URL, _ options: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = ["-t", "tmpfs", "-o", options, "tmpfs", folder.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount")))
    func aDatabaseOnAFullDiskIsAClearErrorNothingIsLostAndTheNextRunSucceeds() throws {
        let school = try NightlySchool(emptyFile: false)
        let disk = school.root.appendingPathComponent("small-disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        // Not allowed to mount here (a container without the right): the injected ENOSPC test stands in.
        guard Self.mount(disk, "size=232k") else { return }
        defer {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/umount")
            process.arguments = [disk.path]
            try? process.run()
            process.waitUntilExit()
        }
        try school.school.editConfig { $0.replacingOccurrences(of: "database: ../out/bpv.sqlite",
                                                               with: "database: ../small-disk/bpv.sqlite") }
        let failed = try BPVProcess.run(["run", "--config", school.school.config], in: school.root)
        #expect(failed.status == 1, "\(failed.output)")
        #expect(failed.stderr.contains("database or disk is full"), "\(failed.stderr)")
        #expect(school.files(under: "archive").isEmpty, "nothing moved: \(school.files(under: "archive"))")
        #expect(school.files(under: "inbox").count > 10)
        // Room again: the next run imports everything and moves every file.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = ["-o", "remount,size=64m", disk.path]
        try process.run()
        process.waitUntilExit()
        let next = try BPVProcess.run(["run", "--config", school.school.config], in: school.root)
        #expect(next.status == 0, "\(next.output)")
        #expect(school.files(under: "inbox").isEmpty)
        #expect(next.stdout.contains("ok      "), "imported now")
        let clean = try NightlySchool(emptyFile: false)
        _ = try clean.run()
        let ours = try school.storeContents(at: disk.appendingPathComponent("bpv.sqlite").path)
        for (table, contents) in try clean.storeContents() where ours[table] != nil {
            #expect(ours[table] == contents, "\(table)")
        }
    }
}
