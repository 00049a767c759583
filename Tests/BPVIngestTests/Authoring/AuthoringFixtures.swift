import Foundation
import Testing

/// Paths of the authoring test fixtures and of the repository's samples and mappings, relative to this file.
enum AuthoringFixtures {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/BPVIngestTests/Fixtures/authoring/<name>`.
    static func path(_ name: String) -> String {
        testsFolder.appendingPathComponent("Fixtures/authoring").appendingPathComponent(name).path
    }

    static func golden(_ name: String) -> String {
        testsFolder.appendingPathComponent("Fixtures/golden").appendingPathComponent(name).path
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Records an issue naming the first differing line when `rendered` is not the golden file `name`.
    static func expectGolden(_ rendered: String, _ name: String,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let expected = try text(golden(name))
        guard rendered != expected else { return }
        let a = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
        Issue.record("""
            \(name): the output differs from the golden file at line \((first?.offset ?? min(a.count, b.count)) + 1):
            got:      \(first.map { String($0.element.0) } ?? "(\(a.count) lines)")
            expected: \(first.map { String($0.element.1) } ?? "(\(b.count) lines)")
            """, sourceLocation: sourceLocation)
    }

    /// The one export in `samples/inbox/hours/<folder>/`.
    static func sample(_ folder: String) throws -> String {
        let dir = repository.appendingPathComponent("samples/inbox/hours").appendingPathComponent(folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".csv") }
        guard files.count == 1 else { throw FixtureError("expected one CSV in \(dir.path), found \(files)") }
        return dir.appendingPathComponent(files[0]).path
    }

    static func mapping(_ name: String) -> String {
        repository.appendingPathComponent("mappings/hours/\(name).yaml").path
    }

    /// Each shipped sample with the hand-written mapping it is imported with (samples/bpv.yaml).
    static let shippedSamples: [(folder: String, mapping: String)] = [
        ("podiumbouw-oost", "shiftbase-roosterdetail"),
        ("klankwerk-events", "kimai-nl"),
        ("theater-vechtkamer", "clockify-us"),
        ("bytebrug-ict", "toggl-detailed"),
        ("netwerk-noord", "clockify-eu"),
        ("flexpool-uitzend", "afas-nacalculatie"),
    ]
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
