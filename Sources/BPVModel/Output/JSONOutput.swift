import Foundation

/// The one JSON setup of BPVKit's outputs for other tools (`run.json`, `bpv erkenning --format json`,
/// `bpv dossier --format json`, `bpv mapping preview --format json`): pretty-printed with a two-space indent, keys
/// sorted (the same input gives the same bytes), slashes in paths left as they are.
public enum JSONOutput {
    /// How the keys of the encoded types become JSON keys.
    public enum Keys: Sendable {
        /// `exitStatus` becomes `exit_status`: for types whose Swift property names are the keys.
        case snakeCase
        /// Keys as the type's coding keys spell them (types that name their JSON keys themselves).
        case asWritten
    }

    /// A new encoder with the shared settings (a `JSONEncoder` is a class: each use gets its own).
    public static func encoder(keys: Keys = .snakeCase) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if keys == .snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
        return encoder
    }
}
