import BPVModel

/// Records that are not hours: ``HourMapping/skipRules`` (`rows.skip_when`), an hour type whose code-table value is
/// `skip`, and an empty `optional: true` duration with no start and end to fall back to. Such a record becomes
/// neither an entry nor a reject; it is counted per reason (``HourRecordMapper/skipped``), never dropped silently.
extension HourRecordMapper {
    /// Sets up the skip checks, once per file.
    mutating func prepareSkipping() {
        if let table = categoryTable {
            categorySkips = table.values.values.contains(HourMapping.skipCode) || table.defaultValue == HourMapping.skipCode
        }
        let duration = plans[HourField.duration.ordinal]
        skipsEmptyDuration = duration.mapped && !duration.constant && duration.optional
    }

    /// Why `record` is not an entry, or `nil` when it is one to make.
    mutating func skipReason<R: FieldRecord>(_ record: R) -> String? {
        for (i, rule) in mapping.skipRules.enumerated() {
            let text: String
            if let field = rule.field {
                text = value(field, record)
            } else {
                let slot = i < skipSlots.count ? skipSlots[i] : -1
                text = slot >= 0 && slot < record.count
                    ? String(decoding: record[slot].trimmingASCIISpaces(), as: UTF8.self) : ""
            }
            if rule.matches(text) { return rule.reason }
        }
        if categorySkips, let table = categoryTable {
            let code = value(.category, record)
            if !code.isEmpty, table.lookup(code) == HourMapping.skipCode {
                let key = code.lowercased()
                if let listed = table.listedCodes.first(where: { $0.trimmingWhitespace().lowercased() == key }) {
                    return "hour type \(listed) (code table '\(table.name)': skip)"
                }
                return "hour type not listed (code table '\(table.name)': default skip)"
            }
        }
        if skipsEmptyDuration && value(.duration, record).isEmpty
            && (value(.start, record).isEmpty || value(.end, record).isEmpty) {
            return "empty duration and no start and end (duration is optional)"
        }
        return nil
    }

    /// A field's trimmed text, "" when empty or not read from the record.
    private func value<R: FieldRecord>(_ field: HourField, _ record: R) -> String {
        guard let bytes = raw(field, record)?.trimmingASCIISpaces() else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func countSkip(_ reason: String) {
        if let i = skipped.firstIndex(where: { $0.reason == reason }) { skipped[i].count += 1 } else {
            skipped.append((reason, 1))
        }
    }
}
