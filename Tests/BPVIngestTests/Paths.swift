import Foundation

/// Paths of test fixtures and of the repository's own samples and mappings, relative to this file.
enum Paths {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = here.deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String { here.appendingPathComponent("Fixtures").appendingPathComponent(name).path }
    static func repo(_ path: String) -> String { repository.appendingPathComponent(path).path }
}
