import Foundation
import Testing

/// `bpv results`, `bpv explain` (the checklist), `bpv export` and `bpv mapping lint` on the sample school, as a user
/// runs them.
@Suite struct ResultsEndToEndTests {
    @Test func theSampleSchoolsResultsChecklistAndExport() throws {
        let school = try SampleSchoolCopy()
        #expect(try school.run().status == 0)
        // The second night has nothing new to export, and says so per layout.
        let again = try school.run()
        #expect(again.stdout.contains("exports: sis-bpv-resultaat: nothing new, generic-hours: nothing new"), "\(again.stdout)")
        let results = try school.bpv(["results", "--as-of", "2026-12-08", "--format", "csv"])
        #expect(results.status == 0, "\(results.output)")
        let lines = results.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "pok;student;leerbedrijf;crebo;programme;result;final;reasons")
        #expect(lines.count == 11)
        #expect(lines.contains { $0.hasPrefix("2240562/100966213/25605/2025-08-25;2240562;100966213;25605;ict-bbl;onvoldoende;yes;hours_short(") })

        let explain = try school.bpv(["explain", "2240562", "--as-of", "2026-12-08"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("Result 2240562/100966213/25605/2025-08-25: onvoldoende (final), programme ict-bbl"))
        #expect(explain.stdout.contains("  [x] Minimaal 5 STARRT-formulieren: 5 van 5 in orde"))
        #expect(explain.stdout.contains("  [!] Uren op de POK gehaald:"))

        let out = school.root.appendingPathComponent("exports").path
        let export = try school.bpv(["export", "results", "--layout", school.root.appendingPathComponent("mappings/exports/generic-results.yaml").path,
                                     "--out", out, "--as-of", "2026-12-08"])
        #expect(export.status == 0, "\(export.output)")
        #expect(export.stdout.contains("generic-results-2026-12-08.csv: 1 rows (new or changed)"))
        let wrong = try school.bpv(["export", "hours", "--layout", school.root.appendingPathComponent("mappings/exports/generic-results.yaml").path,
                                    "--out", out])
        #expect(wrong.status != 0 && wrong.output.contains("exports results, not hours"))

        let lint = try BPVProcess.run(["mapping", "lint", school.root.appendingPathComponent("mappings/programmes/ict-bbl.yaml").path])
        #expect(lint.status == 0 && lint.stdout.contains("ict-bbl.yaml: ok"))
    }
}
