import BPVIngest
import BPVModel
import Foundation

/// Fixture files and shipped mappings for the XML tests, found relative to this file.
enum XMLFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/xml")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// A mapping shipped in `mappings/hours/`.
    static func shippedMapping(_ name: String) throws -> HourMapping {
        try MappingLoader().loadHourMapping(path: repository.appendingPathComponent("mappings/hours/\(name).yaml").path)
    }

    /// A mapping written in a test.
    static func mapping(_ yaml: String) throws -> HourMapping {
        let (mapping, diagnostics) = MappingLoader().check(yaml: yaml, file: "test.yaml")
        guard let mapping else { throw FixtureProblem(diagnostics.map(\.description).joined(separator: "\n")) }
        return mapping
    }

    /// The 1-based line of the last line at or before the first line containing `marker` that contains `tag`:
    /// where the record holding `marker` starts.
    static func line(of tag: String, before marker: String, in name: String) throws -> Int {
        let lines = try String(contentsOfFile: path(name), encoding: .isoLatin1).components(separatedBy: "\n")
        guard let hit = lines.firstIndex(where: { $0.contains(marker) }) else { throw FixtureProblem("no \(marker) in \(name)") }
        guard let start = lines[...hit].lastIndex(where: { $0.contains(tag) }) else { throw FixtureProblem("no \(tag) in \(name)") }
        return start + 1
    }

    /// Everything a file yields with a mapping.
    struct Read {
        var entries: [HourEntry] = []
        var rejects: [Reject] = []
        var recordsRead = 0
        var encodingName = ""

        func entry(_ externalID: String) -> HourEntry? { entries.first { $0.externalID == externalID } }
    }

    static func read(_ name: String, _ mapping: HourMapping, employer: String = "tijdwerk-uitzend") throws -> Read {
        let reader = try HourFileReader(path: path(name), mapping: mapping, employerID: employer)
        var result = Read()
        while let batch = try reader.next() {
            result.entries += batch.entries
            result.rejects += batch.rejects
        }
        result.recordsRead = reader.recordsRead
        result.encodingName = reader.encodingName
        return result
    }
}

struct FixtureProblem: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
func clock(_ hour: Int, _ minute: Int) -> TimeOfDay { TimeOfDay(hour: hour, minute: minute)! }
