import BPVIngest
import BPVModel

/// `bpv mapping preview --format table`: two aligned tables, the records as read (the columns the mapping reads)
/// and as mapped (dossier values), then the rejects with their reasons.
enum PreviewPrinter {
    static let maxCell = 40

    static func print(_ preview: MappingPreview) {
        var heading = "Preview: \(preview.file) with mapping \(preview.mappingName) (revision \(preview.mappingRevision))"
        if let encoding = preview.encoding { heading += ", read as \(encoding)" }
        Swift.print(heading)
        if let note = preview.encodingNote { Swift.print("note: \(note)") }
        if let error = preview.fileError {
            Swift.print("FAILED  \(error)\n        an import would store nothing of this file")
            return
        }
        let shown = preview.records.count
        let skippedCount = preview.records.count { $0.skipped != nil }
        Swift.print("\(shown) record\(shown == 1 ? "" : "s") shown: \(preview.entryCount) mapped, "
                    + "\(preview.rejectCount) rejected"
                    + (skippedCount > 0 ? ", \(skippedCount) skipped (not hours)" : "") + (preview.hasMoreRecords ? "; the file has more (--rows)" : ""))
        guard shown > 0 else { return }

        // As read: the columns the mapping reads; the others are only counted.
        let readColumns = (preview.records.first { $0.fields != nil }?.fields ?? []).filter(\.isRead)
        Swift.print(preview.fieldsArePaths ? "\nAs read (the paths the mapping reads):"
                    : "\nAs read (the columns the mapping reads):")
        // A long path keeps its end, which names the value (`…hr:Person/hr:Id/hr:IdValue`).
        let pathHeading = { (name: String) in
            preview.fieldsArePaths && name.count > maxCell ? "…" + String(name.suffix(maxCell - 1)) : name
        }
        var rows = [["line"] + readColumns.map { pathHeading($0.name ?? "#\($0.column)") }]
        for record in preview.records {
            if let fields = record.fields {
                let byColumn = Dictionary(uniqueKeysWithValues: fields.map { ($0.column, $0.value) })
                rows.append([String(record.line)] + readColumns.map { byColumn[$0.column] ?? "" })
            } else {
                rows.append([String(record.line), "(cannot be parsed) " + (record.lineText ?? "")])
            }
        }
        printTable(rows)
        let others = (preview.records.first { $0.fields != nil }?.fields ?? []).filter { !$0.isRead }
        if !others.isEmpty {
            Swift.print("not read: " + others.map { $0.name ?? "#\($0.column)" }.joined(separator: ", "))
        }

        Swift.print("\nAs mapped:")
        var mapped = [["line", "employee", "date", "start", "end", "minutes", "category", "hour_type", "approved",
                       "description"]]
        for record in preview.records {
            if record.skipped != nil {
                mapped.append([String(record.line), "SKIPPED (below)"])
                continue
            }
            guard let entry = record.entry else {
                mapped.append([String(record.line), "REJECTED (below)"])
                continue
            }
            mapped.append([String(record.line), entry.employeeIdentity, entry.date.iso,
                           entry.start?.description ?? "", entry.end?.description ?? "",
                           "\(entry.minutes) (\(clock(entry.minutes)))", entry.category.rawValue,
                           entry.hourType ?? "", entry.approved.map { $0 ? "yes" : "no" } ?? "?",
                           entry.description ?? ""])
        }
        printTable(mapped)
        let skips = preview.records.filter { $0.skipped != nil }
        if !skips.isEmpty {
            Swift.print("\nSkipped (not hours):")
            for record in skips { Swift.print("  line \(record.line): \(record.skipped!)") }
        }
        let rejects = preview.records.compactMap(\.reject)
        if !rejects.isEmpty {
            Swift.print("\nRejected:")
            for reject in rejects { Swift.print("  \(reject)") }
        }
    }

    private static func clock(_ minutes: Int) -> String {
        let m = abs(minutes)
        return (minutes < 0 ? "-" : "") + "\(m / 60):" + (m % 60 < 10 ? "0" : "") + "\(m % 60)"
    }

    private static func cell(_ text: String) -> String {
        text.count > maxCell ? String(text.prefix(maxCell - 1)) + "…" : text
    }

    private static func printTable(_ rows: [[String]]) {
        let cells = rows.map { $0.map(cell) }
        let columns = cells.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in cells where row.count == columns {
            for (i, text) in row.enumerated() { widths[i] = max(widths[i], text.count) }
        }
        for row in cells {
            let padded = row.enumerated().map { i, text in
                i == row.count - 1 ? text : text + String(repeating: " ", count: max(0, widths[i] - text.count))
            }
            Swift.print("  " + padded.joined(separator: "  "))
        }
    }
}
