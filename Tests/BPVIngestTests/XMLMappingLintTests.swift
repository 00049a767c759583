import BPVIngest
import Foundation
import Testing

/// `bpv mapping lint` on XML mappings: bad paths, undeclared prefixes and CSV/XML mix-ups are reported with the
/// mapping file's line and a hint.
@Suite struct XMLMappingLintTests {
    /// A valid SETU-like mapping, broken line by line by the tests.
    static let validMapping = """
        bpv_mapping: 1
        name: lint-test
        produces: hour_entries
        source:
          format: xml
          record: /hr:TimeCard/hr:ReportedTime/hr:TimeInterval
          namespaces:
            hr: http://ns.hr-xml.org/2007-04-15
        fields:
          employee: { path: ../../hr:ReportedResource/hr:Person/hr:Id/hr:IdValue }
          start: { path: hr:StartDateTime, datetime: "yyyy-MM-dd'T'HH:mm[:ss][X]" }
          duration: { path: hr:Duration, duration: auto }
          approved: { path: ../@status, boolean: { true: [Approved] } }
        """

    /// The errors of the valid mapping with one line's text swapped for another.
    private func check(replacing old: String? = nil, with new: String = "") -> [MappingDiagnostic] {
        var yaml = Self.validMapping
        if let old { yaml = yaml.replacingOccurrences(of: old, with: new) }
        return MappingLoader().check(yaml: yaml, file: "lint.yaml").diagnostics.filter { $0.severity == .error }
    }

    /// The 1-based line of `text` in the diagnostics' mapping after replacement.
    private func lineOf(_ text: String, replacing old: String, with new: String) -> Int {
        let base = Self.validMapping.replacingOccurrences(of: old, with: new)
        return (base.components(separatedBy: "\n").firstIndex { $0.contains(text) } ?? -1) + 1
    }

    @Test func theValidMappingHasNoErrors() {
        #expect(check().isEmpty)
    }

    @Test func shippedXMLMappingsLintClean() throws {
        for name in ["setu-timecard", "vechtgroep-urenverantwoording"] {
            let path = XMLFixture.repository.appendingPathComponent("mappings/hours/\(name).yaml").path
            let diagnostics = MappingLoader().check(path: path).diagnostics
            #expect(diagnostics.isEmpty, "\(name): \(diagnostics)")
        }
    }

    @Test func undeclaredPrefixIsNamedWithItsLineAndTheDeclaredOnes() throws {
        let errors = check(replacing: "path: hr:Duration", with: "path: hrx:Duration")
        let e = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(e.message.contains("the prefix 'hrx' is not declared"))
        #expect(e.line == lineOf("hrx:Duration", replacing: "path: hr:Duration", with: "path: hrx:Duration"))
        #expect(e.hint?.contains("hr") == true)
    }

    @Test func aPathAboveTheRecordPathIsAnError() throws {
        let errors = check(replacing: "path: ../@status", with: "path: ../../../@status")
        let e = try #require(errors.first)
        #expect(e.message.contains("goes up 3 level(s), above the record path"))
        #expect(e.hint == "at most 2 ../ with this record path")
        #expect(e.line == lineOf("../../../@status", replacing: "path: ../@status", with: "path: ../../../@status"))
    }

    @Test func goingBackDownTheRecordPathIsAnError() throws {
        let errors = check(replacing: "path: ../@status", with: "path: ../../hr:ReportedTime/@status")
        #expect(errors.first?.message.contains("goes up and back down into hr:ReportedTime") == true)
    }

    @Test func predicatesAndWildcardsAreNotPaths() throws {
        let errors = check(replacing: "path: hr:Duration", with: "path: \"hr:Duration[1]\"")
        #expect(errors.first?.message.contains("is not an element or attribute name") == true)
        #expect(errors.first?.hint?.contains("predicates") == true)
    }

    @Test func anAttributeMustBeTheLastStep() throws {
        let errors = check(replacing: "path: hr:Duration", with: "path: \"@unit/hr:Duration\"")
        #expect(errors.first?.message.contains("must be the last step") == true)
    }

    @Test func recordPathMustBeAbsoluteAndDeclared() throws {
        let relative = check(replacing: "record: /hr:TimeCard", with: "record: hr:TimeCard")
        #expect(relative.first?.message.contains("must start with / (from the root) or // (at any depth)") == true)
        #expect(relative.first?.line == 6)
        let missing = check(replacing: "  record: /hr:TimeCard/hr:ReportedTime/hr:TimeInterval\n", with: "")
        #expect(missing.contains { $0.message.contains("an XML source needs 'record'") })
    }

    @Test func csvKeysInAnXMLSourceAndColumnsInXMLFieldsAreErrors() throws {
        let delimiter = check(replacing: "  format: xml\n", with: "  format: xml\n  delimiter: \";\"\n")
        #expect(delimiter.first?.message == "'delimiter' is for CSV sources; this source is XML")
        let column = check(replacing: "path: hr:Duration", with: "column: Duration")
        #expect(column.first?.message.contains("XML sources take path:, not column:") == true)
        #expect(column.count == 1)
    }

    @Test func pathInACSVMappingIsAnError() throws {
        let yaml = """
            bpv_mapping: 1
            name: csv-with-path
            produces: hour_entries
            source: { format: csv, delimiter: ";" }
            fields:
              employee: { path: Medewerker }
              date: { column: Datum, date: dd-MM-yyyy }
              duration: { column: Uren, duration: decimal_hours }
            """
        let errors = MappingLoader().check(yaml: yaml, file: "csv.yaml").diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("path: is for XML sources") == true)
        #expect(errors.first?.line == 6)
    }

    @Test func correctionsNeedAnExternalID() throws {
        let action = check(replacing: "  approved:", with: "  action: { path: \"@actionCode\" }\n  approved:")
        #expect(action.contains { $0.message == "field 'action' needs an 'external_id' field" })
        let supersede = check(replacing: "  approved:", with: "  approved:") + MappingLoader().check(yaml: """
            bpv_mapping: 1
            name: by-id
            produces: hour_entries
            source: { format: xml, record: /Uren/Regel }
            fields:
              employee: { path: "@medewerker" }
              date: { path: "@datum", date: yyyy-MM-dd }
              duration: { path: "@uren", duration: decimal_hours }
            import: { supersede: external_id }
            """, file: "id.yaml").diagnostics
        #expect(supersede.contains { $0.message == "supersede: external_id needs an 'external_id' field" && $0.line == 9 })
    }

    @Test func badNamespacePrefixAndEmptyURI() throws {
        let errors = check(replacing: "    hr: http://ns.hr-xml.org/2007-04-15",
                           with: "    hr: http://ns.hr-xml.org/2007-04-15\n    xmlfoo: urn:x\n    \"1x\": urn:y")
        #expect(errors.contains { $0.message == "the prefix 'xmlfoo' is reserved by XML" })
        #expect(errors.contains { $0.message == "'1x' is not a valid namespace prefix" })
    }
}
