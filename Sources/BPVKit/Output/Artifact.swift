import Foundation

/// A file that BPVKit writes for people or machines: its name, what it is for, and its bytes.
///
/// Each layout is one small type in its own file (the run record's are in `Run/RunRecord/`), with a golden-file test
/// of the same name; it renders with the one CSV writer (``CSVTable``) or the one JSON setup (`JSONOutput`). Writing
/// is not its business: ``RunRecordWriter`` writes a list of artifacts, each whole or not at all (``OutputFile``).
public protocol Artifact: Sendable {
    /// The file's name in its folder: `rejects.csv`.
    var fileName: String { get }
    /// What the file holds and what it is for, in one short sentence for people (listed in `run.json` and by
    /// `bpv run`). Not called `description`, so that it cannot be mistaken for a type's debugging text.
    var purpose: String { get }
    /// The file's bytes.
    func render() throws -> Data
}

/// An artifact as a record lists it: its file name and purpose (the `files_written` of `run.json`).
public struct WrittenFile: Sendable, Codable, Equatable {
    public var fileName: String
    public var purpose: String

    public init(fileName: String, purpose: String) {
        self.fileName = fileName
        self.purpose = purpose
    }

    public init(_ artifact: any Artifact) {
        self.init(fileName: artifact.fileName, purpose: artifact.purpose)
    }
}
