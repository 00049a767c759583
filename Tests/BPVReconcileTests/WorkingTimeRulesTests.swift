import BPVModel
import BPVReconcile
import Testing

@Suite("Working-time rules")
struct WorkingTimeRulesTests {
    @Test("the front runs every rule, findings sorted by date then rule id")
    func everyRuleSorted() {
        // One Sunday shift 18:00-07:00 with 13h00 worked and no break, birth date unknown, with low limits so every
        // rule fires: 6h00 fall on Sunday 2026-11-22 (2026-W47), 7h00 on Monday 2026-11-23 (2026-W48).
        var settings = WorkingTimeSettings()
        settings.weekTotal.adult = h(5)
        settings.fourWeekAverage.adult = h(1)
        settings.sixteenWeekAverage.adult = 20
        settings.sundays.minimumFree = 52
        let hours = student(born: nil, [entry("2026-11-22", "18:00", "07:00", worked: h(13))])
        let found = WorkingTimeRules.findings(for: hours, settings: settings).map { "\($0.date) \($0.ruleID)" }
        #expect(found == [
            "2026-11-16 worktime.average_16_weeks", "2026-11-16 worktime.average_4_weeks", "2026-11-16 worktime.week_total",
            "2026-11-22 worktime.age_unknown", "2026-11-22 worktime.break", "2026-11-22 worktime.night",
            "2026-11-22 worktime.shift_length", "2026-11-22 worktime.sundays",
            "2026-11-23 worktime.average_16_weeks", "2026-11-23 worktime.average_4_weeks", "2026-11-23 worktime.week_total",
        ])
    }

    @Test("a 17-year-old's overnight shift 22:00-07:00: the 23:00 rule's error only; at 18 the night warning")
    func overnight() {
        let shift = entry("2026-11-02", "22:00", "07:00", worked: h(8, 30))
        #expect(WorkingTimeRules.findings(for: student(born: minor, [shift])).map { "\($0.ruleID) \($0.severity)" }
                == ["worktime.night error"])
        #expect(WorkingTimeRules.findings(for: student(born: adult, [shift])).map { "\($0.ruleID) \($0.severity)" }
                == ["worktime.night warning"])
    }

    @Test("ordinary weeks raise nothing; the settings default to the law's limits")
    func ordinary() {
        let weeks = (0..<16).flatMap { days(from: d("2026-08-03").adding(days: 7 * $0).iso, count: 5, worked: h(8)) }
        #expect(WorkingTimeRules.findings(for: student(born: minor, weeks)).isEmpty)
        let settings = WorkingTimeSettings()
        #expect(settings == WorkingTimeSettings())
        #expect(settings.categories == [.work, .travelJobs, .training])
        #expect(settings.shiftLength == WorkingTimeLimit(adult: h(12), under18: h(9)))
        #expect(settings.weekTotal == WorkingTimeLimit(adult: h(60), under18: h(45)))
        #expect(settings.fourWeekAverage == WorkingTimeLimit(adult: h(55), under18: h(40)))
        #expect(settings.sixteenWeekAverage == WorkingTimeLimit(adult: h(48), under18: nil))
        #expect(settings.breaks == BreakSettings(adultWorkedUpTo: h(5, 30), under18WorkedUpTo: h(4, 30), minimumBreak: 30))
        #expect(settings.night.adultUpTo == 60 && settings.night.under18From == t("23:00"))
        #expect(settings.sundays.minimumFree == 13)
        #expect(settings.ageUnknownSeverity == .info)
    }
}
