import BPVModel
import Foundation

/// `findings.csv`: the findings this run raised (SBB list changes for running POKs, aliases that moved to another
/// student). Written on every run: only its header when there are none.
struct FindingsCSV: Artifact {
    let fileName = "findings.csv"
    let purpose = "the findings of this run (SBB list changes, aliases moved to another student), with subject, "
        + "evidence and explanation; only the header when there are none"

    static let header = ["rule", "severity", "date", "student", "leerbedrijf", "crebo", "subject", "evidence",
                         "explanation"]

    var findings: [Finding]

    func render() throws -> Data {
        var table = CSVTable(header: Self.header)
        for f in findings {
            table.append([f.rule, f.severity.rawValue, f.date.iso, f.studentNumber ?? "", f.leerbedrijfID ?? "",
                          f.crebo ?? "", f.subject, f.evidence, f.explanation])
        }
        return table.data()
    }
}
