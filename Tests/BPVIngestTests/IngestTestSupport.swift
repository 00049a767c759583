import Foundation

/// Writes test files to a fresh temporary folder.
enum TestFiles {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func write(_ bytes: [UInt8], name: String = "file.csv") -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bpvkit-ingest-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try! Data(bytes).write(to: url)
        return url.path
    }

    static func write(_ text: String, name: String = "file.csv") -> String { write(Array(text.utf8), name: name) }
}
