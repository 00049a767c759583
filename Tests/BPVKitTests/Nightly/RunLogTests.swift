@testable import BPVKit
import Foundation
import Logging
import Testing

@Suite struct RunLogTests {
    static let time = Date(timeIntervalSince1970: 1_796_000_000)

    @Test func aTextLineHasTimeLevelFieldsAndMessage() {
        let line = BPVLogHandler.line(time: Self.time, level: .info, label: "bpv.run", message: "step done",
                                      metadata: ["step": "hours", "seconds": "0.5"], format: .text)
        #expect(line == "2026-11-30T00:53:20Z info seconds=0.5 step=hours: step done\n")
    }

    @Test func aJSONLineIsOneObjectWithTheFieldsAtTheTop() throws {
        let line = BPVLogHandler.line(time: Self.time, level: .error, label: "bpv.run", message: "file \"x\" failed",
                                      metadata: ["step": "files"], format: .json)
        #expect(line.hasSuffix("}\n") && !line.dropLast().contains("\n"))
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
        #expect(object == ["time": "2026-11-30T00:53:20Z", "level": "error", "label": "bpv.run",
                           "message": "file \"x\" failed", "step": "files"])
    }

    @Test func theRunLogFileIsWrittenBesideTheRecordOwnerAndGroupOnly() throws {
        let path = Fixture.temporaryFolder().appendingPathComponent("run.log").path
        let sink = LogFileSink()
        sink.open(path)
        var logger = Logger(label: "test") { label in
            BPVLogHandler(label: label, format: .text, sink: sink, toStandardError: false)
        }
        logger.logLevel = .info
        logger.debug("not at info")
        logger.info("kept")
        sink.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix(" info kept\n") && !text.contains("not at info"))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o640)
    }
}
