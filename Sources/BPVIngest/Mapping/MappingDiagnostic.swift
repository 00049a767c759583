/// A problem found in a mapping file, with its place in the file and a hint on how to fix it.
public struct MappingDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String
    public var hint: String?

    /// `mappings/hours/x.yaml:12:5: error: ... (hint: ...)`
    public var description: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message)" + (hint.map { " (hint: \($0))" } ?? "")
    }
}

extension Array where Element == MappingDiagnostic {
    /// The diagnostics in the order of the mapping file: by line, then column; the same place keeps its order.
    public func inFileOrder() -> [MappingDiagnostic] {
        enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }.map(\.element)
    }
}

/// A mapping file that cannot be used: every error found, not just the first.
public struct MappingError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [MappingDiagnostic]
    public init(diagnostics: [MappingDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String {
        diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
    }
}

/// Levenshtein distance, for "did you mean" hints.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

/// "did you mean 'x'?" for the closest of `candidates`, when it is close enough (also for `bpv.yaml`'s keys).
public func didYouMean(_ word: String, _ candidates: [String]) -> String? {
    let best = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }.min { $0.1 < $1.1 }
    guard let best, best.1 <= max(2, word.count / 3) else { return nil }
    return "did you mean '\(best.0)'?"
}
