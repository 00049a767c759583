import BPVModel

/// A date and/or time pattern such as `dd-MM-yyyy`, `h:mm:ss a` or `yyyy-MM-dd'T'HH:mm`, compiled once and
/// matched against bytes (no `DateFormatter`, no `String` on the hot path).
///
/// Letters: `yyyy` year; `MM`/`M` month (2 digits / 1–2); `dd`/`d` day; `HH`/`H` hour 0–24; `hh`/`h` hour 1–12
/// (needs `a`); `mm` minutes; `ss` seconds; `a` AM/PM (any case). Other characters must appear as written; text in
/// single quotes is literal.
public struct DateTimePattern: Sendable, Equatable, CustomStringConvertible {
    enum Token: Sendable, Equatable {
        case year4, month(fixed: Bool), day(fixed: Bool), hour24(fixed: Bool), hour12(fixed: Bool)
        case minute, second, ampm, literal(UInt8)
    }

    public let pattern: String
    let tokens: [Token]
    public let hasDate: Bool
    public let hasTime: Bool

    /// Compiles `pattern`; the error says which letter is not understood.
    public init(_ pattern: String) throws(PatternError) {
        self.pattern = pattern
        var tokens: [Token] = []
        let chars = Array(pattern.utf8)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            var run = 1
            while i + run < chars.count && chars[i + run] == c { run += 1 }
            switch (c, run) {
            case (UInt8(ascii: "y"), 4): tokens.append(.year4)
            case (UInt8(ascii: "M"), 1...2): tokens.append(.month(fixed: run == 2))
            case (UInt8(ascii: "d"), 1...2): tokens.append(.day(fixed: run == 2))
            case (UInt8(ascii: "H"), 1...2): tokens.append(.hour24(fixed: run == 2))
            case (UInt8(ascii: "h"), 1...2): tokens.append(.hour12(fixed: run == 2))
            case (UInt8(ascii: "m"), 2): tokens.append(.minute)
            case (UInt8(ascii: "s"), 2): tokens.append(.second)
            case (UInt8(ascii: "a"), 1):
                // "9:05 PM" and "9:05PM" both occur: the AM/PM marker takes its own optional spaces.
                while tokens.last == .literal(UInt8(ascii: " ")) { tokens.removeLast() }
                tokens.append(.ampm)
            case (UInt8(ascii: "'"), _):
                guard let close = chars[(i + 1)...].firstIndex(of: UInt8(ascii: "'")) else {
                    throw PatternError(pattern: pattern, message: "a quote (') is not closed")
                }
                for b in chars[(i + 1)..<close] { tokens.append(.literal(b)) }
                i = close + 1
                continue
            case (let letter, _) where (letter >= 65 && letter <= 90) || (letter >= 97 && letter <= 122):
                let text = String(repeating: Character(UnicodeScalar(letter)), count: run)
                throw PatternError(pattern: pattern, message: "'\(text)' is not a pattern letter (use yyyy, MM, M, dd, "
                                   + "d, HH, H, hh, h, mm, ss, a; quote literal text like 'T')")
            default:
                for _ in 0..<run { tokens.append(.literal(c)) }
            }
            i += run
        }
        self.tokens = tokens
        hasDate = tokens.contains(.year4)
        hasTime = tokens.contains { if case .hour24 = $0 { return true }; if case .hour12 = $0 { return true }; return false }
        let hasMonth = tokens.contains { if case .month = $0 { return true }; return false }
        let hasDay = tokens.contains { if case .day = $0 { return true }; return false }
        if hasDate != hasMonth || hasDate != hasDay {
            throw PatternError(pattern: pattern, message: "a date needs yyyy, MM (or M) and dd (or d)")
        }
        let has12 = tokens.contains { if case .hour12 = $0 { return true }; return false }
        if has12 != tokens.contains(.ampm) {
            throw PatternError(pattern: pattern, message: "hh/h (12-hour clock) and a (AM/PM) go together")
        }
        if hasTime && !tokens.contains(.minute) {
            throw PatternError(pattern: pattern, message: "a time needs mm (minutes)")
        }
        if !hasDate && !hasTime { throw PatternError(pattern: pattern, message: "no date or time letters") }
    }

    public var description: String { pattern }

    /// The result of a match.
    public struct Value: Equatable, Sendable {
        public var date: CalendarDate?
        public var time: TimeOfDay?
    }

    /// Matches the whole of `bytes` (surrounding spaces trimmed). `nil` when it does not fit the pattern or names
    /// no real date or time (31-02-2026, 25:00).
    public func parse(_ raw: UnsafeRawBufferPointer) -> Value? {
        let bytes = raw.trimmingASCIISpaces()
        var i = 0
        let n = bytes.count
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var pm: Bool?
        @inline(__always) func digits(min: Int, max: Int) -> Int? {
            var value = 0, k = 0
            while k < max && i < n, bytes[i] &- 48 < 10 { value = value * 10 + Int(bytes[i] &- 48); i += 1; k += 1 }
            return k >= min ? value : nil
        }
        for token in tokens {
            switch token {
            case .year4: guard let v = digits(min: 4, max: 4) else { return nil }; year = v
            case .month(let fixed): guard let v = digits(min: fixed ? 2 : 1, max: 2) else { return nil }; month = v
            case .day(let fixed): guard let v = digits(min: fixed ? 2 : 1, max: 2) else { return nil }; day = v
            case .hour24(let fixed), .hour12(let fixed):
                guard let v = digits(min: fixed ? 2 : 1, max: 2) else { return nil }; hour = v
            case .minute: guard let v = digits(min: 2, max: 2) else { return nil }; minute = v
            case .second: guard let v = digits(min: 2, max: 2) else { return nil }; second = v
            case .ampm:
                while i < n && bytes[i] == 0x20 { i += 1 } // "9:00 PM" and "9:00PM" both occur
                guard i + 1 < n else { return nil }
                let a = bytes[i] | 0x20, m = bytes[i + 1] | 0x20
                guard m == UInt8(ascii: "m"), a == UInt8(ascii: "a") || a == UInt8(ascii: "p") else { return nil }
                pm = a == UInt8(ascii: "p"); i += 2
            case .literal(let c):
                guard i < n, bytes[i] == c else { return nil }; i += 1
            }
        }
        guard i == n else { return nil }
        var value = Value()
        if hasDate {
            guard let date = CalendarDate(year: year, month: month, day: day) else { return nil }
            value.date = date
        }
        if hasTime {
            if let pm {
                guard (1...12).contains(hour) else { return nil }
                hour = hour % 12 + (pm ? 12 : 0)
            }
            guard let time = TimeOfDay(hour: hour, minute: minute, second: second) else { return nil }
            value.time = time
        }
        return value
    }
}

/// A date, time or duration pattern that cannot be compiled.
public struct PatternError: Error, Sendable, CustomStringConvertible {
    public var pattern: String
    public var message: String
    public var description: String { "pattern \"\(pattern)\": \(message)" }
}

extension UnsafeRawBufferPointer {
    /// The bytes without leading and trailing ASCII spaces, tabs and line breaks.
    @inline(__always) func trimmingASCIISpaces() -> UnsafeRawBufferPointer {
        var lo = 0, hi = count
        while lo < hi, self[lo] == 0x20 || self[lo] == 0x09 || self[lo] == 0x0A || self[lo] == 0x0D { lo += 1 }
        while hi > lo, self[hi - 1] == 0x20 || self[hi - 1] == 0x09 || self[hi - 1] == 0x0A || self[hi - 1] == 0x0D { hi -= 1 }
        return UnsafeRawBufferPointer(rebasing: self[lo..<hi])
    }
}
