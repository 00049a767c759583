import BPVModel
import Yams

/// Reads an hour mapping's `rows` section: `skip_when`, the conditions under which a record is not hours (a break
/// row, a total row, a cancelled shift) and is skipped and counted rather than made an entry or rejected.
///
///     rows:
///       skip_when:
///         - { field: category, equals: [Pauze, Break], reason: break row }
///         - { field: employee, starts_with: Totaal, reason: total row }
///         - { column: Status, equals: Geannuleerd, reason: cancelled }
struct HourSkipRulesBuilder {
    /// Whether the source has a header row (CSV): only then can a condition name a column.
    var hasHeader: Bool

    func build(_ node: Node?, fields: [String: FieldSpec], written: Set<String>, _ r: inout NodeReader) -> [HourMapping.SkipRule] {
        guard let node else { return [] }
        var rules: [HourMapping.SkipRule] = []
        for (key, _, value) in r.pairs(node, known: ["skip_when"], context: "rows") where key == "skip_when" {
            let items = value.sequence.map { Array($0) } ?? [value]
            for item in items {
                if let rule = readRule(item, fields: fields, written: written, &r) { rules.append(rule) }
            }
        }
        return rules
    }

    private func readRule(_ item: Node, fields: [String: FieldSpec], written: Set<String>,
                          _ r: inout NodeReader) -> HourMapping.SkipRule? {
        guard item.mapping != nil else {
            r.error(item, "a rows.skip_when condition is a mapping",
                    hint: "- { field: category, equals: Pauze, reason: break row }")
            return nil
        }
        var fieldName: String?
        var column: String?
        var rule = HourMapping.SkipRule(field: nil, reason: "")
        var reason: String?
        var tested = false
        for (key, _, value) in r.pairs(item, known: ["field", "column", "equals", "starts_with", "empty", "reason"],
                                       context: "rows.skip_when") {
            switch key {
            case "field": fieldName = r.string(value, "field")
            case "column":
                column = r.string(value, "column")
                if column != nil && !hasHeader {
                    r.error(value, "rows.skip_when can name a column only in a CSV file with a header",
                            hint: "test a mapped field instead: field: NAME")
                }
            case "equals": rule.equals = Set(words(value, "equals", &r)); tested = true
            case "starts_with": rule.startsWith = words(value, "starts_with", &r); tested = true
            case "empty": rule.empty = r.bool(value, "empty") ?? false; tested = true
            default: reason = r.string(value, "reason")
            }
        }
        if let column {
            guard fieldName == nil else {
                r.error(item, "a rows.skip_when condition tests one field or one column, not both",
                        hint: "keep field: or column:")
                return nil
            }
            guard tested else {
                r.error(item, "the rows.skip_when condition on column '\(column)' tests nothing",
                        hint: "give equals: [VALUES], starts_with: [PREFIXES] or empty: true")
                return nil
            }
            rule.column = column
            rule.reason = reason ?? describe(rule, column)
            return rule
        }
        guard let fieldName else {
            r.error(item, "a rows.skip_when condition needs 'field' (or 'column')",
                    hint: "the mapped field to test, e.g. field: category; or a column the entry does not read")
            return nil
        }
        guard written.contains(fieldName), let field = HourField(rawValue: fieldName) else {
            r.error(item, "rows.skip_when names '\(fieldName)', which is not a mapped field",
                    hint: didYouMean(fieldName, Array(written)) ?? "name a field mapped under fields:")
            return nil
        }
        if let spec = fields[fieldName], case .constant = spec.source {
            r.error(item, "rows.skip_when names '\(fieldName)', which is a constant",
                    hint: "skip_when tests fields read from the file")
            return nil
        }
        guard tested else {
            r.error(item, "the rows.skip_when condition on '\(fieldName)' tests nothing",
                    hint: "give equals: [VALUES], starts_with: [PREFIXES] or empty: true")
            return nil
        }
        rule.field = field
        rule.reason = reason ?? describe(rule, fieldName)
        return rule
    }

    /// One word or a list of words, lower-cased and trimmed.
    private func words(_ node: Node, _ what: String, _ r: inout NodeReader) -> [String] {
        let items = node.sequence.map { Array($0) } ?? [node]
        return items.compactMap { r.string($0, what)?.trimmingWhitespace().lowercased() }.filter { !$0.isEmpty }
    }

    private func describe(_ rule: HourMapping.SkipRule, _ field: String) -> String {
        var parts: [String] = []
        if !rule.equals.isEmpty { parts.append("\(field) is \(rule.equals.sorted().joined(separator: " or "))") }
        if !rule.startsWith.isEmpty { parts.append("\(field) starts with \(rule.startsWith.joined(separator: " or "))") }
        if rule.empty { parts.append("\(field) is empty") }
        return parts.joined(separator: ", or ")
    }
}
