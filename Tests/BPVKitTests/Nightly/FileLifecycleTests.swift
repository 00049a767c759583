@testable import BPVKit
import BPVModel
import Foundation
import Testing

@Suite struct FileLifecycleTests {
    struct Place {
        let root = Fixture.temporaryFolder()
        var inbox: URL { root.appendingPathComponent("inbox") }
        var lifecycle: FileLifecycle {
            FileLifecycle(inbox: inbox.path, archive: root.appendingPathComponent("archive").path,
                          quarantine: root.appendingPathComponent("quarantine").path, day: "2026-12-08")
        }
        func file(_ path: String, _ text: String = "a;b\n1;2\n") -> String {
            let url = inbox.appendingPathComponent(path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8))
            return url.path
        }
        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }
    }

    static func result(_ path: String, _ outcome: FileImportResult.Outcome, mapping: String = "m") -> FileImportResult {
        FileImportResult(file: path, employerID: nil, mappingName: mapping, outcome: outcome, counts: ImportCounts(),
                         batchID: nil, encoding: nil, firstRejects: [], notes: [])
    }

    @Test func anImportedFileGoesToTheArchiveUnderItsDayAndFeed() throws {
        let place = Place()
        let path = place.file("hours/podiumbouw-oost/export.csv")
        let move = try place.lifecycle.move(path, failures: [])
        #expect(move?.to == place.root.appendingPathComponent("archive/2026-12-08/hours/podiumbouw-oost/export.csv").path)
        #expect(move?.quarantined == false)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(place.exists("archive/2026-12-08/hours/podiumbouw-oost/export.csv"))
    }

    @Test func aFailedFileGoesToTheQuarantineWithItsReasonBeside() throws {
        let place = Place()
        let path = place.file("reference/sbb/list.csv", "")
        _ = try place.lifecycle.move(path, failures: ["mapping sbb: list.csv: the file is empty (0 bytes)"])
        #expect(place.exists("quarantine/2026-12-08/reference/sbb/list.csv"))
        let reason = try String(contentsOfFile: place.root.appendingPathComponent(
            "quarantine/2026-12-08/reference/sbb/list.csv.error.txt").path, encoding: .utf8)
        #expect(reason.contains("- mapping sbb: list.csv: the file is empty (0 bytes)\n"))
        #expect(reason.contains("put it back in the inbox folder reference/sbb/"))
    }

    @Test func aFileReadByThreeMappingsMovesOnceAndFailsWhenOneReadFailed() {
        let place = Place()
        let path = place.inbox.appendingPathComponent("reference/dossier/kd.xml").path
        let other = place.inbox.appendingPathComponent("hours/x/a.csv").path
        let plan = place.lifecycle.plan([
            Self.result(path, .imported, mapping: "crebos"), Self.result(other, .alreadyImported(batchID: 3)),
            Self.result(path, .failed("kd.xml:3:1: not well-formed"), mapping: "basis"),
            Self.result(path, .imported, mapping: "profielen"),
        ])
        #expect(plan.map(\.path) == [path, other])
        #expect(plan[0].failures == ["mapping basis: kd.xml:3:1: not well-formed"])
        #expect(plan[1].failures.isEmpty)
    }

    @Test func aFileOutsideTheInboxIsNeverMoved() throws {
        let place = Place()
        let outside = place.root.appendingPathComponent("school/poks.csv").path
        #expect(place.lifecycle.feed(of: outside) == nil)
        #expect(place.lifecycle.plan([Self.result(outside, .imported)]).isEmpty)
        #expect(place.lifecycle.feed(of: place.inbox.path + "-other/x.csv") == nil, "a sibling named like the inbox")
        #expect(place.lifecycle.feed(of: place.inbox.appendingPathComponent("a.csv").path) == "")
    }

    @Test func aCopyLeftInTheArchiveByAnInterruptedMoveIsFinishedNotDoubled() throws {
        let place = Place()
        let first = place.file("hours/x/a.csv")
        _ = try place.lifecycle.move(first, failures: [])
        let again = place.file("hours/x/a.csv")          // the same bytes once more in the inbox
        let move = try place.lifecycle.move(again, failures: [])
        #expect(move?.to.hasSuffix("archive/2026-12-08/hours/x/a.csv") == true)
        #expect(!FileManager.default.fileExists(atPath: again))
        #expect(try FileManager.default.contentsOfDirectory(atPath: place.root.appendingPathComponent(
            "archive/2026-12-08/hours/x").path) == ["a.csv"])
    }

    @Test func anotherFileOfTheSameNameIsKeptBesideItNeverOverwritten() throws {
        let place = Place()
        _ = try place.lifecycle.move(place.file("hours/x/a.csv", "one\n"), failures: [])
        let second = try place.lifecycle.move(place.file("hours/x/a.csv", "two\n"), failures: [])
        #expect(second?.to.hasSuffix("hours/x/a.2.csv") == true)
        let third = try place.lifecycle.move(place.file("hours/x/a.csv", "three\n"), failures: [])
        #expect(third?.to.hasSuffix("hours/x/a.3.csv") == true)
        #expect(try String(contentsOfFile: place.root.appendingPathComponent("archive/2026-12-08/hours/x/a.csv").path,
                           encoding: .utf8) == "one\n")
    }

    @Test func anArchiveThatCannotBeMadeLeavesTheFileInTheInbox() throws {
        let place = Place()
        FileManager.default.createFile(atPath: place.root.appendingPathComponent("archive").path, contents: Data())
        let path = place.file("hours/x/a.csv")
        #expect(throws: FileLifecycleError.self) { try place.lifecycle.move(path, failures: []) }
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
