import BPVModel
import Yams

/// Builds an ``HourMapping`` from a checked ``MappingDocument``: the `identity` and `hours` sections, and the
/// fields an hour entry cannot do without.
struct HourMappingBuilder {
    func build(_ document: MappingDocument, _ r: inout NodeReader) -> HourMapping? {
        var identity = EmployeeIdentityKind.personeelsnummer
        if let node = document.sections["identity"] {
            identity = r.choice(node, "identity", EmployeeIdentityKind.self) ?? identity
        }
        var fields: [HourField: FieldSpec] = [:]
        for (name, spec) in document.fields {
            if let field = HourField(rawValue: name) { fields[field] = spec }
        }
        // Fields written in the file but broken were reported already; only absent ones are "missing".
        let written = Set((document.fieldsNode?.mapping.map { Array($0.keys) } ?? []).compactMap { $0.scalar?.string })
        var present = fields
        for name in written { if let f = HourField(rawValue: name), present[f] == nil {
            present[f] = FieldSpec(source: .constant(""), kind: .text, optional: true, mappingLine: 0)
        } }
        let hours = readHours(document.sections["hours"], fields: present, root: document.root, &r)
        checkRequiredFields(present, hours: hours, root: document.fieldsNode ?? document.root, &r)
        checkCorrections(present, document: document, &r)
        let skipRules = HourSkipRulesBuilder(hasHeader: document.source.format == .csv && document.source.header).build(document.sections["rows"], fields: document.fields,
                                                     written: written, &r)
        guard !r.hasErrors else { return nil }
        var mapping = HourMapping(name: document.name, revision: document.revision, description: document.description,
                           path: document.path, source: document.source, identity: identity, fields: fields,
                           hours: hours, codes: document.codes, importRule: document.importRule,
                           sectionLines: document.sectionLines)
        mapping.skipRules = skipRules
        return mapping
    }

    private func readHours(_ node: Node?, fields: [HourField: FieldSpec], root: Node,
                           _ r: inout NodeReader) -> HourMapping.HoursRule {
        var rule = HourMapping.HoursRule(from: fields[.duration] != nil ? .duration : .times,
                                         maxEntryMinutes: 24 * 60, allowNegative: false)
        if let node {
            for (key, _, value) in r.pairs(node, known: ["from", "max_entry_hours", "allow_negative"], context: "hours") {
                switch key {
                case "from":
                    if let s = r.string(value, "from") {
                        if let v = HourMapping.MinutesSource(rawValue: s) { rule.from = v } else {
                            r.error(value, "from '\(s)' is not one of: times, duration",
                                    hint: didYouMean(s, ["times", "duration"]) ?? "times: end - start - break; duration: the duration field")
                        }
                    }
                case "max_entry_hours":
                    rule.maxEntryMinutes = (r.int(value, "max_entry_hours", range: 1...168) ?? 24) * 60
                default:
                    rule.allowNegative = r.bool(value, "allow_negative") ?? false
                }
            }
        }
        return rule
    }

    /// Corrections act on earlier entries by their id: they need one.
    private func checkCorrections(_ fields: [HourField: FieldSpec], document: MappingDocument, _ r: inout NodeReader) {
        guard fields[.externalID] == nil else { return }
        if fields[.action] != nil {
            r.error(document.fieldsNode ?? document.root, "field 'action' needs an 'external_id' field",
                    hint: "a change or void names the earlier entry by its id, e.g. external_id: { path: hr:Id/hr:IdValue }")
        }
        if document.importRule.supersede == .externalID {
            r.error(document.root.mapping?["import"] ?? document.root, "supersede: external_id needs an 'external_id' field",
                    hint: "map the entry's id, or use supersede: period")
        }
    }

    private func checkRequiredFields(_ fields: [HourField: FieldSpec], hours: HourMapping.HoursRule, root: Node,
                                     _ r: inout NodeReader) {
        if fields[.employee] == nil && fields[.student] == nil {
            r.error(root, "fields need 'employee' (or 'student')", hint: "the employee's personeelsnummer, e-mail or name")
        }
        var startIsDatetime = false
        if let start = fields[.start], case .datetime = start.kind { startIsDatetime = true }
        if fields[.date] == nil && !startIsDatetime {
            r.error(root, "fields need 'date' (or a 'start' read as datetime)", hint: "date: { column: NAME, date: dd-MM-yyyy }")
        }
        switch hours.from {
        case .duration where fields[.duration] == nil:
            r.error(root, "hours.from is duration but no 'duration' field is mapped",
                    hint: "map duration: { column: NAME, duration: H:MM }, or set hours.from: times")
        case .times where fields[.start] == nil || fields[.end] == nil:
            r.error(root, "hours.from is times but 'start' and 'end' are not both mapped",
                    hint: "map start and end, or a duration field")
        default: break
        }
    }

}
