@testable import BPVReport
import BPVModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite struct ChartsTests {
    @Test func svgTextIsEscaped() throws {
        var svg = SVG(width: 10, height: 10, title: "a <b> & \"c\"")
        svg.text("<script>alert(1)</script>", x: 0, y: 0)
        let markup = svg.markup
        #expect(!markup.contains("<script>") && !markup.contains("<b>"))
        let doc = try XMLDocument(data: Data(markup.utf8), options: [])
        #expect(try doc.nodes(forXPath: "//*[local-name()='text']").map(\.stringValue) == ["<script>alert(1)</script>"])
        #expect(try doc.nodes(forXPath: "/*/*[local-name()='title']").map(\.stringValue) == ["a <b> & \"c\""])
    }

    @Test func theProgressBarSaysItsNumbersInWords() throws {
        let markup = Charts.progress(ReportFixture.pok("1", status: "behind", counted: 300 * 60))
        let doc = try XMLDocument(data: Data(markup.utf8), options: [])
        #expect(try doc.nodes(forXPath: "//*[local-name()='text']").map(\.stringValue)
                == ["300:00 u geteld van 1.200:00 u", "verwacht nu 400:00 u · prognose 01-03-2027"])
        // Counted is a quarter of the bar's width (the required hours are the whole).
        let widths = try doc.nodes(forXPath: "//*[local-name()='rect']/@width").compactMap { Double($0.stringValue ?? "") }
        #expect(widths.count == 2)
        #expect(abs(widths[1] / widths[0] - 0.25) < 0.01)
    }

    @Test func weeklyHoursHaveOneBarPairPerWeekIncludingEmptyWeeks() throws {
        let weeks = [ReportData.WeekLine(student: "1", pok: nil, monday: ReportFixture.date("2026-11-02"), entries: 1,
                                         countedMinutes: 480, notCountedMinutes: 0),
                     ReportData.WeekLine(student: "1", pok: nil, monday: ReportFixture.date("2026-11-16"), entries: 1,
                                         countedMinutes: 0, notCountedMinutes: 480)]
        let markup = Charts.weeklyHours(weeks: weeks, normMinutes: 32 * 60, title: "Uren")
        let doc = try XMLDocument(data: Data(markup.utf8), options: [])
        // Weeks 45, 46, 47: a counted bar each (the empty week's of height 0), a not-counted bar for week 47 only.
        #expect(try doc.nodes(forXPath: "//*[local-name()='rect'][@class='bar-counted']").count == 3)
        #expect(try doc.nodes(forXPath: "//*[local-name()='rect'][@class='bar-not-counted']").count == 1)
        #expect(try doc.nodes(forXPath: "//*[local-name()='text'][.='norm 32:00 u']").count == 1)
        #expect(try doc.nodes(forXPath: "/*/@aria-label").first?.stringValue == "Uren: 3 weken, 8:00 u geteld, norm 32:00 u per week")
    }

    @Test func isoWeeksAtTheYearsEdges() {
        #expect(Charts.isoWeek(CalendarDate(year: 2026, month: 1, day: 1)!) == 1)
        #expect(Charts.isoWeek(CalendarDate(year: 2027, month: 1, day: 1)!) == 53)   // a Friday in 2026-W53
        #expect(Charts.isoWeek(CalendarDate(year: 2026, month: 12, day: 28)!) == 53)
        #expect(Charts.isoWeek(CalendarDate(year: 2027, month: 1, day: 4)!) == 1)
    }

    @Test func hoursInDutch() {
        #expect(Dutch.hours(0) == "0:00 u")
        #expect(Dutch.hours(59) == "0:59 u")
        #expect(Dutch.hours(60) == "1:00 u")
        #expect(Dutch.hours(-75) == "-1:15 u")
        #expect(Dutch.hours(999 * 60) == "999:00 u")
        #expect(Dutch.hours(1000 * 60) == "1.000:00 u")
        #expect(Dutch.date(CalendarDate(year: 2026, month: 3, day: 9)!) == "09-03-2026")
    }
}
