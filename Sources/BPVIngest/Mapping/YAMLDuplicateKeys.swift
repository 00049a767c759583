import Yams

/// A key written twice in one YAML mapping: at its second (or later) place, or, when the rest of the file could not
/// be read, at its first.
public struct YAMLDuplicateKey: Sendable, Equatable {
    /// The key as written.
    public var key: String
    /// Where the key stands (1-based).
    public var line: Int
    public var column: Int
    /// The line where the key stands the first time; `nil` when this is the first time (its repeat is not known).
    public var firstLine: Int?
    /// The keys leading to the mapping that holds it, `fields` or `employers[2]`; empty at the top level.
    public var context: String

    /// `'date' appears twice in fields (first on line 9)`, or `'date' is written again later in the same mapping`.
    public var message: String {
        guard let firstLine else { return "'\(key)' is written again later in the same mapping" }
        return "'\(key)' appears twice in " + (context.isEmpty ? "the top level" : context) + " (first on line \(firstLine))"
    }
}

/// Finds the repeated keys of a YAML text that Yams refuses.
///
/// `Yams.compose` throws `duplicatedKeysInMapping` for a mapping with a key twice, with the place of the key's
/// *first* occurrence only. To name the repeated key's own line and column, the first occurrence is disguised (its
/// first character replaced by one from the private-use area, another in each round so that no two disguised keys
/// are alike, and so that no line or column moves) and the text composed again, until it composes; then the mappings that held a disguised key are walked, and every later occurrence of
/// the key is reported. A key that cannot be disguised this way (an anchor, a tag, a complex key) is reported at
/// the place Yams gave. Mapping files and `bpv.yaml` both report through it.
public enum YAMLDuplicateKeys {
    /// The stand-in for a key's first character in round `n`: U+E000 + n, printable for YAML, in no real key.
    static func disguise(_ round: Int) -> Unicode.Scalar { Unicode.Scalar(0xE000 + UInt32(round))! }

    /// A place in the text (Yams's `Mark` is not hashable).
    private struct Place: Hashable {
        var line: Int, column: Int
        init(_ mark: Mark) { line = mark.line; column = mark.column }
    }

    /// The duplicates behind `error` in `text`, and the first other YAML error met once they are out of the way
    /// (Yams stops at the first problem, so a syntax error further on shows only now). `nil` when `error` is not
    /// Yams's duplicate-key error.
    public static func find(in text: String, after error: YamlError) -> (duplicates: [YAMLDuplicateKey], other: YamlError?)? {
        guard case .duplicatedKeysInMapping(let keys, let context) = error else { return nil }
        let atYamsPlace = [YAMLDuplicateKey(key: keys.first ?? "", line: context.mark.line,
                                            column: context.mark.column, firstLine: nil, context: "")]
        var current = text
        var disguised: [Place: String] = [:]
        var failure: YamlError? = error
        // Each round disguises one key's first occurrence; a file has far fewer duplicates than this.
        for round in 0..<1000 {
            guard case .duplicatedKeysInMapping(let keys, let context)? = failure else { break }
            guard disguised[Place(context.mark)] == nil,
                  let changed = disguiseScalar(in: current, at: context.mark, with: disguise(round)) else {
                return (atYamsPlace, nil)
            }
            disguised[Place(context.mark)] = keys.first ?? ""
            current = changed
            do {
                guard let root = try Yams.compose(yaml: current) else { return (atYamsPlace, nil) }
                var found: [YAMLDuplicateKey] = []
                walk(root, context: "", disguised: disguised, into: &found)
                return (found.isEmpty ? atYamsPlace : found.sorted { ($0.line, $0.column) < ($1.line, $1.column) }, nil)
            } catch let next as YamlError {
                failure = next
            } catch {
                return (atYamsPlace, nil)
            }
        }
        // Another error further on: the duplicates at the places of their first occurrence, and that error.
        let firsts = disguised.map { YAMLDuplicateKey(key: $0.value, line: $0.key.line, column: $0.key.column,
                                                      firstLine: nil, context: "") }
        if case .duplicatedKeysInMapping? = failure { failure = nil }  // more rounds than any real file needs
        return (firsts.sorted { ($0.line, $0.column) < ($1.line, $1.column) }, failure)
    }

    /// The mappings holding a disguised key: every occurrence of that key after the first.
    private static func walk(_ node: Node, context: String, disguised: [Place: String],
                             into found: inout [YAMLDuplicateKey]) {
        switch node {
        case .mapping(let mapping):
            var repeated: Set<String> = []
            var names: [String?] = []
            for (key, _) in mapping {
                if let mark = key.mark, let original = disguised[Place(mark)] {
                    repeated.insert(original)
                    names.append(original)
                } else {
                    names.append(key.scalar?.string)
                }
            }
            var firstLine: [String: Int] = [:]
            for (index, (key, value)) in mapping.enumerated() {
                guard let name = names[index] else { continue }
                if let line = firstLine[name] {
                    if repeated.contains(name), let mark = key.mark {
                        found.append(YAMLDuplicateKey(key: name, line: mark.line, column: mark.column,
                                                      firstLine: line, context: context))
                    }
                } else {
                    firstLine[name] = key.mark?.line ?? 0
                }
                walk(value, context: context.isEmpty ? name : context + "." + name, disguised: disguised, into: &found)
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                walk(item, context: context + "[\(index + 1)]", disguised: disguised, into: &found)
            }
        default:
            break
        }
    }

    /// `text` with the first character of the scalar at `mark` (after its opening quote) replaced by `stand-in`,
    /// or `nil` when no plain or quoted scalar starts there.
    static func disguiseScalar(in text: String, at mark: Mark, with standIn: Unicode.Scalar) -> String? {
        var scalars = Array(text.unicodeScalars)
        guard var index = offset(of: mark, in: scalars) else { return nil }
        let quote = scalars[index]
        if quote == "\"" || quote == "'" {
            index += 1
            guard index < scalars.count, scalars[index] != quote, scalars[index] != "\n", scalars[index] != "\r" else {
                return nil
            }
        } else if "&!*?[]{}|>#%@`,".unicodeScalars.contains(quote) || quote == " " || quote == "\t" {
            return nil
        }
        scalars[index] = standIn
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// The index of the character at a 1-based line and column (libyaml counts characters, and a line break is
    /// LF, CR LF or CR).
    static func offset(of mark: Mark, in scalars: [Unicode.Scalar]) -> Int? {
        var line = 1, i = scalars.first == "\u{FEFF}" ? 1 : 0  // libyaml reads past a byte-order mark
        while line < mark.line {
            guard i < scalars.count else { return nil }
            if scalars[i] == "\r" {
                line += 1
                if i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
            } else if scalars[i] == "\n" {
                line += 1
            }
            i += 1
        }
        let index = i + mark.column - 1
        guard index < scalars.count else { return nil }
        for k in i..<index where scalars[k] == "\n" || scalars[k] == "\r" { return nil }
        return index
    }
}
