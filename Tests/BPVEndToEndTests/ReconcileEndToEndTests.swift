import Foundation
import Testing

/// The sample school reconciled on 2026-12-04, with figures worked out by hand from the sample files.
@Suite struct ReconcileEndToEndTests {
    func explain(_ school: SampleSchoolCopy, _ student: String) throws -> [String: Any] {
        let outcome = try school.bpv(["explain", student, "--as-of", "2026-12-04", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.output)")
        return try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as! [String: Any]
    }

    @Test func semsHoursFromTogglAreCountedButHisLeaveAndSickHoursAreNot() throws {
        let school = try SampleSchoolCopy()
        #expect(try school.run().status == 0)
        let sem = try explain(school, "2250114")
        let pok = try #require((sem["poks"] as? [[String: Any]])?.first)
        // Toggl_Track_time_entries_2026-10-01_to_2026-11-30.csv, Sem's 15 rows: 3:30 + 4:00 + 8:00 + 3:00 + 4:30 +
        // 8:30 + 8:00 + 2:45 + 8:00 + 8:00 + 8:00 + 8:00 + 8:00 = 82h15 of work; "Verlof" 8:00; "Ziek" 2:00.
        #expect(pok["counted_minutes"] as? Int == 82 * 60 + 15)
        #expect(pok["not_counted_minutes"] as? [String: Int] == ["category_leave": 480, "category_sick": 120])
        #expect(pok["required_minutes"] as? Int == 1220 * 60)
        let entries = try #require(sem["entries"] as? [[String: Any]])
        #expect(entries.count == 15)
        #expect(entries.filter { $0["verdict"] as? String == "counted" }.count == 13)
    }

    @Test func theRunRecordHoldsTheReconciliationAndTheCommandsAgreeWithIt() throws {
        let school = try SampleSchoolCopy()
        #expect(try school.run().status == 0)
        let files = try school.lastRunJSON()["files_written"] as? [[String: Any]] ?? []
        let names = files.compactMap { $0["file_name"] as? String }
        #expect(names.contains("pok-status.csv") && names.contains("hours.csv") && names.contains("reconciliation.json"))
        let summary = try school.bpv(["reconcile", "--as-of", "2026-12-04"])
        #expect(summary.status == 0)
        #expect(summary.stdout.contains("Sem Ottevanger (2250114) at 101145779 (crebo 25604): 82h15 of 1220h00"))
        // noor.hesselink@bytebrug.nl has no alias: her 13 entries are unknown employees, her POK has nothing.
        #expect(summary.stdout.contains("not counted: 13 entries, "), "\(summary.stdout)")
        #expect(summary.stdout.contains("unknown_employee"))
    }

    @Test func lottesHoursBeforeHerPOKWasSignedDoNotCount() throws {
        let school = try SampleSchoolCopy()
        #expect(try school.run().status == 0)
        let lotte = try explain(school, "2250658")
        let pok = try #require((lotte["poks"] as? [[String: Any]])?.first)
        // poks.csv: signed 2026-10-12. kimai-export-2026-10-01-2026-11-30.csv, her rows of 1–11 October:
        // 3:30 + 4:30 + 4:00 + 4:30 + 8:00 + 1:00 + 8:00 + 8:00 + 9:15 + 6:00 = 56h45 in 10 entries.
        let notCounted = try #require(pok["not_counted_minutes"] as? [String: Int])
        #expect(notCounted["before_signed"] == 56 * 60 + 45)
        let entries = try #require(lotte["entries"] as? [[String: Any]])
        #expect(entries.filter { $0["verdict"] as? String == "before_signed" }.count == 10)
        #expect(entries.filter { ($0["date"] as? String ?? "") >= "2026-10-12" }.allSatisfy { $0["verdict"] as? String != "before_signed" })
    }

    @Test func theHoursOverviewPerMonthAndThePOKListAgreeWithTheFiles() throws {
        let school = try SampleSchoolCopy()
        #expect(try school.run().status == 0)
        let hours = try school.bpv(["hours", "--student", "2250114", "--by", "month", "--as-of", "2026-12-04", "--format", "csv"])
        #expect(hours.status == 0, "\(hours.output)")
        // October: 3:30 + 4:00 + 8:00 + 3:00 + 4:30 + 8:30 + 8:00 + 2:45 + 8:00 = 50h15, "Verlof" 8:00 not counted;
        // the norm: 1220 h over the POK's 677 days (2025-09-01 – 2027-07-09), 31 of them in October: 3351 minutes.
        #expect(hours.stdout.split(separator: "\n").contains("2250114;2026-10;3015;480;3351;50h15;55h51"), "\(hours.stdout)")
        #expect(hours.stdout.split(separator: "\n").contains("2250114;2026-11;1920;120;3243;32h00;54h03"))
        // Jesse's POK was ended early on 2026-11-20 (poks.csv): on 2026-12-04 it ended without its hours.
        let ended = try school.bpv(["poks", "--status", "ended_short", "--as-of", "2026-12-04"])
        #expect(ended.stdout.contains("Jesse Wolbers (2240562)"))
        #expect(ended.stdout.split(separator: "\n").count == 1)
    }

    @Test func theThemeWeekOfTheSampleCalendarIsAFindingForThePETStudentsWhoWorkedInItAndTheirHoursStillCount() throws {
        let school = try SampleSchoolCopy()
        #expect(try school.run().status == 0)
        let runs = school.out.appendingPathComponent("runs").path
        let newest = try FileManager.default.contentsOfDirectory(atPath: runs).sorted().last!
        let rows = try String(contentsOfFile: runs + "/" + newest + "/findings.csv", encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        // calendar.yaml: Themaweek 2026-W46 (Monday 9 – Friday 13 November) for PET. Joël (cohort 2024: leerjaar 3)
        // works Tuesday the 10th at Podiumbouw Oost (Roosterdetail, 08:30–17:00); Ruben (cohort 2024) Wednesday the
        // 11th and Friday the 13th at Theater De Vechtkamer (Clockify, 09:00–17:00 and 14:00–23:00).
        let theme = rows.filter { $0.first == "programme.theme_week" }.map { [$0[2], $0[3], $0[4]] }
        #expect(theme == [["2026-11-10", "2240233", "100234567"], ["2026-11-11", "2240719", "100812046"],
                          ["2026-11-13", "2240719", "100812046"]])
        #expect(rows.contains { $0.first == "programme.theme_week" && $0[7].contains("calendar.yaml:5") })
        // Sem (ICT BBL, Tuesday the school day): Tuesday 6 October at ByteBrug, and still counted (82h15, see above).
        #expect(rows.contains { $0.first == "programme.school_day" && $0[2] == "2026-10-06" && $0[3] == "2250114" })
        let sem = try explain(school, "2250114")
        #expect((sem["poks"] as? [[String: Any]])?.first?["counted_minutes"] as? Int == 82 * 60 + 15)
    }
}
