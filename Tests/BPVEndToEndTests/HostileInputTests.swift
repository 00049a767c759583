import Foundation
import Testing

/// Hostile and unlucky input through the built `bpv`, as issue #10 found it: each of these crashed, hung or lost
/// data before its fix.
@Suite struct HostileInputTests {
    @Test func anXMLFileWhoseImportCannotStartFailsCleanlyAndTheNextFileIsStillRead() throws {
        // No --employer: the reader is opened, then the mapper refuses. The parse thread used to run on into
        // freed tables (SIGSEGV, every time) and the second file was never read.
        let folder = BPVProcess.temporaryFolder()
        let xml = BPVProcess.repo("samples/inbox/hours/tijdwerk-uitzend/TimeCard_TW-40117_2026-W49.xml")
        let outcome = try BPVProcess.run(["import", "hours", "--db", folder.appendingPathComponent("x.sqlite").path,
                                          "--mapping", BPVProcess.repo("mappings/hours/setu-timecard.yaml"), xml, xml],
                                         in: folder)
        #expect(!outcome.crashed, "\(outcome.output)")
        #expect(outcome.status == 4)
        let failures = outcome.stdout.components(separatedBy: "no employer: give --employer").count - 1
        #expect(failures == 2, "both files are read and refused:\n\(outcome.stdout)")
    }
}

/// Only regular files inside the inbox are read; anything else is refused with a reason and the run goes on.
@Suite struct InboxFileTypeTests {
    /// The outcome and message `run.json` gives the file whose path ends with `suffix`.
    func entry(_ run: [String: Any], _ suffix: String) -> (outcome: String, message: String)? {
        let files = run["files"] as? [[String: Any]] ?? []
        guard let file = files.first(where: { ($0["file"] as? String)?.hasSuffix(suffix) == true }) else { return nil }
        return (file["outcome"] as? String ?? "", file["message"] as? String ?? "")
    }

    @Test func aFIFOInAnEmployerFolderIsRefusedAndEveryOtherFileIsImported() throws {
        let school = try SampleSchoolCopy()
        #expect(mkfifo(school.inbox("hours/bytebrug-ict/fifo.csv"), 0o600) == 0)
        let outcome = try school.run(timeout: 60)
        #expect(!outcome.crashed, "the run hung or crashed:\n\(outcome.output)")
        #expect(outcome.status == 4, "\(outcome.output)")
        let run = try school.lastRunJSON()
        let fifo = try #require(entry(run, "fifo.csv"))
        #expect(fifo.outcome == "failed")
        #expect(fifo.message.contains("is a FIFO (named pipe), not a regular file"))
        #expect(entry(run, "TimeCard_TW-40122_2026-W49.xml")?.outcome == "imported", "later employers still run")
    }

    @Test func aLinkToADeviceIsRefused() throws {
        let school = try SampleSchoolCopy()
        try FileManager.default.createSymbolicLink(atPath: school.inbox("hours/bytebrug-ict/zero.csv"),
                                                   withDestinationPath: "/dev/zero")
        // Allowed out of the inbox, so that the device check itself is what refuses it.
        let config = try String(contentsOfFile: school.config, encoding: .utf8)
        try (config + "\nfollow_links_out_of_inbox: true\n").write(toFile: school.config, atomically: true, encoding: .utf8)
        let outcome = try school.run(timeout: 60)
        #expect(!outcome.crashed, "the run hung or crashed:\n\(outcome.output)")
        let zero = try #require(entry(try school.lastRunJSON(), "zero.csv"))
        #expect(zero.outcome == "failed")
        #expect(zero.message.contains("is a device, not a regular file"))
    }

    @Test func aLinkOutOfTheInboxIsNotFollowedAndNothingOfItsTargetIsEchoed() throws {
        let school = try SampleSchoolCopy()
        let secret = school.root.appendingPathComponent("secret.csv")
        try "root:x:0:0:root:/root:/bin/bash\n".write(to: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: school.inbox("hours/bytebrug-ict/passwd.csv"),
                                                   withDestinationPath: secret.path)
        // A link that stays inside the inbox is read as usual.
        try FileManager.default.createSymbolicLink(
            atPath: school.inbox("hours/bytebrug-ict/again.csv"),
            withDestinationPath: school.inbox("hours/bytebrug-ict/Toggl_Track_time_entries_2026-10-01_to_2026-11-30.csv"))
        let outcome = try school.run()
        #expect(!outcome.output.contains("root:x:0"), "\(outcome.output)")
        let run = try school.lastRunJSON()
        let passwd = try #require(entry(run, "passwd.csv"))
        #expect(passwd.outcome == "failed")
        #expect(passwd.message.contains("outside the inbox"))
        #expect(passwd.message.contains("follow_links_out_of_inbox"))
        #expect(entry(run, "again.csv")?.outcome == "already_imported", "the same bytes as the file it links to")
    }
}
