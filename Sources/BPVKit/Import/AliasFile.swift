import BPVIngest
import BPVModel

/// Reads an alias file: `employer;identity;student` with a header, UTF-8 (or detected), `;` or `,` separated.
/// Bad lines are reported, not guessed.
public enum AliasFile {
    /// `employers`: the configured employer ids, when known; a line for another employer is a problem.
    public static func read(path: String, employers: Set<String>? = nil) throws -> (aliases: [EmployeeAlias], problems: [String]) {
        let first = try CSVReader(path: path, dialect: CSVDialect(delimiter: UInt8(ascii: ";")), encoding: nil)
        var delimiter = UInt8(ascii: ";")
        if let batch = try first.nextBatch(), let header = batch.records.first, header.count == 1,
           header.string(0).contains(",") {
            delimiter = UInt8(ascii: ",")
        }
        let reader = try CSVReader(path: path, dialect: CSVDialect(delimiter: delimiter), encoding: nil)
        var aliases: [EmployeeAlias] = []
        var problems: [String] = []
        var columns: (employer: Int, identity: Int, student: Int)?
        while let batch = try reader.nextBatch() {
            for error in batch.syntaxErrors { problems.append("\(path):\(error.line): \(error.message)") }
            for record in batch.records {
                let fields = record.strings.map { $0.trimmingWhitespace() }
                guard let c = columns else {
                    let lower = fields.map { $0.lowercased() }
                    guard let e = lower.firstIndex(of: "employer"), let i = lower.firstIndex(of: "identity"),
                          let s = lower.firstIndex(of: "student") else {
                        throw ConfigurationError("\(path):\(record.line): expected the header employer;identity;student, "
                                                 + "found \(fields.joined(separator: ";"))")
                    }
                    columns = (e, i, s)
                    continue
                }
                guard fields.count > max(c.employer, c.identity, c.student) else {
                    problems.append("\(path):\(record.line): \(fields.count) fields, expected 3 (employer;identity;student)")
                    continue
                }
                let employer = fields[c.employer], identity = fields[c.identity]
                guard !employer.isEmpty, !identity.isEmpty, !fields[c.student].isEmpty else {
                    problems.append("\(path):\(record.line): employer, identity and student must all be filled in")
                    continue
                }
                guard let student = Identifier.studentNumber(fields[c.student]) else {
                    problems.append("\(path):\(record.line): student '\(Excerpt.of(fields[c.student]))' is not a "
                                    + "studentnummer (\(Identifier.studentNumberLengths.lowerBound) to "
                                    + "\(Identifier.studentNumberLengths.upperBound) digits)")
                    continue
                }
                if let employers, !employers.contains(employer) {
                    problems.append("\(path):\(record.line): employer '\(Excerpt.of(employer))' is not in bpv.yaml")
                    continue
                }
                aliases.append(EmployeeAlias(employerID: employer, identity: identity, studentNumber: student))
            }
        }
        return (aliases, problems)
    }
}
