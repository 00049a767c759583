/// How a draft writes values in YAML: plain where that is safe (also inside `{ ... }` flow mappings), double-quoted
/// otherwise.
enum DraftYAML {
    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]

    /// `Datum` stays plain; `Duration (h)` too; `HH:mm`, `Klant, project`, `1`, `yes` and `#3` are quoted.
    static func scalar(_ text: String) -> String {
        if isPlainSafe(text) { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, first != " ", last != " " else { return false }
        if reserved.contains(text.lowercased()) || ValueShape.isNumber(text) { return false }
        if "-?:,[]{}#&*!|>'\"%@`.+".contains(first) || first.isNumber { return false }
        return !text.contains { ":#,[]{}\"'\\\t\n\r".contains($0) || $0.unicodeScalars.first!.value < 0x20 }
    }

    /// A delimiter as the mapping writes it: `","`, `";"`, `"\t"`, `"|"`.
    static func delimiterValue(_ byte: UInt8) -> String {
        byte == 0x09 ? "\"\\t\"" : "\"" + String(UnicodeScalar(byte)) + "\""
    }

    /// A delimiter in evidence text: `","`, `tab`.
    static func delimiterName(_ byte: UInt8) -> String {
        byte == 0x09 ? "tab" : "\"" + String(UnicodeScalar(byte)) + "\""
    }

    /// `dd-MM-yyyy` plain, `"HH:mm"` quoted.
    static func pattern(_ text: String) -> String { scalar(text) }

    /// `  key: value` followed by a comment at a fixed column when there is one.
    static func line(_ indent: Int, _ key: String, _ value: String, comment: String? = nil) -> String {
        var text = String(repeating: " ", count: indent) + key + ": " + value
        if let comment {
            text += String(repeating: " ", count: max(1, 32 - text.count)) + "# " + comment
        }
        return text
    }
}
