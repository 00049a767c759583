import BPVModel
import Foundation
import Yams

/// Reads and validates mapping files. Every problem becomes a ``MappingDiagnostic`` with the line and column in the
/// mapping file; loading fails only after the whole file has been checked, so one run shows every mistake.
public struct MappingLoader {
    /// The mapping language versions this build reads.
    public static let supportedLanguageVersions = [1]

    public init() {}

    /// Loads the mapping at `path`; throws ``MappingError`` listing every error.
    public func loadHourMapping(path: String) throws -> HourMapping {
        let result = check(path: path)
        guard let mapping = result.mapping else { throw MappingError(diagnostics: result.diagnostics) }
        return mapping
    }

    /// Checks a mapping file: the mapping when it is usable, and every error and warning found.
    public func check(path: String) -> (mapping: HourMapping?, diagnostics: [MappingDiagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, [MappingDiagnostic(file: path, line: 1, column: 1, severity: .error,
                                            message: "cannot read the mapping file", hint: "check the path")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [MappingDiagnostic(file: path, line: 1, column: 1, severity: .error,
                                            message: "the mapping file is not UTF-8 text",
                                            hint: "save it as UTF-8 (mapping files are plain text)")])
        }
        return check(yaml: text, file: path)
    }

    /// Checks mapping text; `file` names it in messages. Diagnostics come in the order of their lines; the
    /// `# CHECK` marks a draft leaves for its author are warnings until they are deleted.
    public func check(yaml text: String, file: String) -> (mapping: HourMapping?, diagnostics: [MappingDiagnostic]) {
        let (mapping, diagnostics) = checkStructure(yaml: text, file: file)
        return (mapping, (diagnostics + DraftCheckMarks.find(in: text, file: file)).inFileOrder())
    }

    private func checkStructure(yaml text: String, file: String) -> (HourMapping?, [MappingDiagnostic]) {
        var reader = NodeReader(file: file)
        guard let (root, document) = document(yaml: text, file: file, &reader) else { return (nil, reader.diagnostics) }
        guard document.schema.produces == MappingSchema.hourEntries.produces else {
            reader.error(root, "this is a \(document.schema.produces) mapping, not an hour mapping",
                         hint: "hour mappings say produces: hour_entries")
            return (nil, reader.diagnostics)
        }
        let mapping = HourMappingBuilder().build(document, &reader)
        if mapping == nil && !reader.hasErrors {
            reader.error(root, "the mapping cannot be used", hint: "compare it with a mapping in mappings/hours/")
        }
        return (mapping, reader.diagnostics)
    }

    // MARK: - Record kinds (erkenningen, crebos, POKs)

    /// Loads a mapping of `kind` at `path`; throws ``MappingError`` listing every error (a mapping of another kind
    /// is an error too).
    public func loadRecordMapping(path: String, kind: RecordKind? = nil) throws -> RecordMapping {
        let result = checkRecordMapping(path: path, kind: kind)
        guard let mapping = result.mapping else { throw MappingError(diagnostics: result.diagnostics) }
        return mapping
    }

    /// Checks a mapping file of a record kind: the mapping when it is usable, and every error and warning found.
    /// `kind: nil` accepts any record kind.
    public func checkRecordMapping(path: String, kind: RecordKind?) -> (mapping: RecordMapping?, diagnostics: [MappingDiagnostic]) {
        guard let text = readText(path) else { return (nil, [unreadable(path)]) }
        var reader = NodeReader(file: path)
        guard let (root, document) = document(yaml: text, file: path, &reader) else { return (nil, reader.diagnostics) }
        let found = RecordKind(rawValue: document.schema.produces)
        guard RecordKinds.descriptor(of: found) != nil, kind == nil || found == kind else {
            let wanted = kind?.produces ?? RecordKind.allCases.map(\.produces).joined(separator: " or ")
            reader.error(root, "this is a \(document.schema.produces) mapping, not a \(wanted) mapping",
                         hint: "check --mapping, or the mapping's produces:")
            return (nil, reader.diagnostics)
        }
        let mapping = RecordMappingBuilder(kind: found).build(document, &reader)
        return (mapping, reader.diagnostics)
    }

    /// Checks a mapping file of any kind (what `bpv mapping lint` reports).
    public func lint(path: String) -> [MappingDiagnostic] {
        guard let text = readText(path) else { return [unreadable(path)] }
        var probe = NodeReader(file: path)
        if let (_, document) = document(yaml: text, file: path, &probe),
           RecordKinds.descriptor(of: RecordKind(rawValue: document.schema.produces)) != nil {
            return checkRecordMapping(path: path, kind: nil).diagnostics.inFileOrder()
        }
        return check(yaml: text, file: path).diagnostics
    }

    // MARK: - Shared

    private func readText(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
    }

    private func unreadable(_ path: String) -> MappingDiagnostic {
        MappingDiagnostic(file: path, line: 1, column: 1, severity: .error,
                          message: "cannot read the mapping file (missing, or not UTF-8 text)", hint: "check the path")
    }

    /// Parses the YAML and checks the parts every kind shares.
    private func document(yaml text: String, file: String, _ reader: inout NodeReader) -> (Node, MappingDocument)? {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                reader.error(nil, "the mapping file is empty", hint: "start from a file in mappings/")
                return nil
            }
            root = node
        } catch let error as YamlError {
            reader.yamlError(error, in: text)
            return nil
        } catch {
            reader.error(nil, "not valid YAML: \(error)", hint: "check indentation and quoting")
            return nil
        }
        guard let document = MappingDocumentBuilder().build(root, path: file, &reader) else { return nil }
        return (root, document)
    }
}

/// Collects diagnostics while walking YAML nodes.
struct NodeReader {
    let file: String
    var diagnostics: [MappingDiagnostic] = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func error(_ node: Node?, _ message: String, hint: String) {
        add(.error, node, message, hint)
    }

    mutating func warning(_ node: Node?, _ message: String, hint: String) {
        add(.warning, node, message, hint)
    }

    private mutating func add(_ severity: MappingDiagnostic.Severity, _ node: Node?, _ message: String, _ hint: String) {
        let mark = node?.mark
        diagnostics.append(MappingDiagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                             severity: severity, message: message, hint: hint))
    }

    /// A YAML error as diagnostics at its place; a key written twice at the repeated key's own place.
    mutating func yamlError(_ error: YamlError, in text: String) {
        if let (duplicates, other) = YAMLDuplicateKeys.find(in: text, after: error) {
            for duplicate in duplicates {
                diagnostics.append(MappingDiagnostic(file: file, line: duplicate.line, column: duplicate.column,
                                                     severity: .error, message: duplicate.message,
                                                     hint: "keep one of them"))
            }
            if let other { yamlError(other, in: text) }
            return
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            diagnostics.append(MappingDiagnostic(file: file, line: mark.line, column: mark.column, severity: .error,
                                                 message: "not valid YAML: \(problem)",
                                                 hint: "check indentation and quoting near this place"))
        default:
            diagnostics.append(MappingDiagnostic(file: file, line: 1, column: 1, severity: .error,
                                                 message: "not valid YAML: \(error)",
                                                 hint: "check indentation and quoting"))
        }
    }

    /// The pairs of a mapping node, reporting keys that are not in `known` (`noun` names them: key, field).
    mutating func pairs(_ node: Node, known: [String], context: String,
                        noun: String = "key") -> [(key: String, keyNode: Node, value: Node)] {
        guard let mapping = node.mapping else {
            error(node, "\(context) must be a mapping of keys to values", hint: "write key: value pairs, indented below it")
            return []
        }
        var result: [(String, Node, Node)] = []
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            if !known.isEmpty && !known.contains(key) {
                error(keyNode, "unknown \(noun) '\(key)' in \(context)",
                      hint: didYouMean(key, known) ?? "known \(noun)s: \(known.joined(separator: ", "))")
                continue
            }
            if !seen.insert(key).inserted { error(keyNode, "'\(key)' appears twice in \(context)", hint: "keep one of them") }
            result.append((key, keyNode, value))
        }
        return result
    }

    mutating func string(_ node: Node, _ what: String) -> String? {
        guard let scalar = node.scalar else {
            error(node, "\(what) must be a single value", hint: "write one value; quote it if it holds : or #")
            return nil
        }
        return scalar.string
    }

    mutating func int(_ node: Node, _ what: String, range: ClosedRange<Int>) -> Int? {
        guard let text = string(node, what) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            error(node, "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'",
                  hint: "write a whole number such as \(range.lowerBound)")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        guard let text = string(node, what) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(node, "\(what) must be true or false, not '\(text)'", hint: "write true or false")
            return nil
        }
    }

    mutating func choice<T: RawRepresentable>(_ node: Node, _ what: String, _: T.Type) -> T?
        where T: CaseIterable, T.RawValue == String {
        guard let text = string(node, what) else { return nil }
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        error(node, "\(what) '\(text)' is not one of: \(names.joined(separator: ", "))",
              hint: didYouMean(text, names) ?? "write one of them exactly as shown")
        return nil
    }
}

func isNullScalar(_ node: Node) -> Bool {
    guard let s = node.scalar?.string else { return false }
    return s == "null" || s == "~" || s.isEmpty
}
