@testable import BPVReport
import BPVModel
import Foundation
import Testing

@Suite struct ReportDataTests {
    @Test func reportDataSurvivesItsJSON() throws {
        var data = ReportFixture.data()
        data.results = [ReportFixture.result(for: data.poks[0])]
        data.exports = [.init(file: "x.csv", rows: 3)]
        #expect(try ReportData.decode(try data.encoded()) == data)
    }

    @Test func aNewerFormatIsRefused() throws {
        var data = ReportFixture.data()
        data.format = ReportData.currentFormat + 1
        #expect(throws: ReportError.self) { try ReportData.decode(try data.encoded()) }
        data.format = ReportData.currentFormat
        #expect(throws: Never.self) { try ReportData.decode(try data.encoded()) }
    }

    @Test func aSchoolsTemplateReplacesTheShippedOneOfItsName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bpv-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "<p>Goedemorgen {{run}} {{title}}</p>".write(to: folder.appendingPathComponent("morning.mustache"),
                                                          atomically: true, encoding: .utf8)
        let templates = try ReportTemplates(overrides: folder.path)
        #expect(templates.sources["morning"] == folder.appendingPathComponent("morning.mustache").path)
        #expect(templates.sources["student"]?.hasSuffix("Templates/student.mustache") == true)
        let files = try ReportRenderer(templates: templates).render(ReportFixture.data(), history: RunHistory(runs: []))
        #expect(String(decoding: files[0].data, as: UTF8.self) == "<p>Goedemorgen 2026-11-30T031500 Ochtendrapport 30-11-2026</p>")
        // One that does not parse is refused, naming its file.
        try "{{#open}} never closed".write(to: folder.appendingPathComponent("student.mustache"), atomically: true, encoding: .utf8)
        let error = try #require(throws: ReportError.self) { try ReportTemplates(overrides: folder.path) }
        #expect(error.description.hasPrefix(folder.appendingPathComponent("student.mustache").path + ": "))
    }

    @Test func historyCountsRejectsPerEmployer() {
        let run = RunHistory.Run.of(ReportFixture.data())
        #expect(run.rejectsPerEmployer == ["podiumbouw-oost": 2, "evil": 1])
        #expect(run.rejects == 3 && run.files == 3 && run.findingErrors == 1 && run.poksNeedingAction == 2)
    }

    @Test func theRunsIndexListsNewestFirst() throws {
        let old = RunHistory.Run.of(ReportData(run: "2026-11-29T031500", referenceDate: ReportFixture.today.adding(days: -1), exitStatus: 0))
        let new = RunHistory.Run.of(ReportFixture.data())
        let file = try ReportRenderer(templates: try ReportTemplates()).renderRunsIndex(RunHistory(runs: [old, new]))
        let page = try ParsedPage(String(decoding: file.data, as: UTF8.self))
        #expect(try page.texts("//tbody/tr/td[1]/a/@href") == ["2026-11-30T031500/index.html", "2026-11-29T031500/index.html"])
    }
}
