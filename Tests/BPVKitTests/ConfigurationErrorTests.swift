import BPVKit
import Foundation
import Testing

/// A `bpv.yaml` that cannot be used: each message names the file, line and column and what was expected, with a
/// real file in Fixtures/config.
@Suite struct ConfigurationErrorTests {
    /// The error of loading a fixture, with the folder taken off the file names.
    static func error(_ name: String) -> String? {
        let folder = Fixture.testsFolder.appendingPathComponent("Fixtures/config").path
        do {
            _ = try BPVConfiguration.load(path: folder + "/" + name)
            return nil
        } catch {
            return "\(error)".replacingOccurrences(of: folder + "/", with: "")
        }
    }

    @Test func aYAMLSyntaxErrorNamesItsPlace() {
        #expect(Self.error("not-yaml.yaml")
                == "not-yaml.yaml:4:8: not valid YAML: mapping values are not allowed in this context; check indentation and quoting")
    }

    @Test func employersGivenAsOneValue() {
        #expect(Self.error("employers-as-text.yaml")
                == "employers-as-text.yaml:4:12: 'employers' must be a list of employers (one '- id: ...' entry each), not 'podiumbouw-oost'")
    }

    @Test func anEmployerWithoutMappingIsNamedAtItsEntry() {
        #expect(Self.error("employer-without-mapping.yaml")
                == "employer-without-mapping.yaml:9:5: the employer 'klankwerk-events' needs 'mapping' (the mapping file that reads its files)")
    }

    @Test func anEmptyMappingIsAnError() {
        #expect(Self.error("empty-mapping.yaml")
                == "empty-mapping.yaml:7:13: the employer 'podiumbouw-oost' has an empty 'mapping' (the mapping file that reads its files)")
    }

    @Test func unknownKeysAreErrorsEachAtItsPlace() {
        let topLevel = "known keys: database, output, inbox, aliases, employers, follow_links_out_of_inbox, reference, poks, lists, rules, programmes, calendar, files, lock, metrics, log, thresholds, exports, report"
        #expect(Self.error("unknown-keys.yaml") == """
            unknown-keys.yaml:4:1: unknown key 'aliasses' in the configuration (did you mean 'aliases'?; \(topLevel))
            unknown-keys.yaml:8:5: unknown key 'maping' in an employer (did you mean 'mapping'?; known keys: id, name, leerbedrijf, folder, mapping, pok_choice)
            unknown-keys.yaml:10:1: unknown key 'smtp_password' in the configuration (\(topLevel))
            """)
    }

    @Test func aKeyWrittenTwiceIsNamedAtTheRepeat() {
        #expect(Self.error("duplicate-key.yaml")
                == "duplicate-key.yaml:8:5: 'folder' appears twice in employers[1] (first on line 6); keep one of them")
    }

    @Test func aValueOfTheWrongKind() {
        #expect(Self.error("not-true-or-false.yaml")
                == "not-true-or-false.yaml:4:28: 'follow_links_out_of_inbox' must be true or false, not 'maybe'")
    }

    @Test func aValueThatDoesNotFitNamesItsPlace() {
        #expect(Self.error("bad-edition.yaml") == "bad-edition.yaml:9:16: edition '1 augustus 2026' is not a date like 2026-08-01")
    }

    @Test func theSampleConfigurationLoads() throws {
        #expect(Self.error("../../../../samples/bpv.yaml") == nil)
    }
}
