import BPVModel

/// Checks a mapping against a sample of the files it is meant for, and reports in the mapping file's terms (line,
/// column, hint): mapped columns missing from the sample (errors), sample columns (XML: paths) no field reads
/// (warnings), and sampled values the mapping would reject: patterns that read none of them (error) or not all
/// (warning), hour types missing from the code table, empty values in required fields, unknown yes/no words. XML
/// samples are read with the mapping's record path and field paths (``XMLMappedSample``): the value checks apply to
/// each field; the paths no field reads are found as a draft finds paths (``XMLUnreadPaths``).
public struct MappingSampleLinter {
    public var sampleRecords: Int

    public init(sampleRecords: Int = 1000) {
        self.sampleRecords = sampleRecords
    }

    /// The diagnostics for `mapping` (read from `mappingFile`) on the sample at `samplePath`. Throws a
    /// ``FileLevelError`` when the sample cannot be read the way the mapping says.
    public func check(_ mapping: HourMapping, mappingFile: String,
                      sample samplePath: String) throws(FileLevelError) -> [MappingDiagnostic] {
        let sampleName = samplePath.split(separator: "/").last.map(String.init) ?? samplePath
        var out = Output(file: mappingFile, sample: sampleName)
        if mapping.source.format == .xml {
            // XML: one column per mapped field, read through the import's XML reader with the mapping's paths.
            let (table, fields) = try XMLMappedSample.read(path: samplePath, mapping: mapping, limit: sampleRecords)
            for (field, column) in zip(fields, table.columns) {
                checkValues(field, mapping.fields[field]!, column, table, mapping, &out)
            }
            let fieldsLine = mapping.sectionLines["fields"] ?? 1
            for column in try XMLUnreadPaths.find(path: samplePath, mapping: mapping, limit: sampleRecords) {
                out.add(.warning, line: fieldsLine, column: 1, "\(describe(column)) of \(sampleName) is not read by any "
                        + "field", hint: "\(Self.holds(column, isXML: true)); map it under fields: if the dossier needs it")
            }
            return out.diagnostics.inFileOrder()
        }
        let sampled = try CSVSampleReader.sample(path: samplePath, source: mapping.source, limit: sampleRecords)
        // Records the mapping skips (total rows, breaks) are no entries: their values are not judged.
        let table = SampleSkips.removing(from: sampled, mapping)
        var read: Set<Int> = []
        for field in HourField.allCases {
            guard let spec = mapping.fields[field] else { continue }
            guard let column = locate(field, spec, table, mapping, &out) else { continue }
            read.insert(column.number)
            checkValues(field, spec, column, table, mapping, &out)
        }
        // Columns that only `rows.skip_when` tests are read too.
        let normalised = table.columns.map { ColumnSlots.normaliseHeader($0.name ?? "") }
        for column in mapping.skipRules.compactMap(\.column) {
            if let i = normalised.firstIndex(of: ColumnSlots.normaliseHeader(column)) { read.insert(table.columns[i].number) }
        }
        // A header read as one field means another delimiter: the errors above say so, its "columns" mean nothing.
        if table.columns.count == 1 && out.diagnostics.contains(where: { $0.severity == .error }) {
            return out.diagnostics.inFileOrder()
        }
        let plan = ColumnRoleGuesser().guess(table)
        let fieldsLine = mapping.sectionLines["fields"] ?? 1
        for column in table.columns where !read.contains(column.number) {
            let suggestion = plan.fields.first { $0.column.number == column.number && mapping.fields[$0.field] == nil }
            let hint = suggestion.map { "it looks like the '\($0.field.rawValue)' field: map it under fields: if the "
                + "dossier needs it" } ?? "\(Self.holds(column, isXML: false)); map it under fields: if the dossier needs it"
            out.add(.warning, line: fieldsLine, column: 1,
                    "\(describe(column)) of \(sampleName) is not read by any field", hint: hint)
        }
        return out.diagnostics.inFileOrder()
    }

    /// "it holds 7 distinct values such as ..." for an unread column, or "it is empty in the sample".
    private static func holds(_ column: SampleTable.Column, isXML: Bool) -> String {
        let profile = ColumnProfile(column, isXML: isXML)
        return profile.values.isEmpty ? "it is empty in the sample" : "it holds \(profile.summary)"
    }

    private func describe(_ column: SampleTable.Column) -> String {
        if column.name?.hasPrefix(XMLMappedSample.pathLabel) == true { return column.name! }
        return column.name.map { "column \"\($0)\" (\(column.number))" } ?? "column \(column.number)"
    }

    /// The sample column a field reads, or an error when the sample has no such column.
    private func locate(_ field: HourField, _ spec: FieldSpec, _ table: SampleTable, _ mapping: HourMapping,
                        _ out: inout Output) -> SampleTable.Column? {
        switch spec.source {
        case .constant, .path:
            return nil
        case .position(let n):
            if n <= table.columns.count { return table.columns[n - 1] }
            out.add(.error, spec, "field '\(field.rawValue)' reads column \(n), but \(out.sample) has "
                    + "\(table.columns.count) columns", hint: "columns are counted from 1")
            return nil
        case .column(let name):
            let wanted = HourRecordMapper.normaliseHeader(name)
            if let column = table.columns.first(where: { $0.name.map(HourRecordMapper.normaliseHeader) == wanted }) {
                return column
            }
            let names = table.columns.compactMap(\.name)
            // Columns whose names say they hold this field come first ("Starttijd" for a missing "Begintijd"),
            // the closest spelling among them.
            let sameRole = names.filter { HeaderHints.hint(for: $0)?.field == field }
                .min { editDistance(name.lowercased(), $0.lowercased()) < editDistance(name.lowercased(), $1.lowercased()) }
            var hint = sameRole.map { "did you mean '\($0)'?" } ?? didYouMean(name, names)
                ?? "the header has: " + names.map { "\"\($0)\"" }.joined(separator: ", ")
            if names.count == 1, let only = names.first,
               let other = [";", ",", "\t", "|"].first(where: { only.contains($0) }) {
                hint = "the header is one field holding '\(other == "\t" ? "\\t" : other)': is that the delimiter?"
            }
            out.add(.error, spec, "column \"\(name)\" of field '\(field.rawValue)' is not in the header of "
                    + out.sample, hint: hint)
            return nil
        }
    }

    private func checkValues(_ field: HourField, _ spec: FieldSpec, _ column: SampleTable.Column,
                             _ table: SampleTable, _ mapping: HourMapping, _ out: inout Output) {
        let filled = column.values.indices.filter { !column.values[$0].isEmpty }
        let label = describe(column)
        let empty = column.values.count - filled.count
        let rejectsEmpty: Bool
        switch spec.kind {
        case .date, .time, .datetime: rejectsEmpty = !spec.optional
        default: rejectsEmpty = field == .employee && mapping.fields[.student] == nil
        }
        if rejectsEmpty && empty > 0 {
            let line = table.recordLines[column.values.firstIndex(of: "")!]
            out.add(.warning, spec, "\(label) is empty on \(empty) of \(column.values.count) sampled records (first on "
                    + "line \(line))", hint: "those records would be rejected; add optional: true if the field may be empty")
        }
        let reads: (String) -> Bool
        let what: String
        switch spec.kind {
        case .date(let p), .time(let p), .datetime(let p):
            // assigned_day also takes the words previous, current and next (SETU @dayAssignment).
            let words: Set<String> = field == .assignedDay ? ["previous", "current", "next"] : []
            reads = { ColumnProfile.parses(p, $0) || words.contains($0.lowercased()) }
            what = "\(spec.kind.name) pattern \(p.pattern)"
        case .duration(let format):
            reads = { ColumnProfile.seconds(format, $0) != nil }
            what = "duration format \(format.rawValue)"
        case .codes(let name):
            guard let table = mapping.codes[name], table.defaultValue == nil else { return }
            checkCodes(column, table, label, &out)
            return
        case .boolean(let trues, let falses):
            // "*" in a list takes every other non-empty value.
            guard !trues.contains("*") && !falses.contains("*") else { return }
            let unknown = Set(filled.map { column.values[$0] }.filter {
                let word = $0.lowercased()
                return !trues.contains(word) && !falses.contains(word)
            })
            if !unknown.isEmpty && !falses.isEmpty {
                out.add(.warning, spec, "\(label) holds \(unknown.sorted().map { "\"\($0)\"" }.joined(separator: ", ")), "
                        + "which is neither a true nor a false value", hint: "add it to the true or false list")
            }
            return
        case .text:
            return
        }
        let failing = filled.filter { !reads(column.values[$0]) }
        guard let first = failing.first else { return }
        let example = "line \(table.recordLines[first]): \"\(column.values[first])\""
        let profile = ColumnProfile(column)
        let better: PatternFit?
        switch spec.kind {
        case .duration: better = profile.durationFit(isBreak: field == .breakTime)
        case .time: better = profile.time ?? profile.datetime
        default: better = profile.date ?? profile.datetime
        }
        let looksLike = better.flatMap { $0.matched == $0.total ? "the values look like \($0.pattern)" : nil }
        if failing.count == filled.count {
            out.add(.error, spec, "none of the \(filled.count) sampled values of \(label) reads as \(what) (\(example))",
                    hint: looksLike ?? "compare the pattern with the values")
        } else {
            out.add(.warning, spec, "\(failing.count) of \(filled.count) sampled values of \(label) do not read as "
                    + "\(what) (\(example))",
                    hint: looksLike ?? "those records would be rejected; bpv mapping preview shows them")
        }
    }

    private func checkCodes(_ column: SampleTable.Column, _ table: CodeTable, _ label: String, _ out: inout Output) {
        var unknown: [String: Int] = [:], order: [String] = []
        for value in column.values where !value.isEmpty && table.lookup(value) == nil {
            if unknown[value] == nil { order.append(value) }
            unknown[value, default: 0] += 1
        }
        for code in order {
            out.add(.warning, line: table.mappingLine, column: table.mappingColumn,
                    "hour type \"\(code)\" (\(label), \(unknown[code]!) sampled record\(unknown[code]! == 1 ? "" : "s")) "
                        + "is not in code table '\(table.name)'",
                    hint: "add it under values: with a category, or give the table a default")
        }
    }

    /// Collects the diagnostics, placed in the mapping file.
    private struct Output {
        let file: String
        let sample: String
        var diagnostics: [MappingDiagnostic] = []

        mutating func add(_ severity: MappingDiagnostic.Severity, _ spec: FieldSpec, _ message: String, hint: String) {
            add(severity, line: spec.mappingLine, column: spec.mappingColumn, message, hint: hint)
        }

        mutating func add(_ severity: MappingDiagnostic.Severity, line: Int, column: Int, _ message: String,
                          hint: String) {
            diagnostics.append(MappingDiagnostic(file: file, line: line, column: column, severity: severity,
                                                 message: message, hint: hint))
        }
    }
}
