import BPVIngest
import BPVModel
import BPVStore
import Foundation

/// Imports one list of any keyed record kind (students, and the kinds that follow) through the shared steps:
/// the same file twice changes nothing; read and map the whole file; a key that appears twice is a reject naming
/// the first; an empty list or too many rejects is refused; the values go to the store's shared record table, and
/// the list replaces its source's earlier one. Adding a kind needs no importer of its own.
public struct KeyedListImporter<Kind: KeyedRecordKind> {
    public let store: any Store

    public init(_ kind: Kind.Type, store: any Store) {
        self.store = store
    }

    /// Imports `path`; throws only when the store fails.
    public func importFile(path: String, mapping: RecordMapping, allowEmpty: Bool = false) throws -> FileImportResult {
        let steps = RecordListImport<Kind.Mapper>(store: store, path: path, mapping: mapping,
                                                  sourceKey: Kind.kind.rawValue + "/" + mapping.name)
        var records: [KeyedRecord] = []
        var result = try steps.run(Kind.self, mapper: Kind.mapper(edition: nil), allowEmpty: allowEmpty,
                                   prepare: { values, rejects, _ in
            let kept = try Self.keyedRecords(values, rejects: &rejects)
            records = kept.map(\.record)
            return kept.map(\.value)
        }, save: { batch, _, rejects, counts in
            try store.saveKeyedRecords(batch, kind: Kind.kind.rawValue, records: records, rejects: rejects, counts: counts)
        })
        if result.isStored && result.counts.superseded > 0 {
            result.notes.append("\(result.counts.superseded) earlier \(Kind.plural) of this source superseded")
        }
        return result
    }

    /// The values as stored records; the second of two values with one key becomes a reject naming the first.
    static func keyedRecords(_ values: [Kind.Mapper.Value], rejects: inout [Reject]) throws
        -> [(value: Kind.Mapper.Value, record: KeyedRecord)] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var first: [String: Int] = [:]
        var kept: [(value: Kind.Mapper.Value, record: KeyedRecord)] = []
        for value in values {
            let key = Kind.key(of: value)
            let location = Kind.location(of: value) ?? SourceLocation(file: "", line: 0)
            if let line = first[key] {
                rejects.append(Reject(location: location, value: key,
                                      reason: "\(Kind.kind.rawValue): \(key) appears twice (first at line \(line))",
                                      expected: "each key once in a list"))
                continue
            }
            first[key] = location.line
            kept.append((value, KeyedRecord(key: key, line: location.line, json: Array(try encoder.encode(value)))))
        }
        return kept
    }
}

extension Store {
    /// The current values of a keyed kind (students...), as the importer stored them.
    public func values<Kind: KeyedRecordKind>(of kind: Kind.Type) throws -> [Kind.Mapper.Value] {
        let decoder = JSONDecoder()
        return try keyedRecords(kind: Kind.kind.rawValue).map { try decoder.decode(Kind.Mapper.Value.self, from: Data($0.json)) }
    }
}
