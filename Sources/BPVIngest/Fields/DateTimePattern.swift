import BPVModel

/// A date and/or time pattern such as `dd-MM-yyyy`, `h:mm:ss a` or `yyyy-MM-dd'T'HH:mm[:ss][.S][X]`, compiled
/// once and matched against bytes (no `DateFormatter`, no `String` on the hot path).
///
/// Letters: `yyyy` year; `MM`/`M` month (2 digits / 1–2); `dd`/`d` day; `HH`/`H` hour 0–24; `hh`/`h` hour 1–12
/// (needs `a`); `mm` minutes; `ss` seconds; `S` (any number of them) the digits of a fraction of a second, which
/// are dropped; `X` a time-zone designator (`Z`, `+01:00`, `+0100`, `+01`), read but **not applied**: the time is
/// taken as the wall-clock time written; `a` AM/PM (any case). `[...]` is an optional part. Other characters
/// must appear as written; text in single quotes is literal.
public struct DateTimePattern: Sendable, Equatable, CustomStringConvertible {
    enum Token: Sendable, Equatable {
        case year4, month(fixed: Bool), day(fixed: Bool), hour24(fixed: Bool), hour12(fixed: Bool)
        case minute, second, fraction, zone, ampm, literal(UInt8)
        /// An optional part: the tokens up to index `end` (exclusive) match together or not at all.
        case optional(end: Int)
    }

    public let pattern: String
    let tokens: [Token]
    public let hasDate: Bool
    public let hasTime: Bool
    /// How many leading tokens are the ISO shape `yyyy-MM-dd` (5) or `yyyy-MM-dd?HH:mm` (9, any one literal
    /// between date and time), which ``parse(_:tokens:hasDate:hasTime:isoPrefix:)`` reads at fixed offsets; 17 for
    /// the whole xsd:dateTime pattern `yyyy-MM-dd'T'HH:mm[:ss][.S][X]`, read without the matcher; 0 when the
    /// pattern starts otherwise.
    let isoPrefix: Int

    /// Compiles `pattern`; the error says which letter is not understood.
    public init(_ pattern: String) throws(PatternError) {
        self.pattern = pattern
        let chars = Array(pattern.utf8)
        var i = 0
        var tokens: [Token] = []
        try Self.compile(chars, &i, into: &tokens, pattern: pattern, nested: false)
        self.tokens = tokens
        isoPrefix = Self.isoPrefix(of: tokens)
        // The checks look at every letter, optional or not; the year and the minutes must not be optional.
        let all = tokens
        var required: [Token] = []
        var k = 0
        while k < tokens.count {
            if case .optional(let end) = tokens[k] { k = end; continue }
            required.append(tokens[k]); k += 1
        }
        hasDate = all.contains(.year4)
        hasTime = all.contains { if case .hour24 = $0 { return true }; if case .hour12 = $0 { return true }; return false }
        let hasMonth = all.contains { if case .month = $0 { return true }; return false }
        let hasDay = all.contains { if case .day = $0 { return true }; return false }
        if hasDate != hasMonth || hasDate != hasDay {
            throw PatternError(pattern: pattern, message: "a date needs yyyy, MM (or M) and dd (or d)")
        }
        if hasDate && !required.contains(.year4) {
            throw PatternError(pattern: pattern, message: "the year (yyyy) cannot be optional")
        }
        let has12 = all.contains { if case .hour12 = $0 { return true }; return false }
        if has12 != all.contains(.ampm) {
            throw PatternError(pattern: pattern, message: "hh/h (12-hour clock) and a (AM/PM) go together")
        }
        if hasTime && !required.contains(.minute) {
            throw PatternError(pattern: pattern, message: "a time needs mm (minutes), not in an optional part")
        }
        if !hasDate && !hasTime { throw PatternError(pattern: pattern, message: "no date or time letters") }
    }

    /// Compiles up to the end of the pattern, or up to the `]` that closes an optional part, appending to `tokens`
    /// (flat: an optional part is a marker followed by its tokens).
    private static func compile(_ chars: [UInt8], _ i: inout Int, into tokens: inout [Token], pattern: String,
                                nested: Bool) throws(PatternError) {
        while i < chars.count {
            let c = chars[i]
            if c == UInt8(ascii: "[") {
                i += 1
                let marker = tokens.count
                tokens.append(.optional(end: 0))
                try compile(chars, &i, into: &tokens, pattern: pattern, nested: true)
                if tokens.count == marker + 1 { throw PatternError(pattern: pattern, message: "an optional part [] is empty") }
                tokens[marker] = .optional(end: tokens.count)
                continue
            }
            if c == UInt8(ascii: "]") {
                guard nested else {
                    throw PatternError(pattern: pattern, message: "a ] without [ (quote it as ']' to match it)")
                }
                i += 1
                return
            }
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
            case (UInt8(ascii: "S"), _): tokens.append(.fraction)
            case (UInt8(ascii: "X"), 1): tokens.append(.zone)
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
                                   + "d, HH, H, hh, h, mm, ss, S, X, a; [ ] for an optional part; quote literal text like 'T')")
            default:
                for _ in 0..<run { tokens.append(.literal(c)) }
            }
            i += run
        }
        if nested { throw PatternError(pattern: pattern, message: "an optional part [ is not closed with ]") }
    }

    public var description: String { pattern }

    /// The result of a match.
    public struct Value: Equatable, Sendable {
        public var date: CalendarDate?
        public var time: TimeOfDay?
    }

    /// The fields read while matching.
    private struct Fields {
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var pm: Bool?
    }

    /// Matches the whole of `bytes` (surrounding spaces trimmed). `nil` when it does not fit the pattern or names
    /// no real date or time (31-02-2026, 25:00).
    public func parse(_ raw: UnsafeRawBufferPointer) -> Value? {
        tokens.withUnsafeBufferPointer {
            Self.parse(raw, tokens: $0, hasDate: hasDate, hasTime: hasTime, isoPrefix: isoPrefix)
        }
    }

    /// `parse` on tokens kept elsewhere (the mapper keeps them in unmanaged memory for its hot path).
    static func parse(_ raw: UnsafeRawBufferPointer, tokens: UnsafeBufferPointer<Token>, hasDate: Bool,
                      hasTime: Bool, isoPrefix: Int) -> Value? {
        let bytes = raw.trimmingASCIISpaces()
        var i = 0
        var fields = Fields()
        if isoPrefix > 0 {
            // The tokens read exactly these bytes; the matcher below would read them the same way, only slower.
            guard readISOPrefix(bytes, dateAndTime: isoPrefix >= 9, separator: tokens[isoPrefix >= 9 ? 5 : 0], &fields)
            else { return nil }
            i = isoPrefix >= 9 ? 16 : 10
        }
        if isoPrefix == 17 {
            readXSDTail(bytes, &i, &fields)
            guard i == bytes.count else { return nil }
        } else {
            guard match(tokens, isoPrefix, tokens.count, bytes, &i, &fields), i == bytes.count else { return nil }
        }
        var value = Value()
        if hasDate {
            guard let date = CalendarDate(year: fields.year, month: fields.month, day: fields.day) else { return nil }
            value.date = date
        }
        if hasTime {
            var hour = fields.hour
            if let pm = fields.pm {
                guard (1...12).contains(hour) else { return nil }
                hour = hour % 12 + (pm ? 12 : 0)
            }
            guard let time = TimeOfDay(hour: hour, minute: fields.minute, second: fields.second) else { return nil }
            value.time = time
        }
        return value
    }

    /// 9 when `tokens` start `yyyy-MM-dd?HH:mm` (? one literal), 5 when they start `yyyy-MM-dd`, else 0.
    static func isoPrefix(of tokens: [Token]) -> Int {
        let date: [Token] = [.year4, .literal(UInt8(ascii: "-")), .month(fixed: true), .literal(UInt8(ascii: "-")),
                             .day(fixed: true)]
        guard tokens.starts(with: date) else { return 0 }
        guard tokens.count >= 9, case .literal = tokens[5], tokens[6] == .hour24(fixed: true),
              tokens[7] == .literal(UInt8(ascii: ":")), tokens[8] == .minute else { return 5 }
        let xsdTail: [Token] = [.optional(end: 12), .literal(UInt8(ascii: ":")), .second, .optional(end: 15),
                                .literal(UInt8(ascii: ".")), .fraction, .optional(end: 17), .zone]
        return tokens.count == 17 && tokens[9...].elementsEqual(xsdTail) ? 17 : 9
    }

    /// The optional parts `[:ss][.S][X]` of the xsd:dateTime pattern from `i`, each read or skipped as the
    /// matcher does (an optional part that does not fit leaves `i` where it was).
    @inline(__always)
    private static func readXSDTail(_ b: UnsafeRawBufferPointer, _ i: inout Int, _ fields: inout Fields) {
        let n = b.count
        if i + 3 <= n, b[i] == UInt8(ascii: ":"), b[i + 1] &- 48 < 10, b[i + 2] &- 48 < 10 {
            fields.second = Int(b[i + 1] &- 48) * 10 + Int(b[i + 2] &- 48)
            i += 3
        }
        if i + 2 <= n, b[i] == UInt8(ascii: "."), b[i + 1] &- 48 < 10 {
            i += 2
            var digits = 1
            while digits < 9 && i < n && b[i] &- 48 < 10 { i += 1; digits += 1 }
        }
        var zoneEnd = i
        if readZone(b, &zoneEnd) { i = zoneEnd }
    }

    /// A zone designator from `i`: `Z`, `z`, `+hh`, `+hh:mm`, `+hhmm` (or `-`), hours up to 14, minutes below 60.
    @inline(__always)
    private static func readZone(_ b: UnsafeRawBufferPointer, _ i: inout Int) -> Bool {
        let n = b.count
        guard i < n else { return false }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") { i += 1; return true }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return false }
        guard i + 3 <= n, b[i + 1] &- 48 < 10, b[i + 2] &- 48 < 10,
              Int(b[i + 1] &- 48) * 10 + Int(b[i + 2] &- 48) <= 14 else { return false }
        i += 3
        if i < n && b[i] == UInt8(ascii: ":") { i += 1 }
        if i < n, b[i] &- 48 < 10 {
            guard i + 2 <= n, b[i + 1] &- 48 < 10, Int(b[i] &- 48) * 10 + Int(b[i + 1] &- 48) < 60 else { return false }
            i += 2
        }
        return true
    }

    /// Reads `yyyy-MM-dd` (10 bytes), or `yyyy-MM-dd?HH:mm` (16 bytes, `?` the literal token `separator`), at
    /// fixed offsets into `fields`. `false` when the bytes are shorter or do not have that shape.
    @inline(__always)
    private static func readISOPrefix(_ b: UnsafeRawBufferPointer, dateAndTime: Bool, separator: Token,
                                      _ fields: inout Fields) -> Bool {
        guard b.count >= (dateAndTime ? 16 : 10) else { return false }
        @inline(__always) func digit(_ k: Int) -> Int? {
            let d = b[k] &- 48
            return d < 10 ? Int(d) : nil
        }
        guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3), b[4] == UInt8(ascii: "-"),
              let m0 = digit(5), let m1 = digit(6), b[7] == UInt8(ascii: "-"), let d0 = digit(8), let d1 = digit(9)
        else { return false }
        fields.year = y0 * 1000 + y1 * 100 + y2 * 10 + y3
        fields.month = m0 * 10 + m1
        fields.day = d0 * 10 + d1
        guard dateAndTime else { return true }
        guard case .literal(let c) = separator, b[10] == c, let h0 = digit(11), let h1 = digit(12),
              b[13] == UInt8(ascii: ":"), let n0 = digit(14), let n1 = digit(15) else { return false }
        fields.hour = h0 * 10 + h1
        fields.minute = n0 * 10 + n1
        return true
    }

    /// Matches `tokens[from..<to]` from `i`; on failure `i` and `fields` may have moved (an optional part restores
    /// them).
    private static func match(_ tokens: UnsafeBufferPointer<Token>, _ from: Int, _ to: Int, _ bytes: UnsafeRawBufferPointer,
                              _ i: inout Int, _ fields: inout Fields) -> Bool {
        let n = bytes.count
        @inline(__always) func digits(min: Int, max: Int) -> Int? {
            var value = 0, k = 0
            while k < max && i < n, bytes[i] &- 48 < 10 { value = value * 10 + Int(bytes[i] &- 48); i += 1; k += 1 }
            return k >= min ? value : nil
        }
        var t = from
        while t < to {
            let token = tokens[t]
            t += 1
            switch token {
            case .year4: guard let v = digits(min: 4, max: 4) else { return false }; fields.year = v
            case .month(let fixed): guard let v = digits(min: fixed ? 2 : 1, max: 2) else { return false }; fields.month = v
            case .day(let fixed): guard let v = digits(min: fixed ? 2 : 1, max: 2) else { return false }; fields.day = v
            case .hour24(let fixed), .hour12(let fixed):
                guard let v = digits(min: fixed ? 2 : 1, max: 2) else { return false }; fields.hour = v
            case .minute: guard let v = digits(min: 2, max: 2) else { return false }; fields.minute = v
            case .second: guard let v = digits(min: 2, max: 2) else { return false }; fields.second = v
            case .fraction: guard digits(min: 1, max: 9) != nil else { return false }
            case .zone:
                guard readZone(bytes, &i) else { return false }
            case .ampm:
                while i < n && bytes[i] == 0x20 { i += 1 } // "9:00 PM" and "9:00PM" both occur
                guard i + 1 < n else { return false }
                let a = bytes[i] | 0x20, m = bytes[i + 1] | 0x20
                guard m == UInt8(ascii: "m"), a == UInt8(ascii: "a") || a == UInt8(ascii: "p") else { return false }
                fields.pm = a == UInt8(ascii: "p"); i += 2
            case .literal(let c):
                guard i < n, bytes[i] == c else { return false }; i += 1
            case .optional(let end):
                let savedIndex = i, savedFields = fields
                if !match(tokens, t, end, bytes, &i, &fields) { i = savedIndex; fields = savedFields }
                t = end
            }
        }
        return true
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
