@testable import BPVReport
import BPVModel
import Foundation
import Testing

/// The pages, parsed: well-formed, escaped, self-contained, and the expected numbers in the expected places.
@Suite struct ReportPagesTests {
    @Test func everyPageIsWellFormedAndSelfContained() throws {
        let pages = try ReportFixture.render(ReportFixture.data())
        #expect(Set(pages.keys) == ["index.html", "overzicht/25604.html", "overzicht/25798.html",
                                     "studenten/2250114.html", "studenten/2250387.html", "studenten/2240233.html",
                                     "terugkoppeling/podiumbouw-oost.html", "terugkoppeling/evil.html"])
        for (path, text) in pages {
            let page = try ParsedPage(text)
            // Nothing loads from elsewhere: no src at all, links only to the report's own files and anchors.
            #expect(try page.count("//*[@src]") == 0, "\(path)")
            for link in try page.texts("//@href") {
                #expect(!link.contains("://") && !link.hasPrefix("//"), "\(path): \(link)")
            }
            #expect(try page.count("//style") == 1, "\(path): the stylesheet is inline")
            #expect(try page.texts("/html/@lang") == ["nl"])
        }
    }

    @Test func hostileNamesAreShownAsText() throws {
        let pages = try ReportFixture.render(ReportFixture.data())
        for (path, text) in pages {
            let page = try ParsedPage(text)
            #expect(try page.count("//img") == 0, "\(path)")
            #expect(try page.count("//b") == 0, "\(path)")
            // The only script is the overview's own sorting.
            #expect(try page.count("//script") == (path.hasPrefix("overzicht/") ? 1 : 0), "\(path)")
            #expect(!text.contains("<script>alert"), "\(path)")
            #expect(!text.contains("onerror=alert(1)>"), "\(path)")
        }
        let student = try ParsedPage(pages["studenten/2250387.html"]!)
        #expect(try student.texts("//h1") == ["\(ReportFixture.hostileStudent) (2250387)"])
        let feedback = try ParsedPage(pages["terugkoppeling/evil.html"]!)
        #expect(try feedback.texts("//p[starts-with(., 'Beste')]") == ["Beste \(ReportFixture.hostileEmployer),"])
        #expect(try feedback.texts("//table//td[4]") == ["<b>geheim-van-evil</b>"])
    }

    @Test func theFirstScreenSaysWhatToDoToday() throws {
        let page = try ParsedPage(try ReportFixture.render(ReportFixture.data())["index.html"]!)
        let todo = try page.texts("//section[@id='vandaag']//li")
        #expect(todo == [
            "1 bestand kon niet worden ingelezen",
            "2 bestanden met afgekeurde regels: terugkoppelen aan de werkgevers",
            "1 onbekende medewerker: koppel aan een student (bpv alias add)",
            "1 bevinding met ernst 'fout'",
            "2 POK's vragen aandacht",
            "1 erkenning loopt af of is vervallen",
        ])
        #expect(try page.count("//section[@id='vandaag']/preceding-sibling::section") == 0, "it comes first")
    }

    @Test func theImportTableHasEachFilesNumbers() throws {
        let page = try ParsedPage(try ReportFixture.render(ReportFixture.data())["index.html"]!)
        let rows = try page.document.nodes(forXPath: "//section[@id='inlezen']/table[1]/tbody/tr")
        #expect(rows.count == 3)
        let first = try page.texts("//section[@id='inlezen']/table[1]/tbody/tr[1]/td")
        #expect(first.count == 6)
        #expect(first[0] == "export.csv")
        #expect(first[1] == "Podiumbouw Oost B.V.")
        #expect(first[2] == "ingelezen, met afgekeurde regels")
        #expect(Array(first[3...]) == ["40", "38", "2"])
        let failed = try page.texts("//section[@id='inlezen']/table[1]/tbody/tr[2]/td[3]")
        #expect(failed == ["mislukt"])
        // Feedback per employer, with links to its HTML and CSV.
        let feedback = try page.texts("//section[@id='inlezen']/table[2]/tbody/tr/td[2]")
        #expect(feedback == ["1", "2"])   // evil: 1 reject; podiumbouw-oost: 2
        #expect(try page.texts("//section[@id='inlezen']/table[2]//a/@href").contains("terugkoppeling/podiumbouw-oost.csv"))
    }

    @Test func findingsAreCountedByKindAndSeverity() throws {
        let page = try ParsedPage(try ReportFixture.render(ReportFixture.data())["index.html"]!)
        let rows = try page.document.nodes(forXPath: "//section[@id='bevindingen']/table[1]/tbody/tr")
        let table = try rows.map { row in try row.nodes(forXPath: "td").map { $0.stringValue ?? "" } }
        #expect(table == [["Arbeidstijden", "1", "1", "0"], ["Erkenning", "0", "1", "0"]])
        // The errors in detail, linked to the student's page.
        #expect(try page.texts("//section[@id='bevindingen']//h3[.='Fouten']/following-sibling::table[1]//a/@href")
                == ["studenten/2250114.html"])
    }

    @Test func exportsShowOnlyWhenThereAreSome() throws {
        var data = ReportFixture.data()
        #expect(try ParsedPage(try ReportFixture.render(data)["index.html"]!).count("//section[@id='exports']") == 0)
        data.exports = [.init(file: "exports/2026-11-30/eduarte-resultaten.csv", rows: 17)]
        let page = try ParsedPage(try ReportFixture.render(data)["index.html"]!)
        #expect(try page.texts("//section[@id='exports']//tbody/tr/td") == ["exports/2026-11-30/eduarte-resultaten.csv", "17"])
    }

    @Test func theStudentPageShowsResultAndChecklistWhenThereIsOne() throws {
        var data = ReportFixture.data()
        let without = try ParsedPage(try ReportFixture.render(data)["studenten/2250114.html"]!)
        #expect(try without.texts("//div[@class='card']/p[@class='muted']") == ["Nog geen resultaat berekend."])
        data.results = [ReportFixture.result(for: data.poks[0])]
        let page = try ParsedPage(try ReportFixture.render(data)["studenten/2250114.html"]!)
        #expect(try page.texts("//div[@class='card']/h3[.='Resultaat']/following-sibling::p[1]/span")
                == ["onvoldoende (voorlopig)"])
        let checklist = try page.document.nodes(forXPath: "//div[@class='card']/table/tbody/tr")
        #expect(try checklist.map { try $0.nodes(forXPath: "td").map { ($0.stringValue ?? "") } } == [
            ["Minimaal 5 STARRT-formulieren", "niet in orde", "3 van 5, laatste 2026-11-02"],
            ["Uren volgens de POK", "in orde", "1.200 u"],
        ])
        // The overview shows the result too.
        let overview = try ParsedPage(try ReportFixture.render(data)["overzicht/25604.html"]!)
        #expect(try overview.texts("//tbody/tr[td[1]/a='Sem Ottevanger (2250114)']/td[9]") == ["onvoldoende (voorlopig)"])
    }

    @Test func theStudentPageListsEveryEntryThatDoesNotCountAndTheHoursOfEveryWeek() throws {
        let page = try ParsedPage(try ReportFixture.render(ReportFixture.data())["studenten/2250114.html"]!)
        let rows = try page.document.nodes(forXPath: "//section[@aria-labelledby='h-entries']//tbody/tr")
        let table = try rows.map { try $0.nodes(forXPath: "td").map { $0.stringValue ?? "" } }
        #expect(table.map(\.first) == ["16-11-2026", "18-11-2026"], "in date order")
        #expect(table[1][2] == "4:00 u")
        #expect(table[1][5] == "niet goedgekeurd")
        #expect(table[1][6] == "not approved by the praktijkopleider")
        #expect(table[1][7] == "export.csv:4")
        #expect(table[0][5] == "dubbel")
        let weeks = try page.document.nodes(forXPath: "//section[@aria-labelledby='h-weeks']//tbody/tr")
            .map { try $0.nodes(forXPath: "td").map { $0.stringValue ?? "" } }
        #expect(weeks == [["2026-W47", "16-11-2026", "101145779", "5", "24:00 u", "6:00 u"],
                          ["2026-W48", "23-11-2026", "101145779", "2", "16:00 u", "0:00 u"]])
        // Working-time findings of this student, and no other's.
        #expect(try page.texts("//section[h2[starts-with(., 'Bevindingen')]]//tbody/tr/td[4]") == ["Sem Ottevanger, week 48"])
        // The weekly chart, with the POK's weekly norm labelled.
        #expect(try page.count("//div[@class='card']/*[local-name()='svg'][2]//*[local-name()='text'][starts-with(., 'norm ')]") == 1)
    }

    @Test func aStudentWhoseEveryEntryCountsIsToldSo() throws {
        let page = try ParsedPage(try ReportFixture.render(ReportFixture.data())["studenten/2250387.html"]!)
        #expect(try page.count("//section[@aria-labelledby='h-entries']//table") == 0)
        #expect(try page.texts("//section[@aria-labelledby='h-entries']/p[2]") == ["Alle uurregels tellen."])
    }

    @Test func theFeedbackHoldsOnlyThatEmployersData() throws {
        let pages = try ReportFixture.render(ReportFixture.data())
        let own = try ParsedPage(pages["terugkoppeling/podiumbouw-oost.html"]!)
        #expect(try own.texts("//table[1]/tbody/tr/td[2]") == ["14", "20"])
        #expect(try own.texts("//table[2]/tbody/tr/td[1]") == ["P9999"])
        #expect(!own.text.contains("geheim-van-evil"))
        #expect(!own.text.contains("Sem Ottevanger"), "no student's name goes to an employer")
        let evil = try ParsedPage(pages["terugkoppeling/evil.html"]!)
        #expect(!evil.text.contains("31-02-2026") && !evil.text.contains("P9999"))
    }

    @Test func theOverviewIsInOrderOfUrgencyWithSortKeys() throws {
        var data = ReportFixture.data()
        data.poks.append(ReportFixture.pok("2250999", status: "done", counted: 1300 * 60))
        data.poks.append(ReportFixture.pok("2250998", status: "behind"))
        let page = try ParsedPage(try ReportFixture.render(data)["overzicht/25604.html"]!)
        #expect(try page.texts("//table[@id='poks']/tbody/tr/td[3]") == ["in gevaar", "achter", "op schema", "uren gehaald"])
        #expect(try page.texts("//table[@id='poks']/tbody/tr/td[4]/@data-key") == ["6000", "18000", "25200", "78000"])
    }
}
