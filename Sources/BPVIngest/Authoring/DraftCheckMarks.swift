/// The `# CHECK` comments that `bpv mapping draft` writes where it is not sure of a choice. They are plain YAML
/// comments, so a draft loads as it is; lint reports each one as a warning until its author deletes the mark.
enum DraftCheckMarks {
    static let marker = "# CHECK"

    /// One warning per line that holds a `# CHECK` comment, with the text after the mark.
    static func find(in text: String, file: String) -> [MappingDiagnostic] {
        var diagnostics: [MappingDiagnostic] = []
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            guard let range = line.range(of: marker) else { continue }
            // A comment starts the line or follows a space; "#" inside a value is not a comment.
            if range.lowerBound != line.startIndex {
                let before = line[line.index(before: range.lowerBound)]
                guard before == " " || before == "\t" else { continue }
            }
            var rest = line[range.upperBound...].drop { $0 == ":" || $0 == " " }
            while let last = rest.last, last == "\r" || last == " " { rest = rest.dropLast() }
            let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
            diagnostics.append(MappingDiagnostic(
                file: file, line: lineNumber, column: column, severity: .warning,
                message: "unresolved draft choice" + (rest.isEmpty ? "" : ": \(rest)"),
                hint: "decide, then delete the '# CHECK' mark"))
        }
        return diagnostics
    }
}
