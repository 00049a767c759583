import BPVModel

/// The physical side of a draft: what the sample file is. Each format has its own `source:` writer and shares
/// everything else.
public enum DraftSource: Sendable {
    case csv(CSVSniffResult)
    /// The record element path and namespaces (``XMLSampleSniffer``).
    case xml(XMLSniffResult)

    var table: SampleTable {
        switch self {
        case .csv(let sniff): return sniff.table
        case .xml(let sniff): return sniff.table
        }
    }

    var isXML: Bool {
        if case .xml = self { return true }
        return false
    }
}

/// Writes a ``DraftPlan`` as a mapping file in the language of mappings/README.md: every choice with its evidence
/// as a comment above it, unsure ones marked `# CHECK:`, required fields without a column as commented templates.
public struct MappingDraftWriter {
    public init() {}

    /// The draft's YAML text. `name`: the mapping's name (`nil`: derived from the sample's file name, to check).
    public func write(_ plan: DraftPlan, source: DraftSource, name: String?, sampleFile: String) -> String {
        var out: [String] = []
        let fileName = sampleFile.split(separator: "/").last.map(String.init) ?? sampleFile
        out += [
            "# Draft hour mapping written by `bpv mapping draft` from \(fileName)",
            "# (\(plan.recordCount) records sampled\(plan.isWholeFile ? ", the whole file" : "")). Each choice says what "
                + "it is based on; lines marked",
            "# \"# CHECK\" need your decision: fix the choice, then delete the mark. `bpv mapping lint` lists the marks",
            "# that are left; `bpv mapping preview` shows what this mapping makes of a file.",
        ]
        if case .csv(let sniff) = source, let header = sniff.header ? sniff.table.columns.compactMap(\.name) : nil {
            out.append("# Columns: " + header.joined(separator: String(UnicodeScalar(sniff.dialect.delimiter))))
        }
        out.append("bpv_mapping: 1")
        if let name {
            out.append("name: \(DraftYAML.scalar(name))")
        } else {
            out.append("# CHECK: the layout's stable id (with the employer it names the import source): give one like "
                       + "vendor-report")
            out.append("name: \(DraftYAML.scalar(Self.name(fromFile: fileName)))")
        }
        out += ["revision: 1", "description: " + DraftYAML.scalar("Draft from \(fileName)"), "produces: hour_entries", ""]

        switch source {
        case .csv(let sniff): out += csvSource(sniff)
        case .xml(let sniff): out += xmlSource(sniff)
        }
        out.append("")
        if let identity = plan.identity {
            out += comments(plan.identityNote.map { [$0] } ?? [], indent: 0)
            out.append("identity: \(identity.rawValue)")
            out.append("")
        }
        var fieldsNote: DraftNote?
        if case .xml(let sniff) = source { fieldsNote = sniff.fieldsNote }
        out += fields(plan, key: source.isXML ? "path" : "column", note: fieldsNote)
        out.append("")
        out += hours(plan)
        if let table = plan.codeTable {
            out.append("")
            out += codes(table)
        }
        if !plan.actionCodes.isEmpty {
            out += plan.codeTable == nil ? ["", "codes:"] : []
            out += actions(plan.actionCodes)
        }
        out += [
            "",
            "import:",
        ]
        out += plan.supersede == .period
            ? [DraftYAML.line(2, "supersede", "period", comment: plan.supersedeNote.evidence)]
            : comments([plan.supersedeNote], indent: 2) + ["  supersede: \(plan.supersede.rawValue)"]
        out += [
            DraftYAML.line(2, "max_reject_percent", "100", comment: "100: rejects never fail the whole file"),
        ]
        return out.joined(separator: "\n") + "\n"
    }

    /// `Roosterdetail_01-10-2026_30-11-2026.csv` -> `roosterdetail`: the words of the file name without numbers.
    static func name(fromFile file: String) -> String {
        let stem = file.split(separator: ".").dropLast().joined(separator: ".")
        let words = (stem.isEmpty ? file : stem).lowercased().split { !($0.isLetter || $0.isNumber) || !$0.isASCII }
            .filter { word in !word.allSatisfy(\.isNumber) && !["to", "tot", "van", "from", "t", "m"].contains(word) }
        return words.isEmpty ? "new-layout" : words.joined(separator: "-")
    }

    // MARK: - Sections

    private func csvSource(_ sniff: CSVSniffResult) -> [String] {
        var out = ["source:", "  format: csv"]
        out += comments([sniff.encodingNote], indent: 2)
        out.append("  encoding: \(sniff.encodingName)")
        out += comments([sniff.delimiterNote], indent: 2)
        out.append("  delimiter: " + DraftYAML.delimiterValue(sniff.dialect.delimiter))
        out += comments([sniff.quoteNote], indent: 2)
        out.append("  quote: '\"'")
        out += comments([sniff.headerNote], indent: 2)
        out.append("  header: \(sniff.header)")
        out += comments([sniff.skipLinesNote], indent: 2)
        out.append("  skip_lines: \(sniff.dialect.skipLines)")
        return out
    }

    private func xmlSource(_ sniff: XMLSniffResult) -> [String] {
        var out = ["source:", "  format: xml"]
        out += comments([sniff.encodingNote], indent: 2)
        out.append("  encoding: \(sniff.encodingName)")
        out += comments([sniff.recordNote], indent: 2)
        out.append("  record: \(sniff.recordPath)")
        if !sniff.namespaces.isEmpty {
            out += comments(sniff.namespaceNote.map { [$0] } ?? [], indent: 2)
            out.append("  namespaces:")
            for (prefix, uri) in sniff.namespaces { out.append("    \(prefix): \(DraftYAML.scalar(uri))") }
        }
        return out
    }

    /// `key`: `column` (CSV) or `path` (XML); `note`: about the fields sampled, above them all.
    private func fields(_ plan: DraftPlan, key: String, note: DraftNote?) -> [String] {
        var out = ["fields:"]
        if let note { out += comments([note], indent: 2) }
        for field in plan.fields {
            out += comments(field.notes, indent: 2)
            out.append(fieldLine(field, key: key))
        }
        for (field, note) in plan.missing {
            out += comments([note], indent: 2)
            out.append("  # " + String(fieldKey(field).dropFirst(2)) + template(field, key: key))
        }
        if plan.field(.date) == nil, case .datetime = plan.field(.start)?.reading {
            out.append("  # no date field: the day worked is the date in start")
        }
        if plan.field(.approved) == nil {
            out.append("  # no approval column found: approved stays unknown (or map approved: { value: true })")
        }
        if !plan.unmapped.isEmpty {
            out.append(key == "path" ? "  # Paths found in the sample and not mapped (relative to the record):"
                       : "  # Not mapped, nothing is read from them:")
            for (column, summary) in plan.unmapped {
                out.append("  #   \(column.label): \(summary)")
            }
        }
        return out
    }

    private func fieldKey(_ field: HourField) -> String {
        let key = "  " + field.rawValue + ":"
        return key + String(repeating: " ", count: max(1, 15 - key.count))
    }

    private func fieldLine(_ field: DraftPlan.Field, key: String) -> String {
        let column = field.column.name.map(DraftYAML.scalar) ?? String(field.column.number)
        var parts = ["\(key): \(column)"]
        switch field.reading {
        case .text: break
        case .date(let p): parts.append("date: " + DraftYAML.pattern(p))
        case .time(let p): parts.append("time: " + DraftYAML.pattern(p))
        case .datetime(let p): parts.append("datetime: " + DraftYAML.pattern(p))
        case .duration(let f): parts.append("duration: " + DraftYAML.pattern(f))
        case .codes(let table): parts.append("codes: \(table)")
        case .boolean(let trues, let falses):
            func list(_ words: [String]) -> String { "[" + words.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
            parts.append("boolean: { true: \(list(trues)), false: \(list(falses)) }")
        }
        if field.optional { parts.append("optional: true") }
        return fieldKey(field.field) + "{ " + parts.joined(separator: ", ") + " }"
    }

    private func template(_ field: HourField, key: String) -> String {
        switch field {
        case .date: return "{ \(key): NAME, date: dd-MM-yyyy }"
        case .duration: return "{ \(key): NAME, duration: \"H:MM\" }"
        default: return "{ \(key): NAME }"
        }
    }

    private func hours(_ plan: DraftPlan) -> [String] {
        var out = ["hours:"]
        out += comments([plan.hoursNote], indent: 2)
        out.append("  from: \(plan.hoursFrom.rawValue)")
        if let note = plan.longestNote {
            out += comments([note], indent: 2)
            out.append("  max_entry_hours: 24")
        } else {
            out.append(DraftYAML.line(2, "max_entry_hours", "24", comment: "longer entries are rejected as absurd"))
        }
        out += comments([plan.negativeNote], indent: 2)
        out.append("  allow_negative: \(plan.allowNegative)")
        return out
    }

    private func codes(_ table: DraftPlan.CodeTable) -> [String] {
        let listed = table.codes.count
        var out = [
            "codes:",
            "  # The \(listed + table.unlisted) distinct value(s) of \(table.column.label) in the sample, most frequent "
                + "first; each needs one of:",
            "  # " + HourCategory.allNames + ".",
            "  \(table.name):",
            "    values:",
        ]
        for code in table.codes {
            let times = "\(code.count) record\(code.count == 1 ? "" : "s")"
            let comment = code.note.check.map { "CHECK: \($0) (\(times))" } ?? "\(code.note.evidence), \(times)"
            out.append(DraftYAML.line(6, DraftYAML.scalar(code.code), code.category.rawValue, comment: comment))
        }
        if table.unlisted > 0 {
            out.append("      # ... and \(table.unlisted) more distinct values, not listed")
            out.append(DraftYAML.line(4, "default", "null", comment: "CHECK: \(table.unlisted) values are not listed: "
                                      + "list them or give a default category"))
        } else {
            out.append(DraftYAML.line(4, "default", "null", comment: "a value not listed is rejected; a category here "
                                      + "takes every other value"))
        }
        return out
    }

    /// The correction codes table (`action` field): add, change or void per code.
    private func actions(_ codes: [(code: String, action: EntryAction, note: DraftNote)]) -> [String] {
        var out = ["  # The correction codes in the sample; each needs one of: add, change, void.", "  actions:",
                   "    values:"]
        for (code, action, note) in codes {
            out.append(DraftYAML.line(6, DraftYAML.scalar(code), action.rawValue, comment: note.evidence))
        }
        // SETU's other codes, ready for the corrections a later file will bring.
        let setu = ["add", "change", "void", "unchanged"]
        guard codes.contains(where: { setu.contains($0.code.lowercased()) }) else { return out }
        for (word, action) in [("Add", "add"), ("Change", "change"), ("Void", "void"), ("Unchanged", "add")]
            where !codes.contains(where: { $0.code.lowercased() == word.lowercased() }) {
            out.append(DraftYAML.line(6, word, action, comment: "not in the sample; a SETU correction code"))
        }
        return out
    }

    private func comments(_ notes: [DraftNote], indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let evidence = notes.map(\.evidence).filter { !$0.isEmpty }
        var lines = evidence.isEmpty ? [] : [pad + "# " + evidence.joined(separator: "; ")]
        lines += notes.compactMap(\.check).map { pad + "# CHECK: " + $0 }
        return lines
    }
}
