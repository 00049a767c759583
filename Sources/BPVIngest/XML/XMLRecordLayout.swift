/// What the XML reader collects for one mapping, compiled once: the record path, and a small trie of the paths the
/// fields ask for, rooted at the record element and at each enclosing element on the record path.
///
/// Every distinct path is a *slot*. Slots of the record itself are filled while the record is read; slots of an
/// enclosing element (`../@status`) are kept while that element is open and copied into each record inside it.
/// A *field* is what the mapper sees: one slot, or several alternatives (the first that has a value).
///
/// The tables live in unmanaged memory so that the SAX callbacks read them without reference counting.
public final class XMLRecordLayout {
    public let record: XMLRecordPath
    /// Per field: the paths as written, for messages (`hr:Duration`, or `a | b` for alternatives).
    public let fieldNames: [String]

    /// Number of record path steps (`n`); the record element is level `n`, its enclosing elements `1..<n`.
    let depth: Int
    /// Distinct element and attribute names; a name's id is its index.
    let names: [XMLName]
    let nameNamespaceBytes: [[UInt8]]
    let nameLocalBytes: [[UInt8]]
    /// Name id of each record path step (0-based: step `i` is level `i + 1`).
    let recordStep: UnsafeMutableBufferPointer<Int32>
    /// Trie root per level (index = level, 0 unused); -1 when no path starts there.
    let trieRoot: UnsafeMutableBufferPointer<Int32>
    // Trie nodes, flattened.
    let childStart: UnsafeMutableBufferPointer<Int32>
    let childCount: UnsafeMutableBufferPointer<Int32>
    let childName: UnsafeMutableBufferPointer<Int32>
    let childNode: UnsafeMutableBufferPointer<Int32>
    let textSlot: UnsafeMutableBufferPointer<Int32>
    let attributeStart: UnsafeMutableBufferPointer<Int32>
    let attributeCount: UnsafeMutableBufferPointer<Int32>
    let attributeName: UnsafeMutableBufferPointer<Int32>
    let attributeSlot: UnsafeMutableBufferPointer<Int32>
    /// Per slot: the level of the element its path starts from (`n` for the record itself).
    let slotLevel: UnsafeMutableBufferPointer<Int32>
    /// Per slot: its path text, for messages.
    let slotNames: [String]
    /// Slots of enclosing elements (level < n), for copying into records.
    let inheritedSlots: UnsafeMutableBufferPointer<Int32>
    // Per field: its slots, first to last alternative.
    let fieldSlotStart: UnsafeMutableBufferPointer<Int32>
    let fieldSlotCount: UnsafeMutableBufferPointer<Int32>
    let fieldSlots: UnsafeMutableBufferPointer<Int32>

    var slotCount: Int { slotLevel.count }
    var fieldCount: Int { fieldSlotStart.count }

    /// Compiles `fields` (each a list of alternative paths) for records at `record`.
    public init(record: XMLRecordPath, fields: [[XMLFieldPath]]) {
        self.record = record
        depth = record.steps.count
        fieldNames = fields.map { $0.map(\.text).joined(separator: " | ") }

        var names: [XMLName] = []
        var nameIDs: [XMLName: Int32] = [:]
        func id(_ name: XMLName) -> Int32 {
            if let known = nameIDs[name] { return known }
            names.append(name)
            nameIDs[name] = Int32(names.count - 1)
            return Int32(names.count - 1)
        }
        let steps = record.steps.map(id)

        // Build the trie with growable Swift arrays, then flatten.
        struct Node { var children: [(Int32, Int32)] = []; var text: Int32 = -1; var attributes: [(Int32, Int32)] = [] }
        var nodes: [Node] = []
        var roots = [Int32](repeating: -1, count: depth + 1)
        var slotKeys: [String: Int32] = [:]  // "level|node|@attr" -> slot
        var slotLevels: [Int32] = []
        var slotTexts: [String] = []
        var fieldStarts: [Int32] = [], fieldCounts: [Int32] = [], fieldSlotList: [Int32] = []
        for alternatives in fields {
            fieldStarts.append(Int32(fieldSlotList.count))
            fieldCounts.append(Int32(alternatives.count))
            for path in alternatives {
                let level = depth - path.up
                if roots[level] < 0 { nodes.append(Node()); roots[level] = Int32(nodes.count - 1) }
                var node = roots[level]
                for step in path.steps {
                    let name = id(step)
                    if let next = nodes[Int(node)].children.first(where: { $0.0 == name }) {
                        node = next.1
                    } else {
                        nodes.append(Node())
                        nodes[Int(node)].children.append((name, Int32(nodes.count - 1)))
                        node = Int32(nodes.count - 1)
                    }
                }
                let key = "\(level)|\(node)|" + (path.attribute.map { "@\($0.namespace)|\($0.local)" } ?? "")
                let slot: Int32
                if let known = slotKeys[key] { slot = known } else {
                    slot = Int32(slotLevels.count)
                    slotKeys[key] = slot
                    slotLevels.append(Int32(level))
                    slotTexts.append(path.text)
                    if let attribute = path.attribute {
                        nodes[Int(node)].attributes.append((id(attribute), slot))
                    } else {
                        nodes[Int(node)].text = slot
                    }
                }
                fieldSlotList.append(slot)
            }
        }
        self.names = names
        nameNamespaceBytes = names.map { Array($0.namespace.utf8) }
        nameLocalBytes = names.map { Array($0.local.utf8) }
        slotNames = slotTexts

        func table(_ values: [Int32]) -> UnsafeMutableBufferPointer<Int32> {
            let buffer = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(values.count, 1))
            _ = buffer.initialize(fromContentsOf: values)
            return UnsafeMutableBufferPointer(rebasing: buffer[0..<values.count])
        }
        recordStep = table(steps)
        trieRoot = table(roots)
        var starts: [Int32] = [], counts: [Int32] = [], childNames: [Int32] = [], childNodes: [Int32] = []
        var texts: [Int32] = [], attrStarts: [Int32] = [], attrCounts: [Int32] = [], attrNames: [Int32] = []
        var attrSlots: [Int32] = []
        for node in nodes {
            starts.append(Int32(childNames.count)); counts.append(Int32(node.children.count))
            for (name, child) in node.children { childNames.append(name); childNodes.append(child) }
            texts.append(node.text)
            attrStarts.append(Int32(attrNames.count)); attrCounts.append(Int32(node.attributes.count))
            for (name, slot) in node.attributes { attrNames.append(name); attrSlots.append(slot) }
        }
        childStart = table(starts); childCount = table(counts); childName = table(childNames)
        childNode = table(childNodes); textSlot = table(texts)
        attributeStart = table(attrStarts); attributeCount = table(attrCounts)
        attributeName = table(attrNames); attributeSlot = table(attrSlots)
        slotLevel = table(slotLevels)
        let levelCount = Int32(record.steps.count)
        inheritedSlots = table(slotLevels.indices.filter { slotLevels[$0] < levelCount }.map(Int32.init))
        fieldSlotStart = table(fieldStarts); fieldSlotCount = table(fieldCounts); fieldSlots = table(fieldSlotList)
    }

    deinit {
        for buffer in [recordStep, trieRoot, childStart, childCount, childName, childNode, textSlot, attributeStart,
                       attributeCount, attributeName, attributeSlot, slotLevel, inheritedSlots, fieldSlotStart,
                       fieldSlotCount, fieldSlots] {
            buffer.baseAddress?.deallocate()
        }
    }

    /// The child of trie node `node` named `name`, or -1.
    @inline(__always) func child(_ node: Int32, _ name: Int32) -> Int32 {
        let start = Int(childStart[Int(node)])
        for k in start..<(start + Int(childCount[Int(node)])) where childName[k] == name { return childNode[k] }
        return -1
    }

    /// The slot of attribute `name` at trie node `node`, or -1.
    @inline(__always) func attribute(_ node: Int32, _ name: Int32) -> Int32 {
        let start = Int(attributeStart[Int(node)])
        for k in start..<(start + Int(attributeCount[Int(node)])) where attributeName[k] == name { return attributeSlot[k] }
        return -1
    }

    /// Whether any attribute of node `node` is collected.
    @inline(__always) func hasAttributes(_ node: Int32) -> Bool { attributeCount[Int(node)] > 0 }

    /// The id of a name (namespace URI bytes, local name bytes), or -1 when no path uses it.
    func nameID(namespace: UnsafeRawBufferPointer, local: UnsafeRawBufferPointer) -> Int32 {
        for i in 0..<names.count where nameLocalBytes[i].count == local.count && nameNamespaceBytes[i].count == namespace.count {
            if nameLocalBytes[i].elementsEqual(local) && nameNamespaceBytes[i].elementsEqual(namespace) { return Int32(i) }
        }
        return -1
    }

    /// `/TimeCard/ReportedTime[2]/TimeInterval[5]`: the record's place, from its per-level positions.
    func elementPath(_ positions: UnsafePointer<Int32>) -> String {
        var text = record.anywhere ? "/" : ""
        for (i, step) in record.steps.enumerated() {
            text += "/" + step.local
            if record.anywhere || i > 0 { text += "[\(positions[i])]" }
        }
        return text
    }

    /// The name of the enclosing element at `level` (1-based), for messages.
    func stepName(level: Int) -> String { record.steps[level - 1].description }
}
