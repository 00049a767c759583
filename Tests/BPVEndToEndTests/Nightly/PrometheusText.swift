import Foundation

/// A strict reader of Prometheus's text exposition format (what `promtool check metrics` checks for syntax): every
/// sample's metric has `# HELP` and `# TYPE` lines before its samples, names and label names are valid, label
/// values are quoted with only `\\`, `\"` and `\n` escapes, values are numbers. Returns the samples by their
/// `name{labels}` text.
enum PrometheusText {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> [String: Double] {
        guard text.hasSuffix("\n") else { throw Problem(description: "the text must end with a line feed") }
        var helped = Set<String>(), typed = Set<String>(), samples: [String: Double] = [:]
        let name = "[a-zA-Z_:][a-zA-Z0-9_:]*"
        let sampleLine = try NSRegularExpression(pattern:
            "^(\(name))(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\"(,[a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\")*)?\\})? (\\S+)$")
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            let line = String(line), number = index + 1
            if line.hasPrefix("# HELP ") {
                let parts = line.split(separator: " ", maxSplits: 3)
                guard parts.count == 4 else { throw Problem(description: "line \(number): HELP without text") }
                guard helped.insert(String(parts[2])).inserted else { throw Problem(description: "line \(number): second HELP") }
            } else if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ")
                guard parts.count == 4, ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[3]) else {
                    throw Problem(description: "line \(number): bad TYPE line")
                }
                guard typed.insert(String(parts[2])).inserted else { throw Problem(description: "line \(number): second TYPE") }
            } else if line.hasPrefix("#") || line.isEmpty {
                continue
            } else {
                let range = NSRange(line.startIndex..., in: line)
                guard let match = sampleLine.firstMatch(in: line, range: range),
                      let nameRange = Range(match.range(at: 1), in: line),
                      let valueRange = Range(match.range(at: 7), in: line) else {
                    throw Problem(description: "line \(number): not a sample: \(line)")
                }
                let metric = String(line[nameRange])
                guard helped.contains(metric), typed.contains(metric) else {
                    throw Problem(description: "line \(number): \(metric) has no HELP or TYPE before it")
                }
                let valueText = String(line[valueRange])
                guard let value = Double(valueText) ?? ["+Inf": Double.infinity, "-Inf": -.infinity, "NaN": .nan][valueText]
                else { throw Problem(description: "line \(number): value \(valueText) is not a number") }
                let key = String(line[..<valueRange.lowerBound].dropLast())
                guard samples.updateValue(value, forKey: key) == nil else {
                    throw Problem(description: "line \(number): \(key) twice")
                }
            }
        }
        return samples
    }
}
