import BPVKit
import Foundation
import Testing

@Suite struct RunLockTests {
    @Test func aSecondLockOnTheSameFileIsRefusedWithTheHoldersPidAndStart() throws {
        let path = Fixture.temporaryFolder().appendingPathComponent("bpv.sqlite.lock").path
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let first = try RunLock(path: path, now: start)
        #expect(try String(contentsOfFile: path, encoding: .utf8)
                == "pid \(getpid()) since \(ISO8601DateFormatter().string(from: start))\n")
        #expect(throws: RunLock.AlreadyRunning.self) { try RunLock(path: path) }
        do {
            _ = try RunLock(path: path)
        } catch let error as RunLock.AlreadyRunning {
            #expect(error.description.hasPrefix("already running (pid \(getpid()) since 2026-"))
        }
        first.release()
        #expect(try String(contentsOfFile: path, encoding: .utf8).isEmpty, "a released lock names no holder")
        let again = try RunLock(path: path)
        again.release()
    }

    @Test func theLockFileIsOwnerAndGroupOnlyAndItsFolderIsMade() throws {
        let path = Fixture.temporaryFolder().appendingPathComponent("state/bpv.lock").path
        let lock = try RunLock(path: path)
        defer { lock.release() }
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test func aLockFileThatCannotBeOpenedIsAnErrorNotAlreadyRunning() throws {
        let blocker = Fixture.temporaryFolder().appendingPathComponent("file")
        FileManager.default.createFile(atPath: blocker.path, contents: Data())
        #expect(throws: RunLockError.self) { try RunLock(path: blocker.path + "/bpv.lock") }
    }
}
