/// How an export writes a length of time. Parsed from bytes to whole seconds; the mapper rounds to minutes.
public enum DurationFormat: String, CaseIterable, Sendable {
    /// `8,5`, `8.50`, `7.25`: hours with a decimal comma or point.
    case decimalHours = "decimal_hours"
    /// `7:30`, `31:15`: hours (any number) and minutes.
    case hoursMinutes = "H:MM"
    /// `07:30:00`, `1:02:03`.
    case hoursMinutesSeconds = "H:MM:SS"
    /// `30`, `45`: whole minutes (a decimal part is accepted).
    case minutes
    /// `PT7H30M`, `P1DT2H`: `xsd:duration` with days and a time part, each designator at most once and in order
    /// (D, T, H, M, S), a fraction only on the seconds. A value whose total does not fit in an `Int` is not a duration.
    case iso8601
    /// Any of the above told apart by its look: `P...` is ISO 8601, `7:30` is H:MM, `07:30:00` is H:MM:SS, and a
    /// plain number is decimal hours (never minutes). For sources that mix them (SETU `Duration`: `8.00` or `PT8H`).
    case auto

    /// What a value in this format looks like, for messages.
    public var example: String {
        switch self {
        case .decimalHours: return "decimal hours like 7,5 or 7.50"
        case .hoursMinutes: return "hours and minutes like 7:30"
        case .hoursMinutesSeconds: return "hours, minutes and seconds like 07:30:00"
        case .minutes: return "whole minutes like 30"
        case .iso8601: return "an ISO 8601 duration like PT7H30M"
        case .auto: return "decimal hours like 7.50, hours and minutes like 7:30, or an ISO 8601 duration like PT7H30M"
        }
    }

    /// Parses `raw` (surrounding spaces trimmed) into seconds; `nil` when it does not fit the format.
    /// A leading `-` gives a negative duration (corrections); the mapper decides whether that is allowed.
    public func seconds(_ raw: UnsafeRawBufferPointer) -> Int? {
        let bytes = raw.trimmingASCIISpaces()
        if self == .auto { return Self.recognise(bytes)?.seconds(bytes) }
        var i = 0
        let n = bytes.count
        guard n > 0 else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "-") { negative = true; i = 1 } else if bytes[0] == UInt8(ascii: "+") { i = 1 }
        @inline(__always) func digits(max: Int = 9) -> (value: Int, count: Int) {
            var value = 0, k = 0
            while i < n, bytes[i] &- 48 < 10 {
                if k < max { value = value * 10 + Int(bytes[i] &- 48) } else { return (value, 99) }
                i += 1; k += 1
            }
            return (value, k)
        }
        /// A decimal number scaled by `unit` seconds: "7,25" hours -> 26100. Both parts have at most 9 digits, so
        /// with `unit` at most 3600 no product exceeds 2 × 10^9 × 3600 (< 2^43): input cannot overflow it.
        @inline(__always) func decimal(unit: Int) -> Int? {
            let whole = digits()
            guard whole.count <= 9 else { return nil }
            var result = whole.value * unit
            if i < n, bytes[i] == UInt8(ascii: ",") || bytes[i] == UInt8(ascii: ".") {
                i += 1
                let start = i
                let fraction = digits()
                guard fraction.count > 0, fraction.count <= 9 else { return nil }
                var scale = 1
                for _ in 0..<(i - start) { scale *= 10 }
                result += (fraction.value * unit * 2 + scale) / (scale * 2)  // rounded half up
            } else if whole.count == 0 {
                return nil
            }
            return result
        }
        var total: Int
        switch self {
        case .decimalHours:
            guard let v = decimal(unit: 3600) else { return nil }
            total = v
        case .minutes:
            guard let v = decimal(unit: 60) else { return nil }
            total = v
        case .hoursMinutes, .hoursMinutesSeconds:
            let h = digits()
            // At most 6 hour digits: below 10^6 × 3600 + 3599 seconds, no overflow.
            guard h.count >= 1, h.count <= 6, i < n, bytes[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            let m = digits()
            guard m.count == 2, m.value < 60 else { return nil }
            total = h.value * 3600 + m.value * 60
            if self == .hoursMinutesSeconds {
                guard i < n, bytes[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                let s = digits()
                guard s.count == 2, s.value < 60 else { return nil }
                total += s.value
            }
        case .auto:
            return nil // resolved above
        case .iso8601:
            guard i < n, bytes[i] == UInt8(ascii: "P") else { return nil }
            i += 1
            total = 0
            // Each designator at most once and in order: D, then T, then H, M, S; a fraction only on the seconds
            // (the last). `rank` is the last designator read, so `PT1H1H` and `PT30M1H` are not durations.
            var inTime = false, rank = 0, parts = 0
            while i < n {
                if bytes[i] == UInt8(ascii: "T") { guard !inTime else { return nil }; inTime = true; i += 1; continue }
                let before = i
                let whole = digits()
                guard whole.count > 0, whole.count <= 9, i < n else { return nil }
                let value: Int, partRank: Int
                if bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ",") {
                    i = before
                    guard let v = decimal(unit: 1), i < n, bytes[i] == UInt8(ascii: "S"), inTime else { return nil }
                    value = v; partRank = 4
                } else {
                    let unit: Int
                    switch (bytes[i], inTime) {
                    case (UInt8(ascii: "D"), false): unit = 86_400; partRank = 1
                    case (UInt8(ascii: "H"), true): unit = 3600; partRank = 2
                    case (UInt8(ascii: "M"), true): unit = 60; partRank = 3
                    case (UInt8(ascii: "S"), true): unit = 1; partRank = 4
                    default: return nil
                    }
                    let (product, overflow) = whole.value.multipliedReportingOverflow(by: unit)
                    guard !overflow else { return nil }
                    value = product
                }
                guard partRank > rank else { return nil }
                rank = partRank; i += 1; parts += 1
                let (sum, overflow) = total.addingReportingOverflow(value)
                guard !overflow else { return nil }
                total = sum
            }
            guard parts > 0 else { return nil }
        }
        guard i == n else { return nil }
        return negative ? -total : total
    }

    /// The format a value of `auto` is in, from its look; `nil` for an empty value.
    static func recognise(_ bytes: UnsafeRawBufferPointer) -> DurationFormat? {
        var colons = 0
        for b in bytes {
            if b == UInt8(ascii: "P") { return .iso8601 }
            if b == UInt8(ascii: ":") { colons += 1 }
        }
        if bytes.isEmpty { return nil }
        return colons == 0 ? .decimalHours : colons == 1 ? .hoursMinutes : .hoursMinutesSeconds
    }

    /// Seconds to whole minutes, rounding half away from zero (90 s -> 2 min, 89 s -> 1 min).
    public static func minutes(fromSeconds s: Int) -> Int {
        s >= 0 ? (s + 30) / 60 : -((-s + 30) / 60)
    }
}
