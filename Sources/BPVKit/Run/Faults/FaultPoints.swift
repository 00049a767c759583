import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Named points of the nightly run where a test can make it die or fail, to prove that a run killed anywhere
/// leaves nothing lost, doubled or half-written and that the next run finishes the work.
///
/// `BPV_FAULT=<point>` kills the process with SIGKILL the first time it reaches `<point>`;
/// `BPV_FAULT=<point>@<n>` the n-th time; `BPV_FAULT=<point>:enospc` (or `<point>@<n>:enospc`) throws a
/// "No space left on device" error there instead. `BPV_FAULT_TRACE=<file>` appends the name of every point
/// reached, one a line (the test's list of where to kill). Unset, a point costs one dictionary lookup.
public enum FaultPoints {
    struct Plan {
        var point: String
        var hit: Int
        var enospc: Bool
    }

    nonisolated(unsafe) private static var counts: [String: Int] = [:]
    private static let lock = NSLock()
    private static let plan: Plan? = {
        guard var text = ProcessInfo.processInfo.environment["BPV_FAULT"], !text.isEmpty else { return nil }
        var enospc = false
        if text.hasSuffix(":enospc") { enospc = true; text.removeLast(":enospc".count) }
        var hit = 1
        if let at = text.lastIndex(of: "@"), let n = Int(text[text.index(after: at)...]) {
            hit = n
            text = String(text[..<at])
        }
        return Plan(point: text, hit: hit, enospc: enospc)
    }()
    private static let trace: FileHandle? = {
        guard let path = ProcessInfo.processInfo.environment["BPV_FAULT_TRACE"], !path.isEmpty else { return nil }
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = FileHandle(forWritingAtPath: path)
        handle?.seekToEndOfFile()
        return handle
    }()

    /// The run reached `point`: dies or throws when the environment asks for it there.
    public static func reach(_ point: String) throws {
        guard plan != nil || trace != nil else { return }
        lock.lock()
        counts[point, default: 0] += 1
        let count = counts[point]!
        lock.unlock()
        trace?.write(Data("\(point)\n".utf8))
        guard let plan, plan.point == point, plan.hit == count else { return }
        if plan.enospc {
            throw InjectedFault(description: "\(point): \(String(cString: strerror(ENOSPC))) (injected by BPV_FAULT)")
        }
        kill(getpid(), SIGKILL)
    }

    /// An error a fault point was asked to throw.
    public struct InjectedFault: Error, CustomStringConvertible {
        public var description: String
    }
}
