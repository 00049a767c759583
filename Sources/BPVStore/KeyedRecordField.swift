/// A look at one field of a stored value without decoding it: a reader that needs a few records out of many (the
/// results stage needs the evidence of the students it judges) reads the field, and decodes only the records it keeps.
extension KeyedRecord {
    /// What the JSON of a value says about one top-level field.
    public enum FieldLookup: Equatable, Sendable {
        /// The field is a string without escapes: its text.
        case string(String)
        /// The top-level object has no such field.
        case absent
        /// Cannot tell without decoding (not an object, an escaped name or text, another type, malformed JSON).
        case undecided
    }

    /// The top-level field `name` of the value's JSON: walks the top-level object's members, skipping nested
    /// objects, arrays and strings whole, so a member of the same name inside a nested value is never taken for it.
    public func topLevelField(_ name: String) -> FieldLookup {
        var scanner = JSONMemberScanner(json)
        return scanner.lookup(Array(name.utf8))
    }
}

/// A forward scan over the bytes of one JSON object (as `JSONEncoder` writes it).
private struct JSONMemberScanner {
    let bytes: [UInt8]
    var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), colon = UInt8(ascii: ":"),
                       comma = UInt8(ascii: ","), openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}"),
                       openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")

    mutating func lookup(_ name: [UInt8]) -> KeyedRecord.FieldLookup {
        skipSpace()
        guard take(Self.openBrace) else { return .undecided }
        skipSpace()
        if take(Self.closeBrace) { return .absent }
        while true {
            skipSpace()
            guard let (key, keyEscaped) = string() else { return .undecided }
            skipSpace()
            guard take(Self.colon) else { return .undecided }
            skipSpace()
            if keyEscaped {
                return .undecided
            }
            if key.elementsEqual(name) {
                guard let (value, escaped) = string(), !escaped else { return .undecided }
                return .string(String(decoding: value, as: UTF8.self))
            }
            guard skipValue() else { return .undecided }
            skipSpace()
            if take(Self.comma) { continue }
            return take(Self.closeBrace) ? .absent : .undecided
        }
    }

    private static func endsScalar(_ byte: UInt8) -> Bool {
        byte == comma || byte == closeBrace || byte == closeBracket || byte == 0x20 || byte == 0x0A || byte == 0x0D
            || byte == 0x09
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    /// A string at `i`: its raw bytes between the quotes, and whether it holds an escape.
    private mutating func string() -> (ArraySlice<UInt8>, Bool)? {
        guard take(Self.quote) else { return nil }
        let start = i
        var escaped = false
        while i < bytes.count {
            switch bytes[i] {
            case Self.quote:
                i += 1
                return (bytes[start..<(i - 1)], escaped)
            case Self.backslash:
                escaped = true
                i += 2
            default:
                i += 1
            }
        }
        return nil
    }

    /// Skips one value (string, object, array, number, literal).
    private mutating func skipValue() -> Bool {
        guard i < bytes.count else { return false }
        switch bytes[i] {
        case Self.quote:
            return string() != nil
        case Self.openBrace, Self.openBracket:
            var depth = 0
            while i < bytes.count {
                switch bytes[i] {
                case Self.quote:
                    guard string() != nil else { return false }
                    continue
                case Self.openBrace, Self.openBracket:
                    depth += 1
                case Self.closeBrace, Self.closeBracket:
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        return true
                    }
                default:
                    break
                }
                i += 1
            }
            return false
        default:
            let start = i
            while i < bytes.count, !Self.endsScalar(bytes[i]) {
                i += 1
            }
            return i > start
        }
    }
}
