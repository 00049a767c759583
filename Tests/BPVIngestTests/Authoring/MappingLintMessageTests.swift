import Testing
@testable import BPVIngest

/// Lint messages for mappings with known mistakes, asserted word for word: each names the line and column in the
/// mapping file and carries a hint.
@Suite("Mapping lint messages")
struct MappingLintMessageTests {
    func lint(_ fixture: String) throws -> [String] {
        let text = try AuthoringFixtures.text(AuthoringFixtures.path(fixture))
        let (mapping, diagnostics) = MappingLoader().check(yaml: text, file: fixture)
        #expect(mapping == nil)
        #expect(diagnostics.allSatisfy { $0.hint?.isEmpty == false })
        return diagnostics.map(\.description)
    }

    @Test("unknown field, unknown source key, undefined code table")
    func brokenFields() throws {
        #expect(try lint("broken-fields.yaml") == [
            "broken-fields.yaml:8:3: error: unknown key 'delimeter' in source (hint: did you mean 'delimiter'?)",
            "broken-fields.yaml:11:3: error: fields need 'date' (or a 'start' read as datetime) (hint: date: { column: "
                + "NAME, date: dd-MM-yyyy })",
            "broken-fields.yaml:12:3: error: unknown field 'dte' in fields (hint: did you mean 'date'?)",
            "broken-fields.yaml:15:44: error: code table 'urensoort' is not defined under codes: (hint: did you mean "
                + "'urensoorten'?)",
            "broken-fields.yaml:18:3: warning: code table 'urensoorten' is not used by any field (hint: use it with "
                + "codes: urensoorten)",
        ])
    }

    @Test("patterns that cannot parse, and a format under the wrong key")
    func brokenPatterns() throws {
        #expect(try lint("broken-patterns.yaml") == [
            "broken-patterns.yaml:12:39: error: pattern \"dd-MM-yyy\": 'yyy' is not a pattern letter (use yyyy, MM, M, "
                + "dd, d, HH, H, hh, h, mm, ss, S, X, a; [ ] for an optional part; quote literal text like 'T') (hint: for example dd-MM-yyyy, d-M-yyyy, "
                + "yyyy-MM-dd, dd/MM/yyyy)",
            "broken-patterns.yaml:13:39: error: pattern \"hh:mm\": hh/h (12-hour clock) and a (AM/PM) go together "
                + "(hint: for example HH:mm, H:mm, HH:mm:ss, h:mm a)",
            "broken-patterns.yaml:14:32: error: field 'end' cannot be read as date (hint: end takes: time, datetime)",
            "broken-patterns.yaml:14:38: error: date pattern 'HH:mm' must hold a date only (hint: use time: for a time "
                + "of day)",
            "broken-patterns.yaml:15:43: error: duration format 'H:M' is not one of: decimal_hours, H:MM, H:MM:SS, "
                + "minutes, iso8601, auto (hint: did you mean 'H:MM'?)",
        ])
    }

    @Test("categories not in the allowed list, with the closest or the synonymous one")
    func brokenCodes() throws {
        let allowed = "allowed: work, sick, leave, holiday, doctor, travel_standplaats, travel_jobs, training, other, skip"
        #expect(try lint("broken-codes.yaml") == [
            "broken-codes.yaml:20:13: error: 'sik' in code table 'urensoorten' is not a category value (hint: did you "
                + "mean 'sick'?; \(allowed))",
            "broken-codes.yaml:21:15: error: 'vacation' in code table 'urensoorten' is not a category value (hint: did "
                + "you mean 'leave'?; \(allowed))",
            "broken-codes.yaml:22:14: error: 'holidays' in code table 'urensoorten' is not a category value (hint: did "
                + "you mean 'holiday'?; \(allowed))",
        ])
    }

    @Test("against a sample: missing and unused columns, values the mapping would reject")
    func againstSample() throws {
        let text = try AuthoringFixtures.text(AuthoringFixtures.path("broken-against-sample.yaml"))
        let mapping = try #require(MappingLoader().check(yaml: text, file: "broken-against-sample.yaml").mapping)
        let diagnostics = try MappingSampleLinter().check(mapping, mappingFile: "broken-against-sample.yaml",
                                                          sample: AuthoringFixtures.path("lint-sample.csv"))
        let m = "broken-against-sample.yaml"
        #expect(diagnostics.map(\.description) == [
            "\(m):10:1: warning: column \"Starttijd\" (3) of lint-sample.csv is not read by any field (hint: it holds "
                + "times (HH:mm); map it under fields: if the dossier needs it)",
            "\(m):10:1: warning: column \"Afdeling\" (7) of lint-sample.csv is not read by any field (hint: it holds "
                + "text, 2 distinct values (\"Podium\", \"Licht\"); map it under fields: if the dossier needs it)",
            "\(m):11:16: warning: column \"Personeelsnummer\" (2) is empty on 1 of 3 sampled records (first on line 4) "
                + "(hint: those records would be rejected; add optional: true if the field may be empty)",
            "\(m):12:16: warning: 1 of 3 sampled values of column \"Datum\" (1) do not read as date pattern dd-MM-yyyy "
                + "(line 3: \"2026-10-02\") (hint: those records would be rejected; bpv mapping preview shows them)",
            "\(m):13:16: error: column \"Begintijd\" of field 'start' is not in the header of lint-sample.csv (hint: "
                + "did you mean 'Starttijd'?)",
            "\(m):14:16: error: none of the 3 sampled values of column \"Eindtijd\" (4) reads as time pattern HH:mm:ss "
                + "(line 2: \"16:30\") (hint: the values look like HH:mm)",
            "\(m):19:3: warning: hour type \"Klussen\" (column \"Urensoort\" (6), 1 sampled record) is not in code "
                + "table 'urensoorten' (hint: add it under values: with a category, or give the table a default)",
        ])
    }

    @Test("the hand-written mappings lint clean against their own samples, apart from unused-column warnings",
          arguments: AuthoringFixtures.shippedSamples)
    func shippedMappingsFitTheirSamples(folder: String, mapping name: String) throws {
        let mapping = try MappingLoader().loadHourMapping(path: AuthoringFixtures.mapping(name))
        let diagnostics = try MappingSampleLinter().check(mapping, mappingFile: name,
                                                          sample: try AuthoringFixtures.sample(folder))
        let other = diagnostics.filter { !$0.message.contains("is not read by any field") }
        #expect(other.isEmpty, "\(other)")
        #expect(diagnostics.count > 0)
    }
}
