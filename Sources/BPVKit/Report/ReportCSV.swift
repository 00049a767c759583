import BPVReport
import Foundation

/// `poks.csv`: the POK overview for machines, beside the report: every POK with its status, hours, projection and
/// result (when the results stage gave one).
struct POKOverviewCSV: Artifact {
    let fileName = "poks.csv"
    let purpose = "every POK with status, counted, required and expected minutes, projected end and result"

    static let header = ["student", "leerbedrijf", "crebo", "begin", "end", "status", "required_minutes",
                         "counted_minutes", "expected_minutes", "not_counted_minutes", "projected_date",
                         "weeks_without_hours", "first_assessment_due", "result", "result_final"]

    var data: ReportData

    func render() throws -> Data {
        let results = Dictionary(data.results.map { ($0.pokKey, $0) }, uniquingKeysWith: { a, _ in a })
        var table = CSVTable(header: Self.header)
        for p in data.poks {
            let r = results[p.key]
            table.append([p.student, p.leerbedrijf, p.crebo, p.begin.iso, p.end.iso, p.status,
                          p.requiredMinutes.map(String.init) ?? "", String(p.countedMinutes),
                          p.expectedMinutes.map(String.init) ?? "", String(p.notCountedMinutes),
                          p.projectedDate?.iso ?? "", String(p.weeksWithoutHours), p.firstAssessmentDue.iso,
                          r?.outcome.rawValue ?? "", r.map { $0.isFinal ? "yes" : "no" } ?? ""])
        }
        return table.data()
    }
}

/// `terugkoppeling/<employer>.csv`: the feedback to one employer as a spreadsheet, in Dutch, holding only that
/// employer's rejected lines and unknown employees (the same as its HTML page).
struct FeedbackCSV: Artifact {
    let fileName: String
    let purpose = "the feedback to one employer: its rejected lines and unknown employees"

    static let header = ["soort", "bestand", "regel", "kolom", "waarde", "probleem", "verwacht", "medewerker",
                         "uurregels"]

    var data: ReportData
    var employer: String

    init(data: ReportData, employer: String, fileName: String) {
        self.data = data
        self.employer = employer
        self.fileName = fileName
    }

    func render() throws -> Data {
        var table = CSVTable(header: Self.header)
        for line in data.rejects where line.employer == employer {
            let r = line.reject
            table.append(["afgekeurde regel", (r.file as NSString).lastPathComponent, String(r.line), r.column ?? "",
                          r.value ?? "", r.reason, r.expected ?? "", "", ""])
        }
        for u in data.unresolved where u.employer == employer {
            table.append(["onbekende medewerker", "", "", "", "", "", "", u.identity, String(u.entries)])
        }
        return table.data()
    }
}
