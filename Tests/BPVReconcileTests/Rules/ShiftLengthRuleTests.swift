import BPVModel
import BPVReconcile
import Testing

@Suite("Shift length rule")
struct ShiftLengthRuleTests {
    func check(_ hours: StudentHours, settings: WorkingTimeSettings = WorkingTimeSettings()) -> [Finding] {
        ShiftLengthRule(settings: settings).evaluate(hours).findings
    }

    @Test("18 and over: exactly 12h00 in a shift passes, 12h01 fires with date, subject, evidence and explanation")
    func adultBoundary() {
        #expect(check(student(born: adult, [entry("2026-11-02", "06:00", "18:30", worked: h(12))])).isEmpty)
        let findings = check(student(born: adult, [entry("2026-11-02", "06:00", "18:31", worked: h(12, 1))]))
        #expect(findings == [Finding(
            rule: .worktimeShiftLength, severity: .warning, date: d("2026-11-02"), studentNumber: studentNumber,
            subject: "student 2250476, 2026-11-02",
            evidence: "12h01 worked on 2026-11-02, limit 12h00: hours.csv:2 (work, 06:00–18:31, 12h01)",
            explanation: "The shift of 2026-11-02 has 12h01 of work, more than the 12h00 a student of 18 or over may "
                + "work in one shift (Arbeidstijdenwet). Check the hours with the leerbedrijf; this finding does not "
                + "change them.")])
    }

    @Test("under 18: exactly 9h00 passes, 9h01 fires and names the limit for under 18")
    func under18Boundary() {
        #expect(check(student(born: minor, [entry("2026-11-02", worked: h(9))])).isEmpty)
        let findings = check(student(born: minor, [entry("2026-11-02", worked: h(9, 1))]))
        #expect(findings.count == 1)
        #expect(findings.first?.evidence == "9h01 worked on 2026-11-02, limit 9h00: hours.csv:2 (work, no times, 9h01)")
        #expect(findings.first?.explanation.contains("more than the 9h00 a student under 18 may work") == true)
    }

    @Test("the 18th birthday mid-week: 10h the day before fires (under 18), 10h on the birthday does not")
    func birthdayMidWeek() {
        let born = "2008-03-11"   // 18 on Wednesday 2026-03-11
        let before = check(student(born: born, [entry("2026-03-10", worked: h(10))]))
        #expect(before.map(\.date) == [d("2026-03-10")])
        #expect(before.first?.evidence.contains("limit 9h00") == true)
        #expect(check(student(born: born, [entry("2026-03-11", worked: h(10))])).isEmpty)
        #expect(student(born: born, []).age(on: d("2026-03-10")) == 17)
        #expect(student(born: born, []).age(on: d("2026-03-11")) == 18)
    }

    @Test("a shift is the working-time entries of one date: work and travel between jobs add up, sick hours do not")
    func entriesOfOneDate() {
        let hours = student(born: adult, [
            entry("2026-11-02", "06:00", "14:00", worked: h(8), line: 2),
            entry("2026-11-02", "14:00", "18:01", worked: h(4, 1), .travelJobs, line: 3),
            entry("2026-11-03", worked: h(8), line: 4), entry("2026-11-03", worked: h(5), .sick, line: 5),
            entry("2026-11-04", worked: h(10), line: 6), entry("2026-11-04", worked: h(3), line: 7, action: .void),
        ])
        let findings = check(hours)
        #expect(findings.map(\.date) == [d("2026-11-02")])
        #expect(findings.first?.evidence == "12h01 worked on 2026-11-02, limit 12h00: hours.csv:2 (work, 06:00–14:00, "
                + "8h00); hours.csv:3 (travel_jobs, 14:00–18:01, 4h01)")
        // The categories are a setting: without travel between jobs the shift is 8h00.
        #expect(check(hours, settings: WorkingTimeSettings(categories: [.work])).isEmpty)
    }

    @Test("an overnight entry belongs to the date it started; an unknown birth date has the adult limit")
    func overnightAndUnknownAge() {
        let findings = check(student(born: nil, [entry("2026-11-02", "20:00", "08:31", worked: h(12, 1))]))
        #expect(findings.map(\.date) == [d("2026-11-02")])
        #expect(findings.first?.explanation.contains("the birth date is unknown, so the adult limit applies") == true)
        #expect(check(student(born: nil, [entry("2026-11-02", worked: h(10))])).isEmpty)
    }

    @Test("the limits are settings")
    func settings() {
        var settings = WorkingTimeSettings()
        settings.shiftLength = WorkingTimeLimit(adult: h(10), under18: h(8), severity: .error)
        let findings = check(student(born: adult, [entry("2026-11-02", worked: h(10, 1))]), settings: settings)
        #expect(findings.map(\.severity) == [.error])
    }
}
