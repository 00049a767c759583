import BPVModel

/// The sampled records a mapping skips as not hours (``HourMapping/skipRules``, a code `skip`, an empty optional
/// duration with no times), so that the linter judges only the records that would become entries: a total row's
/// empty employee is no warning.
enum SampleSkips {
    /// `table` without the records `mapping` skips (CSV samples).
    static func removing(from table: SampleTable, _ mapping: HourMapping) -> SampleTable {
        let skipped = rows(table, mapping)
        guard !skipped.isEmpty else { return table }
        var out = table
        let keep = table.recordLines.indices.filter { !skipped.contains($0) }
        out.recordLines = keep.map { table.recordLines[$0] }
        for c in out.columns.indices {
            let values = table.columns[c].values
            out.columns[c].values = keep.compactMap { $0 < values.count ? values[$0] : nil }
        }
        return out
    }

    /// The indices (into ``SampleTable/recordLines``) of the records the mapping skips.
    static func rows(_ table: SampleTable, _ mapping: HourMapping) -> Set<Int> {
        let names = table.columns.map { ColumnSlots.normaliseHeader($0.name ?? "") }
        func column(named name: String) -> [String]? {
            names.firstIndex(of: ColumnSlots.normaliseHeader(name)).map { table.columns[$0].values }
        }
        func column(_ field: HourField) -> [String]? {
            switch mapping.fields[field]?.source {
            case .column(let name)?: return column(named: name)
            case .position(let n)?: return table.columns.first { $0.number == n }?.values
            default: return nil
            }
        }
        func value(_ values: [String]?, _ i: Int) -> String { values.map { i < $0.count ? $0[i] : "" } ?? "" }
        let ruleColumns = mapping.skipRules.map { rule in rule.column.flatMap(column(named:)) ?? rule.field.flatMap(column) }
        var table_ = mapping.fields[.category].flatMap { spec -> CodeTable? in
            if case .codes(let name) = spec.kind { return mapping.codes[name] }
            return nil
        }
        if let t = table_, !(t.values.values.contains(HourMapping.skipCode) || t.defaultValue == HourMapping.skipCode) {
            table_ = nil
        }
        let category = column(.category), duration = column(.duration), start = column(.start), end = column(.end)
        let optionalDuration = mapping.fields[.duration]?.optional == true && duration != nil
        var skipped: Set<Int> = []
        for i in table.recordLines.indices {
            if zip(mapping.skipRules, ruleColumns).contains(where: { $0.matches(value($1, i)) }) { skipped.insert(i); continue }
            if let t = table_, !value(category, i).isEmpty, t.lookup(value(category, i)) == HourMapping.skipCode {
                skipped.insert(i); continue
            }
            if optionalDuration && value(duration, i).isEmpty && (value(start, i).isEmpty || value(end, i).isEmpty) {
                skipped.insert(i)
            }
        }
        return skipped
    }
}
