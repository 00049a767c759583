import BPVModel
import Yams

/// Checks the parts every mapping shares (version, name, source, fields, codes, import) against a
/// ``MappingSchema`` and builds a ``MappingDocument``. Kind-specific sections are left to the kind's builder.
final class MappingDocumentBuilder {
    static let commonKeys = ["bpv_mapping", "name", "revision", "description", "produces", "source", "fields",
                             "codes", "import"]
    private var schema = MappingSchema.hourEntries
    private var codeValueNodes: [String: [Node]] = [:]

    func build(_ root: Node, path: String, _ r: inout NodeReader) -> MappingDocument? {
        // The schema first: `produces` decides which fields and sections are known.
        if let producesNode = root.mapping?["produces"], let produces = producesNode.scalar?.string {
            if let found = MappingSchema.all[produces] { schema = found } else {
                r.error(producesNode, "produces '\(produces)' is not a known kind",
                        hint: "known: \(MappingSchema.all.keys.sorted().joined(separator: ", "))")
                return nil
            }
        } else {
            r.error(root, "missing 'produces' (what the records become, e.g. hour_entries)",
                    hint: "add produces: hour_entries")
            return nil
        }
        var name: String?, revision = 1, description: String?
        var source = SourceSpec(format: .csv, encoding: nil, csv: CSVDialect(), header: true)
        var fieldsNode: Node?, codesNode: Node?
        var importRule = ImportRule()
        var sections: [String: Node] = [:]
        var sawVersion = false, sawSource = false
        var sectionLines: [String: Int] = [:]

        for (key, keyNode, value) in r.pairs(root, known: Self.commonKeys + schema.sections, context: "the mapping") {
            sectionLines[key] = keyNode.mark?.line ?? 1
            switch key {
            case "bpv_mapping":
                sawVersion = true
                if let v = r.int(value, "bpv_mapping", range: 1...999),
                   !MappingLoader.supportedLanguageVersions.contains(v) {
                    r.error(value, "mapping language version \(v) is not supported by this bpv",
                            hint: "this bpv reads version 1")
                }
            case "name":
                name = r.string(value, "name")
                if let n = name, n.isEmpty || n.contains(where: { $0.isWhitespace }) {
                    r.error(value, "name must be one word, like shiftbase-roosterdetail",
                            hint: n.isEmpty ? "give a stable id such as vendor-report"
                                : "join the words with -: \(n.split(whereSeparator: { $0.isWhitespace }).joined(separator: "-"))")
                }
            case "revision": revision = r.int(value, "revision", range: 1...1_000_000) ?? 1
            case "description": description = r.string(value, "description")
            case "produces": break
            case "source": sawSource = true; source = readSource(value, &r)
            case "fields": fieldsNode = value
            case "codes": codesNode = value
            case "import": importRule = readImport(value, &r)
            default: sections[key] = value
            }
        }
        if !sawVersion { r.error(root, "missing 'bpv_mapping: 1' (the mapping language version)", hint: "add bpv_mapping: 1 as the first line") }
        if name == nil { r.error(root, "missing 'name' (a stable id such as shiftbase-roosterdetail)", hint: "add name: vendor-report") }
        if !sawSource { r.error(root, "missing 'source' (format, encoding, delimiter, header)", hint: "copy the source: section of a mapping in mappings/hours/") }

        let codes = codesNode.map { readCodes($0, &r) } ?? [:]
        var fields: [String: FieldSpec] = [:]
        if let fieldsNode {
            fields = readFields(fieldsNode, source: source, codes: codes, &r)
        } else {
            r.error(root, "missing 'fields'", hint: "map the dossier fields to columns")
        }
        checkUnusedCodes(codes, fields: fields, node: codesNode, &r)
        // Without a name the mapping is unusable (an error says so), but the kind's checks still run, so that one
        // lint shows every mistake.
        return MappingDocument(name: name ?? "unnamed", revision: revision, description: description, path: path, schema: schema,
                               source: source, fields: fields, codes: codes, importRule: importRule,
                               sectionLines: sectionLines, sections: sections, fieldsNode: fieldsNode, root: root)
    }

    private static let csvSourceKeys = ["delimiter", "quote", "header", "skip_lines"]
    private static let xmlSourceKeys = ["record", "namespaces"]

    private func readSource(_ node: Node, _ r: inout NodeReader) -> SourceSpec {
        var spec = SourceSpec(format: .csv, encoding: nil, csv: CSVDialect(), header: true)
        let keys = ["format", "encoding"] + Self.csvSourceKeys + Self.xmlSourceKeys
        var sawFormat = false
        let pairs = r.pairs(node, known: keys, context: "source")
        // The format first: it decides which other keys belong here.
        if let formatNode = pairs.first(where: { $0.key == "format" })?.value {
            sawFormat = true
            if let f = r.string(formatNode, "format") {
                if let format = SourceSpec.Format(rawValue: f) { spec.format = format } else {
                    r.error(formatNode, "format '\(f)' is not one of: csv, xml", hint: didYouMean(f, ["csv", "xml"]) ?? "write format: csv")
                }
            }
        }
        var recordNode: Node?
        var namespaces = XMLNamespaces()
        for (key, keyNode, value) in pairs {
            if spec.format == .xml && Self.csvSourceKeys.contains(key) {
                r.error(keyNode, "'\(key)' is for CSV sources; this source is XML", hint: "remove it")
                continue
            }
            if spec.format == .csv && Self.xmlSourceKeys.contains(key) {
                r.error(keyNode, "'\(key)' is for XML sources; this source is CSV", hint: "set format: xml, or remove it")
                continue
            }
            switch key {
            case "format": break
            case "encoding":
                guard let e = r.string(value, "encoding") else { break }
                if e.lowercased() == "auto" { spec.encoding = nil; break }
                let aliases = ["utf8": "utf-8", "cp1252": "windows-1252", "latin1": "iso-8859-1",
                               "latin-1": "iso-8859-1", "utf-8-bom": "utf-8", "utf16le": "utf-16le"]
                let normalised = aliases[e.lowercased()] ?? e.lowercased()
                if let encoding = TextEncoding(rawValue: normalised) { spec.encoding = encoding } else {
                    let names = TextEncoding.allCases.map(\.rawValue) + ["auto"]
                    r.error(value, "encoding '\(e)' is not one of: \(names.joined(separator: ", "))",
                            hint: didYouMean(e, names) ?? "auto detects it per file")
                }
            case "delimiter": if let b = readByte(value, "delimiter", &r) { spec.csv.delimiter = b }
            case "quote": if let b = readByte(value, "quote", &r) { spec.csv.quote = b }
            case "header": spec.header = r.bool(value, "header") ?? true
            case "skip_lines": spec.csv.skipLines = r.int(value, "skip_lines", range: 0...1000) ?? 0
            case "record": recordNode = value
            case "namespaces": namespaces = readNamespaces(value, &r)
            default: break
            }
        }
        if !sawFormat { r.error(node, "source needs a format (csv or xml)", hint: "add format: csv") }
        if spec.format == .csv && spec.csv.delimiter == spec.csv.quote {
            r.error(node, "delimiter and quote are the same character", hint: "the quote is almost always '\"'")
        }
        if spec.format == .xml {
            guard let recordNode else {
                r.error(node, "an XML source needs 'record': the path of the elements that are the records",
                        hint: "for example record: /hr:TimeCard/hr:ReportedTime/hr:TimeInterval")
                return spec
            }
            guard let text = r.string(recordNode, "record") else { return spec }
            switch XMLPathParser.recordPath(text, namespaces) {
            case .success(let path): spec.xml = XMLSourceSpec(record: path, namespaces: namespaces)
            case .failure(let error): r.error(recordNode, error.message, hint: error.hint ?? "a path like /hr:TimeCard/hr:ReportedTime/hr:TimeInterval")
            }
        }
        return spec
    }

    private func readNamespaces(_ node: Node, _ r: inout NodeReader) -> XMLNamespaces {
        var result: [String: String] = [:]
        for (prefix, keyNode, value) in r.pairs(node, known: [], context: "namespaces") {
            guard let uri = r.string(value, "namespace '\(prefix)'") else { continue }
            if !XMLPathParser.isNCName(prefix) || prefix.contains(":") {
                r.error(keyNode, "'\(prefix)' is not a valid namespace prefix", hint: "a prefix is a name like hr or ns1")
            } else if prefix.lowercased().hasPrefix("xml") {
                r.error(keyNode, "the prefix '\(prefix)' is reserved by XML", hint: "choose another prefix, e.g. hr")
            } else if uri.trimmingWhitespace().isEmpty {
                r.error(value, "namespace '\(prefix)' needs a URI", hint: "for SETU TimeCard: http://ns.hr-xml.org/2007-04-15")
            } else {
                result[prefix] = uri.trimmingWhitespace()
            }
        }
        return XMLNamespaces(result)
    }

    private func readByte(_ node: Node, _ what: String, _ r: inout NodeReader) -> UInt8? {
        guard let text = r.string(node, what) else { return nil }
        let value = text == "\\t" || text == "tab" ? "\t" : text
        guard value.utf8.count == 1, let b = value.utf8.first, b < 0x80, b != 0x0A, b != 0x0D else {
            r.error(node, "\(what) must be one ASCII character, not '\(text)'",
                    hint: what == "delimiter" ? "write \";\" or \",\" in quotes, or \"\\t\" for tab"
                        : "the quote is almost always '\"'")
            return nil
        }
        return b
    }

    private func readImport(_ node: Node, _ r: inout NodeReader) -> ImportRule {
        var rule = ImportRule()
        for (key, _, value) in r.pairs(node, known: ["supersede", "max_reject_percent"], context: "import") {
            if key == "supersede" {
                if let v = r.choice(value, "supersede", ImportRule.Supersede.self) { rule.supersede = v }
            } else if let text = r.string(value, key) {
                if let v = Double(text), (0...100).contains(v) { rule.maxRejectPercent = v } else {
                    r.error(value, "max_reject_percent must be a number from 0 to 100, not '\(text)'",
                            hint: "100 never fails a file for its rejects; 5 fails it above 5%")
                }
            }
        }
        return rule
    }

    private func readCodes(_ node: Node, _ r: inout NodeReader) -> [String: CodeTable] {
        codeValueNodes = [:]
        var tables: [String: CodeTable] = [:]
        for (name, nameNode, tableNode) in r.pairs(node, known: [], context: "codes") {
            var table = CodeTable(name: name, values: [:], listedCodes: [], defaultValue: nil,
                                  mappingLine: nameNode.mark?.line ?? 1, mappingColumn: nameNode.mark?.column ?? 1)
            var nodes: [Node] = []
            for (key, _, value) in r.pairs(tableNode, known: ["values", "default"], context: "code table '\(name)'") {
                if key == "default" {
                    if !isNullScalar(value) { table.defaultValue = r.string(value, "default"); nodes.append(value) }
                    continue
                }
                for (code, codeNode, valueNode) in r.pairs(value, known: [], context: "values of '\(name)'") {
                    guard let target = r.string(valueNode, "value of code '\(code)'") else { continue }
                    let normalised = code.trimmingWhitespace().lowercased()
                    if table.values[normalised] != nil {
                        r.error(codeNode, "code '\(code)' is listed twice in '\(name)' (codes ignore case)",
                                hint: "keep one of them")
                    }
                    table.values[normalised] = target
                    table.listedCodes.append(code)
                    nodes.append(valueNode)
                }
            }
            codeValueNodes[name] = nodes
            if table.values.isEmpty && table.defaultValue == nil {
                r.error(tableNode, "code table '\(name)' lists no values", hint: "add values: {CODE: category}")
            }
            tables[name] = table
        }
        return tables
    }

    private func readFields(_ node: Node, source: SourceSpec, codes: [String: CodeTable],
                            _ r: inout NodeReader) -> [String: FieldSpec] {
        var fields: [String: FieldSpec] = [:]
        for (name, _, value) in r.pairs(node, known: schema.fieldOrder, context: "fields", noun: "field") {
            guard let rule = schema.fields[name] else { continue }
            if let spec = readField(name, rule, value, source: source, codes: codes, &r) { fields[name] = spec }
        }
        return fields
    }

    private func readField(_ fieldName: String, _ rule: MappingSchema.FieldRule, _ node: Node, source sourceSpec: SourceSpec,
                           codes: [String: CodeTable], _ r: inout NodeReader) -> FieldSpec? {
        let header = sourceSpec.header
        let keys = ["column", "path", "value", "date", "time", "datetime", "duration", "codes", "boolean", "optional"]
        var source: FieldSpec.Source?
        var kind: FieldSpec.Kind?
        var optional = false
        var formatGiven = false
        var sourceProblemReported = false
        let context = "field '\(fieldName)'"
        for (key, keyNode, value) in r.pairs(node, known: keys, context: context) {
            func setKind(_ k: FieldSpec.Kind) {
                if kind != nil {
                    r.error(keyNode, "\(context) has more than one value type",
                            hint: "keep one of: \(rule.kinds.joined(separator: ", "))")
                }
                guard rule.kinds.contains(k.name) else {
                    r.error(keyNode, "\(context) cannot be read as \(k.name)",
                            hint: "\(fieldName) takes: \(rule.kinds.joined(separator: ", "))")
                    return
                }
                kind = k
            }
            switch key {
            case "column":
                guard let text = r.string(value, "column") else { break }
                if sourceSpec.format == .xml {
                    sourceProblemReported = true
                    r.error(keyNode, "\(context): XML sources take path:, not column:",
                            hint: "path: relative to the record element, e.g. { path: hr:StartDateTime } or { path: \"@type\" }")
                } else if header {
                    source = .column(text)
                } else if let n = Int(text), n >= 1 {
                    source = .position(n)
                } else {
                    r.error(value, "with header: false, column must be a position (1 = first column), not '\(text)'",
                            hint: "write column: 3, or set source.header: true to use names")
                }
            case "path":
                sourceProblemReported = true
                guard sourceSpec.format == .xml else {
                    r.error(keyNode, "\(context): path: is for XML sources; CSV fields take column:", hint: "write column: NAME")
                    break
                }
                guard let xml = sourceSpec.xml else { break } // the record path's own error was reported
                let items = value.sequence.map { Array($0) } ?? [value]
                if items.isEmpty { r.error(value, "\(context): path: lists no paths", hint: "path: hr:StartDateTime") }
                var paths: [XMLFieldPath] = []
                for item in items {
                    guard let text = r.string(item, "path") else { continue }
                    switch XMLPathParser.fieldPath(text, record: xml.record, xml.namespaces) {
                    case .success(let path): paths.append(path)
                    case .failure(let error): r.error(item, "\(context): \(error.message)", hint: error.hint ?? "paths are relative to the record element")
                    }
                }
                if paths.count == items.count && !paths.isEmpty { source = .path(paths); sourceProblemReported = false }
            case "value":
                if let text = r.string(value, "value") { source = .constant(text) }
            case "date", "time", "datetime":
                formatGiven = true
                guard let text = r.string(value, key) else { break }
                do {
                    let pattern = try DateTimePattern(text)
                    if key == "date" && (!pattern.hasDate || pattern.hasTime) {
                        r.error(value, "date pattern '\(text)' must hold a date only",
                                hint: pattern.hasDate ? "use datetime: for a date and a time" : "use time: for a time of day")
                    } else if key == "time" && (pattern.hasDate || !pattern.hasTime) {
                        r.error(value, "time pattern '\(text)' must hold a time only",
                                hint: pattern.hasTime ? "use datetime: for a date and a time" : "use date: for a date")
                    } else if key == "datetime" && !(pattern.hasDate && pattern.hasTime) {
                        r.error(value, "datetime pattern '\(text)' must hold a date and a time",
                                hint: pattern.hasDate ? "use date: for a date only" : "use time: for a time only")
                    }
                    setKind(key == "date" ? .date(pattern) : key == "time" ? .time(pattern) : .datetime(pattern))
                } catch {
                    let examples = key == "date" ? "dd-MM-yyyy, d-M-yyyy, yyyy-MM-dd, dd/MM/yyyy"
                        : key == "time" ? "HH:mm, H:mm, HH:mm:ss, h:mm a" : "yyyy-MM-dd HH:mm, dd-MM-yyyy HH:mm:ss"
                    r.error(value, "\(error)", hint: "for example \(examples)")
                }
            case "duration":
                formatGiven = true
                if let format = r.choice(value, "duration format", DurationFormat.self) { setKind(.duration(format)) }
            case "codes":
                guard let table = r.string(value, "codes") else { break }
                if codes[table] == nil {
                    r.error(value, "code table '\(table)' is not defined under codes:",
                            hint: didYouMean(table, Array(codes.keys))
                                ?? (codes.isEmpty ? "define it under codes: with values: {CODE: category}"
                                    : "defined tables: \(codes.keys.sorted().joined(separator: ", "))"))
                } else if let allowed = rule.codeValues {
                    for valueNode in codeValueNodes[table] ?? [] {
                        let target = valueNode.scalar?.string ?? ""
                        if !allowed.contains(target) {
                            r.error(valueNode, "'\(target)' in code table '\(table)' is not a \(fieldName) value",
                                    hint: (suggestion(target, allowed).map { $0 + "; " } ?? "") + "allowed: \(allowed.joined(separator: ", "))")
                        }
                    }
                }
                setKind(.codes(table))
            case "boolean":
                var trues: Set<String> = [], falses: Set<String> = []
                for (side, _, list) in r.pairs(value, known: ["true", "false"], context: "boolean") {
                    let items = list.sequence.map { Array($0) } ?? [list]
                    let words = Set(items.compactMap { $0.scalar?.string.trimmingWhitespace().lowercased() })
                    if side == "true" { trues = words } else { falses = words }
                }
                if trues.isEmpty { r.error(value, "boolean needs a list of true values", hint: "true: [Ja, 1]") }
                if !trues.isDisjoint(with: falses) {
                    r.error(value, "a value is both true and false: \(trues.intersection(falses).sorted())",
                            hint: "remove it from one of the lists")
                }
                setKind(.boolean(trueValues: trues, falseValues: falses))
            case "optional":
                optional = r.bool(value, "optional") ?? false
            default: break
            }
        }
        guard let source else {
            if sourceSpec.format == .xml {
                if !sourceProblemReported {
                    r.error(node, "\(context) needs a path or a value", hint: "{ path: hr:Duration } or { value: TEXT }")
                }
            } else if !sourceProblemReported {
                r.error(node, "\(context) needs a column or a value", hint: "{ column: NAME } or { value: TEXT }")
            }
            return nil
        }
        let resolvedKind: FieldSpec.Kind
        if let kind {
            resolvedKind = kind
        } else if rule.kinds == ["boolean"], case .constant = source {
            resolvedKind = .boolean(trueValues: ["true", "yes", "ja", "1"], falseValues: ["false", "no", "nee", "0"])
        } else if formatGiven {
            return nil // the format's own error was reported
        } else if fieldName == HourField.assignedDay.rawValue, case .constant = source {
            // A constant day assignment (`next`, `+1`) is relative: it needs no pattern (a date is read as ISO).
            resolvedKind = .date(try! DateTimePattern("yyyy-MM-dd"))
        } else if rule.needsFormat || !rule.kinds.contains("text") {
            let hint = rule.kinds.map { "\($0): ..." }.joined(separator: " or ")
            r.error(node, "\(context) needs a format", hint: hint)
            return nil
        } else {
            resolvedKind = .text
        }
        if fieldName == HourField.assignedDay.rawValue, case .constant(let text) = source,
           case .date(let pattern) = resolvedKind, DayOffset.days(text) == nil,
           Array(text.utf8).withUnsafeBytes({ pattern.parse($0)?.date }) == nil {
            r.error(node, "assigned_day '\(text)' is not a day assignment",
                    hint: "\(DayOffset.expected), or a date like \(pattern.pattern)")
        }
        // A constant `skip` would skip every record: `skip` is for code tables only.
        if case .constant(let text) = source, case .text = resolvedKind,
           let allowed = rule.codeValues?.filter({ $0 != HourMapping.skipCode }), !allowed.contains(text) {
            r.error(node, "\(fieldName) '\(text)' is not one of: \(allowed.joined(separator: ", "))",
                    hint: didYouMean(text, allowed) ?? "allowed: \(allowed.joined(separator: ", "))")
        }
        return FieldSpec(source: source, kind: resolvedKind, optional: optional, mappingLine: node.mark?.line ?? 1,
                         mappingColumn: node.mark?.column ?? 1)
    }

    /// "did you mean" for a misspelt value, or for a word the hour-type guesser knows (`vacation` -> `leave`).
    private func suggestion(_ word: String, _ allowed: [String]) -> String? {
        if let close = didYouMean(word, allowed) { return close }
        let (category, note) = HourTypeWords.guess(word)
        guard note.check == nil, allowed.contains(category.rawValue) else { return nil }
        return "did you mean '\(category.rawValue)'?"
    }

    private func checkUnusedCodes(_ codes: [String: CodeTable], fields: [String: FieldSpec], node: Node?,
                                  _ r: inout NodeReader) {
        let used = Set(fields.values.compactMap { spec -> String? in
            if case .codes(let t) = spec.kind { return t }
            return nil
        })
        for name in codes.keys.sorted() where !used.contains(name) {
            r.warning(node, "code table '\(name)' is not used by any field", hint: "use it with codes: \(name)")
        }
    }
}
