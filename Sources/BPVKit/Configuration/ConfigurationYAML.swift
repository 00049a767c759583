import BPVIngest
import Foundation
import Yams

/// The YAML side of reading `bpv.yaml`: every problem becomes `file:line:column: what was expected`, as for mapping
/// files. YAML syntax errors and keys written twice name their place; a value of the wrong kind (`employers` given
/// as one value), a missing key (an employer without `mapping`) or an empty one names the place of the value or of
/// the entry that lacks it.
///
/// Unknown keys are errors, not warnings: a misspelt `employer:` or `aliasses:` would otherwise make the nightly
/// run import nothing, or link no one, and say nothing (a warning in a cron job's output is easily missed).
struct ConfigurationYAML {
    /// One step of the way to a value: a key of a mapping, or an entry of a list (0-based).
    enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    /// A problem at a place in the file.
    struct Problem: Error {
        var line: Int
        var column: Int
        var message: String
    }

    let path: String
    let root: Node

    /// The keys each part of the file may have.
    static let topLevelKeys = ["database", "output", "inbox", "aliases", "employers", "follow_links_out_of_inbox",
                               "reference", "poks", "lists", "rules", "programmes", "calendar",
                               "files", "lock", "metrics", "log", "thresholds", "exports", "report"]
    static let employerKeys = ["id", "name", "leerbedrijf", "folder", "mapping", "pok_choice"]
    static let referenceKeys = ["retention_days", "expiring_within_days", "successor_erkenning_covers", "lists"]
    static let feedKeys = ["folder", "file", "mapping", "edition"]
    static let reportKeys = ["templates"]

    /// What a key that must be there is for, in the message that says it is missing.
    static let requiredKeyPurpose = [
        "id": "the employer's key, used in the store and the alias table",
        "folder": "the folder under the inbox where its files arrive",
        "mapping": "the mapping file that reads its files",
    ]

    /// Parses `text`; throws ``ConfigurationError`` for a YAML syntax error, a key written twice, or an empty file.
    init(text: String, path: String) throws {
        self.path = path
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigurationError(Self.describe(error, in: text, path: path).joined(separator: "\n"))
        }
        guard let node else { throw ConfigurationError("\(path):1:1: the configuration file is empty") }
        root = node
    }

    /// `file:line:column: not valid YAML: ...` for each problem Yams found.
    static func describe(_ error: YamlError, in text: String, path: String) -> [String] {
        if let (duplicates, other) = YAMLDuplicateKeys.find(in: text, after: error) {
            return duplicates.map { "\(path):\($0.line):\($0.column): \($0.message); keep one of them" }
                + (other.map { describe($0, in: text, path: path) } ?? [])
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return ["\(path):\(mark.line):\(mark.column): not valid YAML: \(problem); check indentation and quoting"]
        default:
            return ["\(path):1:1: not valid YAML: \(error)"]
        }
    }

    // MARK: - Places

    /// The node at `steps`, or `nil` when the file has none there.
    func node(at steps: [Step]) -> Node? {
        var node = root
        for step in steps {
            switch step {
            case .key(let key):
                guard let value = node.mapping?[key] else { return nil }
                node = value
            case .index(let index):
                guard let sequence = node.sequence, index >= 0, index < sequence.count else { return nil }
                node = sequence[index]
            }
        }
        return node
    }

    /// A problem at the value at `steps`, or at the deepest node on the way there that the file has.
    func problem(at steps: [Step], _ message: String) -> Problem {
        var steps = steps
        while node(at: steps) == nil && !steps.isEmpty { steps.removeLast() }
        let mark = node(at: steps)?.mark
        return Problem(line: mark?.line ?? 1, column: mark?.column ?? 1, message: message)
    }

    /// A ``ConfigurationError`` at the value at `steps`.
    func error(at steps: [Step], _ message: String) -> ConfigurationError {
        ConfigurationError(path: path, problems: [problem(at: steps, message)])
    }

    // MARK: - Checks

    /// Every key that is not one of its part's keys, at the key's place.
    func unknownKeys() -> [Problem] {
        var found: [Problem] = []
        func check(_ node: Node?, _ known: [String], _ part: String) { found += unknownKeys(in: node, known, part) }
        check(root, Self.topLevelKeys, "the configuration")
        for employer in node(at: [.key("employers")])?.sequence ?? [] { check(employer, Self.employerKeys, "an employer") }
        check(node(at: [.key("reference")]), Self.referenceKeys, "reference")
        for feed in node(at: [.key("reference"), .key("lists")])?.sequence ?? [] {
            check(feed, Self.feedKeys, "a reference list")
        }
        check(node(at: [.key("poks")]), Self.feedKeys, "poks")
        for feed in node(at: [.key("lists")])?.sequence ?? [] { check(feed, Self.feedKeys, "a list") }
        check(node(at: [.key("rules")]), RuleSettings.keys, "rules")
        check(node(at: [.key("files")]), NightlySettings.filesKeys, "files")
        check(node(at: [.key("log")]), NightlySettings.logKeys, "log")
        check(node(at: [.key("thresholds")]), NightlySettings.thresholdKeys, "thresholds")
        check(node(at: [.key("report")]), Self.reportKeys, "report")
        return found
    }

    /// The keys of the mapping `node` that are not `known`, at the key's place (`part` names the mapping).
    func unknownKeys(in node: Node?, _ known: [String], _ part: String) -> [Problem] {
        guard let mapping = node?.mapping else { return [] }
        var found: [Problem] = []
        for (key, _) in mapping {
            let name = key.scalar?.string ?? "\(key)"
            guard !known.contains(name) else { continue }
            let hint = didYouMean(name, known).map { "\($0); " } ?? ""
            found.append(Problem(line: key.mark?.line ?? 1, column: key.mark?.column ?? 1,
                                 message: "unknown key '\(name)' in \(part) (\(hint)known keys: "
                                     + known.joined(separator: ", ") + ")"))
        }
        return found
    }

    /// The file decoded as `T`; a value of the wrong kind or a missing key throws a ``Problem`` at its place.
    func decode<T: Decodable>(_ type: T.Type) throws(Problem) -> T {
        do {
            return try YAMLDecoder().decode(type, from: root)
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw Problem(line: 1, column: 1, message: "\(error)")
        }
    }

    private func describe(_ error: DecodingError) -> Problem {
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let steps = Self.steps(context.codingPath)
            return problem(at: steps, "\(subject(steps)) must be \(expectation(type, steps)), not \(found(node(at: steps)))")
        case .keyNotFound(let key, let context):
            let steps = Self.steps(context.codingPath)
            let purpose = Self.requiredKeyPurpose[key.stringValue].map { " (\($0))" } ?? ""
            return problem(at: steps, "\(entryName(steps)) needs '\(key.stringValue)'\(purpose)")
        case .dataCorrupted(let context):
            let steps = Self.steps(context.codingPath)
            return problem(at: steps, "\(subject(steps)): \(context.debugDescription)")
        @unknown default:
            return Problem(line: 1, column: 1, message: "\(error)")
        }
    }

    static func steps(_ codingPath: [any CodingKey]) -> [Step] {
        codingPath.map { key in key.intValue.map(Step.index) ?? .key(key.stringValue) }
    }

    /// `'employers'`, `each entry of 'employers'`, `the configuration`.
    private func subject(_ steps: [Step]) -> String {
        switch (steps.dropLast().last, steps.last) {
        case (_, nil): return "the configuration"
        case (_, .key(let key)?): return "'\(key)'"
        case (.key(let key)?, .index?): return "each entry of '\(key)'"
        default: return "each entry"
        }
    }

    /// `the employer 'podiumbouw-oost'`, `the reference list`, `poks`: the entry that holds a key.
    func entryName(_ steps: [Step]) -> String {
        switch (steps.dropLast().last, steps.last) {
        case (_, nil): return "the configuration"
        case (.key("employers")?, .index?):
            return "the employer" + (node(at: steps + [.key("id")])?.scalar.map { " '\($0.string)'" } ?? "")
        case (.key("lists")?, .index?): return "the reference list"
        default: return subject(steps)
        }
    }

    private func expectation(_ type: Any.Type, _ steps: [Step]) -> String {
        let name = String(describing: type)
        if name.contains("Sequence") || name.hasPrefix("Array") {
            return steps == [.key("employers")] ? "a list of employers (one '- id: ...' entry each)"
                : "a list (one '- ' entry each)"
        }
        if name.contains("Mapping") || name.hasPrefix("Dictionary") { return "keys with values, indented below it" }
        if name.contains("Bool") { return "true or false" }
        if name.contains("Int") { return "a whole number" }
        return "a single value"
    }

    private func found(_ node: Node?) -> String {
        switch node {
        case .scalar(let scalar)?: return scalar.string.isEmpty ? "empty" : "'\(scalar.string)'"
        case .sequence?: return "a list"
        case .mapping?: return "keys with values"
        case .alias?, nil: return "nothing"
        }
    }
}

extension ConfigurationError {
    /// One line per problem, in file order: `file:line:column: message`.
    init(path: String, problems: [ConfigurationYAML.Problem]) {
        self.init(problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
            .map { "\(path):\($0.line):\($0.column): \($0.message)" }.joined(separator: "\n"))
    }
}
