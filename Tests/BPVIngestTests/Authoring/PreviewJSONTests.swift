import Foundation
import Testing
@testable import BPVIngest

/// The preview's JSON is a documented interface: compared byte for byte with a hand-checked golden file.
@Suite("Mapping preview")
struct PreviewJSONTests {
    func loadFixtureMapping() throws -> HourMapping {
        // Loaded from its text under its bare name, so that the golden file holds no machine-specific path.
        let (mapping, diagnostics) = MappingLoader().check(
            yaml: try AuthoringFixtures.text(AuthoringFixtures.path("preview-small.yaml")), file: "preview-small.yaml")
        return try #require(mapping, "\(diagnostics)")
    }

    @Test("preview JSON of a small file equals the golden file")
    func golden() throws {
        var preview = MappingPreviewer(rows: 7).preview(mapping: try loadFixtureMapping(),
                                                        file: AuthoringFixtures.path("preview-small.csv"),
                                                        employerID: nil)
        #expect(preview.file == AuthoringFixtures.path("preview-small.csv"))
        preview.file = "preview-small.csv"
        try AuthoringFixtures.expectGolden(PreviewJSON.render(preview), "preview-small.json")
    }

    @Test("the preview maps what an import maps: entries and rejects in line order, with raw fields")
    func recordsAndRejects() throws {
        let preview = MappingPreviewer(rows: 20).preview(mapping: try loadFixtureMapping(),
                                                         file: AuthoringFixtures.path("preview-small.csv"),
                                                         employerID: "podiumbouw-oost")
        #expect(preview.records.map(\.line) == [2, 3, 4, 5, 6, 7, 8, 9])
        #expect(!preview.hasMoreRecords)
        #expect(preview.entryCount == 4 && preview.rejectCount == 4)
        #expect(preview.records[1].entry?.minutes == 480)  // 18:00-02:00 overnight
        #expect(preview.records[1].entry?.employerID == "podiumbouw-oost")
        #expect(preview.records[5].fields == nil)
        #expect(preview.records[5].lineText == "06-10-2026;1043;08:00;12:00;0;Dienst;Café \"Het Anker\" opbouw")
        #expect(preview.records[6].fields?.count == 5)  // the ragged row, as read
        #expect(preview.records[0].fields?.first == MappingPreview.RawField(column: 1, name: "Datum",
                                                                            value: "01-10-2026", isRead: true))
    }

    @Test("a file that fails as a whole: the error, and no records")
    func fileError() throws {
        let preview = MappingPreviewer().preview(mapping: try loadFixtureMapping(),
                                                 file: AuthoringFixtures.path("lint-sample.csv"), employerID: "e")
        let error = try #require(preview.fileError)
        #expect(error.message.hasPrefix("the file lacks the mapped column(s) \"Begin\", \"Eind\", \"Medewerker\", "
                                        + "\"Omschrijving\""))
        #expect(preview.records.isEmpty)
        let json = PreviewJSON.render(preview)
        #expect(json.contains("\"error\" : {"))
        #expect(json.contains("\"records\" : [\n\n  ]") || json.contains("\"records\" : []"))
    }
}
