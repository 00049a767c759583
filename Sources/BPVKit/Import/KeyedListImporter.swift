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
        try KeyedRecordDecoding.decode(Kind.Mapper.Value.self, try keyedRecords(kind: Kind.kind.rawValue))
    }

    /// The current values of a keyed kind whose top-level string `field` (as stored) is one of `accepted`; the
    /// others, and those without the field, are skipped without being decoded. A value whose field cannot be read
    /// without decoding (an escaped text) is decoded and kept: a reader gets at least the values it asked for.
    public func values<Kind: KeyedRecordKind>(of kind: Kind.Type, where field: String, in accepted: Set<String>) throws
        -> [Kind.Mapper.Value] {
        let kept = try keyedRecords(kind: Kind.kind.rawValue).filter { record in
            switch record.topLevelField(field) {
            case .string(let text): accepted.contains(text)
            case .absent: false
            case .undecided: true
            }
        }
        return try KeyedRecordDecoding.decode(Kind.Mapper.Value.self, kept)
    }
}

/// Decoding stored values: a kind may hold a few hundred thousand, so large lists are decoded in slices on every
/// core, and put back in their stored order.
enum KeyedRecordDecoding {
    static func decode<Value: Decodable & Sendable>(_ type: Value.Type, _ records: [KeyedRecord]) throws -> [Value] {
        let slices = records.count < 4096 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let results = SliceResults<Value>(count: slices)
        let size = (records.count + slices - 1) / max(slices, 1)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let decoder = JSONDecoder()
            let range = min(slice * size, records.count)..<min((slice + 1) * size, records.count)
            results.set(slice, Result { try records[range].map { try decoder.decode(Value.self, from: Data($0.json)) } })
        }
        return try results.all()
    }

    /// One result per slice, each written once by its own slice.
    private final class SliceResults<Value>: @unchecked Sendable {
        private var slots: [Result<[Value], any Error>?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ slice: Int, _ result: Result<[Value], any Error>) { lock.withLock { slots[slice] = result } }
        func all() throws -> [Value] { try slots.flatMap { try $0!.get() } }
    }
}
