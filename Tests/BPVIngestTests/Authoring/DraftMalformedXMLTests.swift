import Foundation
import Testing
@testable import BPVIngest

/// XML samples a draft cannot start from fail with a clear error naming the file, the line and column where the
/// parser stopped, and why; nothing is drafted.
@Suite("Draft: malformed XML samples")
struct DraftMalformedXMLTests {
    static func xmlFixture(_ name: String) -> String {
        AuthoringFixtures.testsFolder.appendingPathComponent("Fixtures/xml").appendingPathComponent(name).path
    }

    func failure(_ path: String) -> FileLevelError? {
        do {
            _ = try MappingDrafter().draft(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test("a truncated file: the end of the file, and the question whether it is truncated")
    func truncated() throws {
        let path = Self.xmlFixture("truncated.xml")
        let error = try #require(failure(path))
        #expect(error.file == path)
        #expect(error.line == 15 && error.column == 13)
        #expect(error.message == "not well-formed XML: Couldn't find end of Start Tag Durat (at the end of the file: "
                + "is it truncated?)")
    }

    @Test("a 0-byte file")
    func empty() throws {
        let path = Self.xmlFixture("empty.xml")
        let error = try #require(failure(path))
        #expect(error.file == path)
        #expect(error.message.hasPrefix("the file is empty (0 bytes)"))
    }

    @Test("a DOCTYPE is refused before its subset is read (billion laughs, XXE)",
          arguments: [("billion-laughs.xml", 2), ("xxe-local-file.xml", 2), ("xxe-http.xml", 2)])
    func doctype(file: String, line: Int) throws {
        let path = Self.xmlFixture(file)
        let error = try #require(failure(path))
        #expect(error.file == path)
        #expect(error.line == line)
        #expect(error.message.hasPrefix("the file has a document type declaration (<!DOCTYPE TimeCard ...>): BPVKit "
                                        + "does not read DTDs"))
    }

    @Test("a tag mismatch names libxml2's message, line and column")
    func notWellFormed() throws {
        let error = try #require(failure(Self.xmlFixture("not-well-formed.xml")))
        #expect(error.line == 13 && error.column == 31)
        #expect(error.message == "not well-formed XML: Opening and ending tag mismatch: Duration line 13 and Durtion")
    }

    @Test("an entity that is not declared is an error, never a lookup")
    func undeclaredEntity() throws {
        let error = try #require(failure(Self.xmlFixture("undeclared-entity.xml")))
        #expect(error.line == 8)
        #expect(error.message == "not well-formed XML: Entity 'passwd' not defined")
    }

    @Test("a file in which no element repeats has no records to draft from")
    func noRepeatingElement() throws {
        let path = AuthoringFixtures.path("timecard.xml")
        let error = try #require(failure(path))
        #expect(error.file == path)
        #expect(error.message == "no element occurs more than once below <TimeCard>: a draft needs a sample with at "
                + "least two records")
    }
}
