/// A local wall-clock time, as an employer's timesheet shows it (no time zone).
///
/// Kept in seconds since midnight, `0...86400`; `86400` is `24:00`, the end of the day, which some
/// exports write as an end time.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let secondsSinceMidnight: Int

    public init?(hour: Int, minute: Int, second: Int = 0) {
        guard (0...24).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              hour < 24 || (minute == 0 && second == 0) else { return nil }
        secondsSinceMidnight = hour * 3600 + minute * 60 + second
    }

    public init?(secondsSinceMidnight s: Int) {
        guard (0...86_400).contains(s) else { return nil }
        secondsSinceMidnight = s
    }

    public var hour: Int { secondsSinceMidnight / 3600 }
    public var minute: Int { secondsSinceMidnight / 60 % 60 }
    public var second: Int { secondsSinceMidnight % 60 }

    /// `HH:mm`, or `HH:mm:ss` when there are seconds.
    public var description: String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let base = two(hour) + ":" + two(minute)
        return second == 0 ? base : base + ":" + two(second)
    }

    /// Parses `HH:mm` or `HH:mm:ss` (the storage form), or returns `nil`.
    public init?(storage text: String) {
        // The storage form's fixed layout read in place (the reconciliation reads millions); anything else below.
        var text = text
        if let fixed = text.withUTF8({ Self.fixedLayoutSeconds($0) }) {
            self.init(hour: fixed.hour, minute: fixed.minute, second: fixed.second)
            return
        }
        let parts = text.split(separator: ":").map { Int($0) }
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0 != nil }) else { return nil }
        self.init(hour: parts[0]!, minute: parts[1]!, second: parts.count == 3 ? parts[2]! : 0)
    }

    /// `HH:mm` or `HH:mm:ss`, two ASCII digits each; `nil` for any other text.
    private static func fixedLayoutSeconds(_ bytes: UnsafeBufferPointer<UInt8>) -> (hour: Int, minute: Int, second: Int)? {
        guard bytes.count == 5 || bytes.count == 8, bytes[2] == UInt8(ascii: ":"),
              bytes.count == 5 || bytes[5] == UInt8(ascii: ":") else { return nil }
        func two(_ at: Int) -> Int? {
            let a = bytes[at] &- UInt8(ascii: "0"), b = bytes[at + 1] &- UInt8(ascii: "0")
            return a < 10 && b < 10 ? Int(a) * 10 + Int(b) : nil
        }
        guard let hour = two(0), let minute = two(3) else { return nil }
        guard bytes.count == 8 else { return (hour, minute, 0) }
        guard let second = two(6) else { return nil }
        return (hour, minute, second)
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.secondsSinceMidnight < b.secondsSinceMidnight }
}
