import Foundation
import Testing
@testable import BPVIngest

/// The preview of an XML mapping shows each record's raw fields (every path the mapping reads, with its value) beside
/// the mapped entry or the reject; its JSON is compared byte for byte with a hand-checked golden file.
@Suite("Mapping preview of XML")
struct PreviewXMLTests {
    func loadFixtureMapping() throws -> HourMapping {
        let (mapping, diagnostics) = MappingLoader().check(
            yaml: try AuthoringFixtures.text(AuthoringFixtures.path("preview-small-xml.yaml")),
            file: "preview-small-xml.yaml")
        return try #require(mapping, "\(diagnostics)")
    }

    func preview(rows: Int = 10) throws -> MappingPreview {
        MappingPreviewer(rows: rows).preview(mapping: try loadFixtureMapping(),
                                             file: AuthoringFixtures.path("preview-small.xml"), employerID: nil)
    }

    @Test("preview JSON of a small XML file equals the golden file")
    func golden() throws {
        var preview = try preview()
        preview.file = "preview-small.xml"
        try AuthoringFixtures.expectGolden(PreviewJSON.render(preview), "preview-small-xml.json")
    }

    @Test("columns are the mapped paths, alternatives each on their own; fields hold each record's values")
    func rawFields() throws {
        let preview = try preview()
        #expect(preview.columns == ["../../hr:ReportedResource/hr:Person/hr:Id/hr:IdValue", "hr:StartDateTime",
                                    "hr:EndDateTime", "hr:Duration", "@type", "hr:ApprovalInfo/hr:ApprovedDateTime",
                                    "../@status", "hr:Comment"])
        #expect(preview.records.map(\.line) == [6, 12, 17, 21])
        #expect(preview.entryCount == 2 && preview.rejectCount == 2)
        for record in preview.records {
            let fields = try #require(record.fields)
            #expect(fields.map(\.name) == (preview.columns ?? []).map { Optional($0) })
            #expect(fields.allSatisfy { $0.isRead })
            // The enclosing card's person id applies to every interval.
            #expect(fields[0].value == "PX-0042")
            #expect(fields[6].value == "Submitted")
        }
        let second = try #require(preview.records[1].fields)
        #expect(second.map(\.value) == ["PX-0042", "2026-12-08T13:00:00Z", "", "PT3H30M", "Training", "",
                                        "Submitted", "Cursus & toets"])
        #expect(preview.records[1].entry?.minutes == 210)
        #expect(preview.records[1].entry?.approved == false)  // no ApprovedDateTime: ../@status decides
        #expect(preview.records[0].entry?.approved == true)
        // A reject keeps its raw fields: the value it failed on is among them.
        #expect(preview.records[3].reject?.column == "hr:Duration")
        #expect(preview.records[3].fields?[3].value == "acht uur")
    }

    @Test("a CSV preview is unchanged: fields name the header's columns (JSON v1 stays stable)")
    func csvUnchanged() throws {
        let (mapping, _) = MappingLoader().check(
            yaml: try AuthoringFixtures.text(AuthoringFixtures.path("preview-small.yaml")), file: "preview-small.yaml")
        let preview = MappingPreviewer(rows: 2).preview(mapping: try #require(mapping),
                                                        file: AuthoringFixtures.path("preview-small.csv"),
                                                        employerID: nil)
        #expect(preview.columns?.first == "Datum")
        let json = PreviewJSON.render(preview)
        #expect(json.contains("\"version\" : 1"))
    }
}
