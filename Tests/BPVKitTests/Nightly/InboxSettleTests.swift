import BPVKit
import Foundation
import Testing

/// A file changed within the settle time is left for the next run; exactly at the settle time it is read.
@Suite struct InboxSettleTests {
    static func listing(modifiedSecondsAgo seconds: Double, settle: Int) throws -> InboxFiles {
        let inbox = Fixture.temporaryFolder()
        let file = inbox.appendingPathComponent("export.csv")
        FileManager.default.createFile(atPath: file.path, contents: Data("a\n".utf8))
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-seconds)], ofItemAtPath: file.path)
        return try InboxFiles.list(folder: inbox.path, inbox: inbox.path, followLinksOutOfInbox: false,
                                   settleSeconds: settle, now: now)
    }

    @Test func oneSecondShortOfTheSettleTimeTheFileWaits() throws {
        let listing = try Self.listing(modifiedSecondsAgo: 119, settle: 120)
        #expect(listing.files.isEmpty)
        #expect(listing.waiting.count == 1)
    }

    @Test func exactlyAtTheSettleTimeTheFileIsRead() throws {
        let listing = try Self.listing(modifiedSecondsAgo: 120, settle: 120)
        #expect(listing.files.count == 1)
        #expect(listing.waiting.isEmpty)
    }

    @Test func noSettleTimeReadsAFileJustWritten() throws {
        #expect(try Self.listing(modifiedSecondsAgo: 0, settle: 0).files.count == 1)
    }

    @Test func uploadNamesAreNeverListed() throws {
        let inbox = Fixture.temporaryFolder()
        for name in ["a.csv.part", "b.csv.tmp", "c.xml.filepart", "d.csv"] {
            FileManager.default.createFile(atPath: inbox.appendingPathComponent(name).path, contents: Data("x".utf8))
        }
        #expect(try NightlyRun.exportFiles(in: inbox.path).map { ($0 as NSString).lastPathComponent } == ["d.csv"])
    }
}
