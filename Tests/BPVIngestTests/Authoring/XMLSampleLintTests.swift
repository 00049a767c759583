import Foundation
import Testing
@testable import BPVIngest

/// `lint --sample` with an XML mapping: the sample is read with the mapping's record path and field paths, and each
/// field's values are checked as for CSV columns; messages name the mapping's line and the field's path.
@Suite("Lint against an XML sample")
struct XMLSampleLintTests {
    static func lint(_ mapping: String, sample: String) throws -> [MappingDiagnostic] {
        let path = AuthoringFixtures.mapping(mapping)
        let loaded = try MappingLoader().loadHourMapping(path: path)
        return try MappingSampleLinter().check(loaded, mappingFile: "\(mapping).yaml", sample: sample)
    }

    @Test("the hand-written XML mappings lint clean against their samples, apart from paths no field reads",
          arguments: DraftFromXMLSamplesTests.samples)
    func handWrittenClean(file: String, mapping: String) throws {
        let diagnostics = try Self.lint(mapping, sample: DraftFromXMLSamplesTests.samplePath(file))
        let other = diagnostics.filter { !$0.message.contains("is not read by any field") }
        #expect(other.isEmpty, "\(other)")
    }

    @Test("the sample's paths that no field reads are named, with what they hold; the mapped paths are not")
    func unreadPaths() throws {
        let sample = DraftFromXMLSamplesTests.samplePath("tijdwerk-uitzend/TimeCard_TW-40117_2026-W49.xml")
        let unread = try Self.lint("setu-timecard", sample: sample).filter { $0.message.contains("is not read by any field") }
        let paths = unread.map { $0.message.components(separatedBy: "\"")[1] }
        #expect(paths.contains("@billable") && paths.contains("hr:RateOrAmount/@currency"))
        #expect(paths.contains("../hr:PeriodStartDate") && paths.contains("../../@xml:lang"))
        #expect(paths.contains("../../hr:ReportedResource/hr:Person/hr:PersonName/hr:FormattedName"))
        // Read by a field (directly, or as one of its alternatives): never named.
        for mapped in ["hr:StartDateTime", "hr:Duration", "@type", "@actionCode", "hr:Id/hr:IdValue", "../@status",
                       "../../hr:ReportedResource/hr:Person/hr:Id/hr:IdValue", "../../hr:ApprovalInfo/hr:ApprovedDateTime"] {
            #expect(!paths.contains(mapped), "\(mapped)")
        }
        let billable = try #require(unread.first { $0.message.contains("\"@billable\"") })
        #expect(billable.severity == .warning && billable.line == 28)
        #expect(billable.hint == "it holds yes/no values (true, false); map it under fields: if the dossier needs it")
    }

    @Test("values the mapping would reject are named with the mapping's line, the path, the sample's line and value")
    func badRecords() throws {
        let sample = AuthoringFixtures.testsFolder.appendingPathComponent("Fixtures/xml/setu-bad-records.xml").path
        let messages = try Self.lint("setu-timecard", sample: sample).map(\.description)
        #expect(messages == [
            "setu-timecard.yaml:28:1: warning: path \"../hr:PeriodStartDate\" of setu-bad-records.xml is not read by any "
                + "field (hint: it holds dates (yyyy-MM-dd); map it under fields: if the dossier needs it)",
            "setu-timecard.yaml:28:1: warning: path \"../hr:PeriodEndDate\" of setu-bad-records.xml is not read by any "
                + "field (hint: it holds dates (yyyy-MM-dd); map it under fields: if the dossier needs it)",
            "setu-timecard.yaml:28:1: warning: path \"@billable\" of setu-bad-records.xml is not read by any field (hint: "
                + "it holds yes/no values (true); map it under fields: if the dossier needs it)",
            "setu-timecard.yaml:31:17: warning: path \"hr:StartDateTime\" is empty on 1 of 8 sampled records (first on "
                + "line 17) (hint: those records would be rejected; add optional: true if the field may be empty)",
            "setu-timecard.yaml:31:17: warning: 1 of 7 sampled values of path \"hr:StartDateTime\" do not read as "
                + "datetime pattern yyyy-MM-dd'T'HH:mm[:ss][.S][X] (line 32: \"2026-12-11T31:00:00\") (hint: those "
                + "records would be rejected; bpv mapping preview shows them)",
            "setu-timecard.yaml:33:17: warning: 1 of 7 sampled values of path \"hr:Duration\" do not read as duration "
                + "format auto (line 22: \"acht uur\") (hint: those records would be rejected; bpv mapping preview "
                + "shows them)",
            "setu-timecard.yaml:34:17: error: none of the 1 sampled values of path \"@dayAssignment\" reads as date "
                + "pattern yyyy-MM-dd (line 27: \"tomorrow\") (hint: compare the pattern with the values)",
            "setu-timecard.yaml:51:3: warning: hour type \"Piketdienst\" (path \"@type\", 1 sampled record) is not in "
                + "code table 'setu_hour_types' (hint: add it under values: with a category, or give the table a default)",
        ])
    }

    @Test("a sample without the mapping's record element fails with the reader's message")
    func wrongMapping() throws {
        let sample = DraftFromXMLSamplesTests.samplePath("tijdwerk-uitzend/TimeCard_TW-40117_2026-W49.xml")
        #expect(throws: FileLevelError.self) { try Self.lint("vechtgroep-urenverantwoording", sample: sample) }
        do {
            _ = try Self.lint("vechtgroep-urenverantwoording", sample: sample)
        } catch let error as FileLevelError {
            #expect(error.message.hasPrefix("no record elements /Urenverantwoording/Vestiging/Medewerker/Dienst in the "
                                            + "file; its root element is <TimeCard>"))
        }
    }
}
