/// The second pass over an XML sample, once the record element is known: the values of each record's fields, as a
/// mapping would read them. A record's own fields are its attributes and the texts below it; the fields of an
/// enclosing element on the record path (its attributes and the texts below it, but not below the record path) apply
/// to every record inside it, also when they come after the records (a card-level `ApprovalInfo`). The first
/// non-empty occurrence counts, as in an import. Enclosing fields that occur more than once in one element are left
/// out: a `../` path could not say which is meant.
final class XMLRecordSampler: XMLSampleEvents {
    typealias FieldKey = XMLStructureScan.FieldKey

    let structure: XMLStructureScan
    /// The record path's nodes, root first; the last is the record element.
    let recordPath: [Int]
    let limit: Int

    /// Per sampled record: its line and its values.
    private(set) var records: [(line: Int, values: [FieldKey: String])] = []
    /// Fields in order of first appearance.
    private(set) var fieldOrder: [FieldKey] = []
    /// Enclosing fields that occur more than once inside one element.
    private(set) var repeating: Set<FieldKey> = []
    /// Whether records were left out beyond `limit`.
    private(set) var moreRecords = false

    /// Per node: how many leading record-path steps are its ancestors-or-self (0: none).
    private var level: [Int] = []
    private struct Open {
        var node: Int
        var text: [UInt8] = []
        /// For enclosing elements on the record path: their fields' values and occurrences, and the first record inside.
        var values: [FieldKey: String] = [:]
        var seen: [FieldKey: Int] = [:]
        var firstRecord = 0
    }
    private var stack: [Open] = []
    private var openRecord: (line: Int, values: [FieldKey: String])?
    private var known: Set<FieldKey> = []

    init(structure: XMLStructureScan, record: Int, limit: Int) {
        self.structure = structure
        recordPath = structure.chain(record)
        self.limit = limit
        level = structure.nodes.indices.map { node in
            let chain = structure.chain(node)
            var k = 0
            while k < chain.count, k < recordPath.count, chain[k] == recordPath[k] { k += 1 }
            return k
        }
    }

    private func node(_ name: XMLSampleName) -> Int? {
        if let parent = stack.last { return parent.node < 0 ? nil : structure.nodes[parent.node].children[name] }
        return recordPath.first.flatMap { structure.nodes[$0].name == name ? $0 : nil }
    }

    func start(_ name: XMLSampleName, attributes: [(XMLSampleName, String)], line: Int) {
        // An element the first pass did not see (past its end) or outside the record path's root: not followed.
        guard let node = node(name), stack.count == structure.nodes[node].depth - 1 else {
            stack.append(Open(node: -1))
            return
        }
        if node == recordPath.last {
            if records.count < limit { openRecord = (line, [:]) } else { moreRecords = true }
        }
        stack.append(Open(node: node, firstRecord: records.count))
        for (attribute, value) in attributes {
            store(FieldKey(node: node, attribute: attribute), value.trimmingWhitespace())
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !stack.isEmpty, stack[stack.count - 1].node >= 0 else { return }
        stack[stack.count - 1].text.append(contentsOf: bytes)
    }

    func end() {
        guard let open = stack.popLast() else { return }
        guard open.node >= 0 else { return }
        let text = String(decoding: open.text, as: UTF8.self).trimmingWhitespace()
        if open.node != recordPath.last && level[open.node] < structure.nodes[open.node].depth {
            store(FieldKey(node: open.node, attribute: nil), text)
        }
        if open.node == recordPath.last, let record = openRecord {
            records.append(record)
            openRecord = nil
        } else if level[open.node] == structure.nodes[open.node].depth, open.node != recordPath.last {
            // An enclosing element ends: its values apply to the records inside it.
            for (key, count) in open.seen where count > 1 { repeating.insert(key) }
            for r in open.firstRecord..<records.count {
                for (key, value) in open.values where records[r].values[key] == nil { records[r].values[key] = value }
            }
        }
    }

    /// Keeps the first non-empty value of a field, in the open record or the enclosing element it belongs to.
    private func store(_ key: FieldKey, _ value: String) {
        let node = key.node
        let depth = structure.nodes[node].depth
        let onPath = level[node]
        if onPath == recordPath.count {
            // The record or below it.
            guard openRecord != nil, !value.isEmpty else { return }
            note(key)
            if openRecord!.values[key] == nil { openRecord!.values[key] = value }
            return
        }
        guard onPath > 0 else { return }
        // An enclosing element's field: the owner is the open element at record-path step `onPath`.
        let owner = onPath - 1
        guard owner < stack.count, stack[owner].node == recordPath[owner] else { return }
        if onPath == depth && key.attribute == nil { return }  // text of an element on the record path
        guard !value.isEmpty else { return }
        note(key)
        stack[owner].seen[key, default: 0] += 1
        if stack[owner].values[key] == nil { stack[owner].values[key] = value }
    }

    private func note(_ key: FieldKey) {
        if known.insert(key).inserted { fieldOrder.append(key) }
    }

    /// Records completed whose enclosing elements are still open at the end of the sample: what is known so far.
    func finish() {
        for open in stack where open.node >= 0 && level[open.node] == structure.nodes[open.node].depth
            && open.node != recordPath.last {
            for r in open.firstRecord..<records.count {
                for (key, value) in open.values where records[r].values[key] == nil { records[r].values[key] = value }
            }
        }
    }

    /// How many `../` steps a field's path takes: 0 for the record's own fields.
    func up(_ key: FieldKey) -> Int { recordPath.count - level[key.node] }
}
