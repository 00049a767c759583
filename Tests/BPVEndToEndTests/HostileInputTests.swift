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
