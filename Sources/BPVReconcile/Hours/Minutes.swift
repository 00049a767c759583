import BPVModel

/// Minutes for people: `7h30`, `-0h45`, `312h00`.
public enum Minutes {
    public static func text(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : ""
        let m = abs(minutes)
        return "\(sign)\(m / 60)h" + (m % 60 < 10 ? "0" : "") + "\(m % 60)"
    }
}

/// Reasons per hour entry (by store id), from a rule over several entries at once.
public struct EntryReasons: RuleOutput, Sendable {
    public var byEntry: [Int64: [VerdictReason]] = [:]
    public var reasons: [VerdictReason] { byEntry.keys.sorted().flatMap { byEntry[$0]! } }
    public var findings: [Finding] { [] }
    public init() {}

    mutating func add(_ reason: VerdictReason, to id: Int64) { byEntry[id, default: []].append(reason) }
}


extension HourEntry {
    /// The entry's worked interval in minutes from its day's midnight (an end before the start runs into the
    /// next day), when it has times.
    var interval: Range<Int>? {
        guard let start, let end else { return nil }
        let from = start.hour * 60 + start.minute
        var to = end.hour * 60 + end.minute
        if to <= from { to += 24 * 60 }
        return from..<to
    }
}
