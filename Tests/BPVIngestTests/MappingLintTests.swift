import BPVIngest
import Foundation
import Testing

/// `bpv mapping lint`: messages asserted word for word, and every shipped mapping is clean.
@Suite struct MappingLintTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/mappings")

    /// The diagnostics of a fixture mapping, with the folder taken off the file names.
    static func lint(_ name: String) -> [String] {
        let path = fixtures.appendingPathComponent(name).path
        return MappingLoader().check(path: path).diagnostics.map {
            $0.description.replacingOccurrences(of: fixtures.path + "/", with: "")
        }
    }

    @Test func unknownKeysGetADidYouMean() {
        #expect(Self.lint("unknown-keys.yaml") == [
            "unknown-keys.yaml:6:3: error: unknown key 'delimter' in source (hint: did you mean 'delimiter'?)",
            "unknown-keys.yaml:8:3: error: unknown field 'employe' in fields (hint: did you mean 'employee'?)",
            "unknown-keys.yaml:8:3: error: fields need 'employee' (or 'student') (hint: the employee's personeelsnummer, e-mail or name)",
        ])
    }

    @Test func badValuesNameTheirLineAndTheChoices() {
        #expect(Self.lint("bad-values.yaml") == [
            "bad-values.yaml:6:13: error: encoding 'utf8-bom-ish' is not one of: utf-8, windows-1252, iso-8859-1, utf-16le, utf-16be, auto (hint: auto detects it per file)",
            "bad-values.yaml:9:32: error: pattern \"dd-MM-jjjj\": 'jjjj' is not a pattern letter (use yyyy, MM, M, dd, d, HH, H, hh, h, mm, ss, S, X, a; [ ] for an optional part; quote literal text like 'T') (hint: for example dd-MM-yyyy, d-M-yyyy, yyyy-MM-dd, dd/MM/yyyy)",
            "bad-values.yaml:10:39: error: duration format 'hours' is not one of: decimal_hours, H:MM, H:MM:SS, minutes, iso8601, auto (hint: write one of them exactly as shown)",
            "bad-values.yaml:11:37: error: code table 'soort' is not defined under codes: (hint: did you mean 'soorten'?)",
            "bad-values.yaml:13:3: warning: code table 'soorten' is not used by any field (hint: use it with codes: soorten)",
        ])
    }

    @Test func aCategoryOutsideTheListIsAnError() {
        let yaml = """
            bpv_mapping: 1
            name: t
            produces: hour_entries
            source: { format: csv }
            fields:
              employee: { column: Nr }
              date: { column: Datum, date: dd-MM-yyyy }
              duration: { column: Uren, duration: decimal_hours }
              category: { column: Soort, codes: soorten }
            codes:
              soorten: { values: { Werk: work, Ziek: ziek } }
            """
        let messages = MappingLoader().check(yaml: yaml, file: "t.yaml").diagnostics.map(\.description)
        #expect(messages == [
            "t.yaml:11:42: error: 'ziek' in code table 'soorten' is not a category value (hint: did you mean 'sick'?; allowed: work, sick, leave, holiday, doctor, travel_standplaats, travel_jobs, training, other, skip)",
        ])
    }

    @Test func missingPartsAreAllReportedInOnePass() {
        #expect(Self.lint("missing-parts.yaml") == [
            "missing-parts.yaml:1:1: error: missing 'name' (a stable id such as shiftbase-roosterdetail) (hint: add name: vendor-report)",
            "missing-parts.yaml:1:14: error: mapping language version 2 is not supported by this bpv (hint: this bpv reads version 1)",
            "missing-parts.yaml:6:3: error: fields need 'employee' (or 'student') (hint: the employee's personeelsnummer, e-mail or name)",
            "missing-parts.yaml:6:3: error: hours.from is times but 'start' and 'end' are not both mapped (hint: map start and end, or a duration field)",
            "missing-parts.yaml:6:9: error: field 'date' needs a format (hint: date: ... or datetime: ...)",
        ])
    }

    @Test func yamlSyntaxErrorsHaveAPlace() {
        #expect(Self.lint("not-yaml.yaml") == [
            "not-yaml.yaml:3:9: error: not valid YAML: mapping values are not allowed in this context (hint: check indentation and quoting near this place)",
        ])
    }

    @Test func aKeyWrittenTwiceIsReportedAtItsOwnLineAndColumn() {
        #expect(Self.lint("duplicate-key.yaml") == [
            "duplicate-key.yaml:8:3: error: 'delimiter' appears twice in source (first on line 7) (hint: keep one of them)",
            "duplicate-key.yaml:12:3: error: 'date' appears twice in fields (first on line 11) (hint: keep one of them)",
        ])
    }

    @Test func aKeyWrittenThreeTimesInAFlowMappingIsReportedAtEachRepeat() {
        let yaml = """
            bpv_mapping: 1
            name: t
            produces: hour_entries
            source: { format: csv, "format": csv, format: xml }
            """
        #expect(MappingLoader().check(yaml: yaml, file: "t.yaml").diagnostics.map(\.description) == [
            "t.yaml:4:24: error: 'format' appears twice in source (first on line 4) (hint: keep one of them)",
            "t.yaml:4:39: error: 'format' appears twice in source (first on line 4) (hint: keep one of them)",
        ])
    }

    @Test func aSyntaxErrorAfterADuplicateKeyIsReportedToo() {
        // Yams checks a mapping's keys when the mapping ends: `source` ends before the broken `fields`, and the
        // document is not read to its end, so the repeat's place is not known.
        let yaml = "bpv_mapping: 1\nname: t\nsource:\n  format: csv\n  format: xml\nfields: [\n"
        #expect(MappingLoader().check(yaml: yaml, file: "t.yaml").diagnostics.map(\.description) == [
            "t.yaml:4:3: error: 'format' is written again later in the same mapping (hint: keep one of them)",
            "t.yaml:7:1: error: not valid YAML: did not find expected node content (hint: check indentation and quoting near this place)",
        ])
    }

    @Test func everyShippedHourMappingIsClean() throws {
        let folder = TestFiles.repository.appendingPathComponent("mappings/hours")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 6)
        for file in files {
            let (mapping, diagnostics) = MappingLoader().check(path: folder.appendingPathComponent(file).path)
            #expect(mapping != nil, "\(file)")
            #expect(diagnostics.isEmpty, "\(file): \(diagnostics)")
        }
    }
}
