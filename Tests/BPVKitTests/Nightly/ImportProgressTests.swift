@testable import BPVKit
import Foundation
import Testing

@Suite struct ImportProgressTests {
    @Test func theLineSaysHowFarAndHowFast() {
        #expect(ImportProgress.line(name: "export.csv", read: 12_582_912, size: 41_943_040, seconds: 3)
                == "reading export.csv: 12.0 of 40.0 MiB (30%), 4.0 MiB/s")
        #expect(ImportProgress.line(name: "x.xml", read: 0, size: 0, seconds: 0) == "reading x.xml: 0.0 of 0.0 MiB (0%), 0.0 MiB/s")
        #expect(ImportProgress.line(name: "x.csv", read: 41_943_040, size: 41_943_040, seconds: 10).contains("(100%)"))
    }

    @Test func thePositionIsReadFromTheDescriptorOpenOnTheFile() throws {
        let path = Fixture.temporaryFolder().appendingPathComponent("big.csv").path
        FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x41, count: 10_000))
        let handle = try #require(FileHandle(forReadingAtPath: path))
        _ = try handle.read(upToCount: 4096)
        #expect(ImportProgress.position(of: path) == 4096)
        try handle.close()
        #expect(ImportProgress.position(of: path) == nil)
    }

    @Test func silentWhenNotATerminal() {
        let progress = ImportProgress(enabled: false)
        progress.start("/nonexistent")
        progress.finish()   // nothing written, no thread started
    }
}
