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
    /// The tables the SAX callbacks and the records read, in unmanaged memory (one allocation, freed with the
    /// layout). Plain pointers: reading them costs no reference counting.
    let tables: UnsafeMutablePointer<XMLTables>
    /// Per slot: its path text, for messages.
    let slotNames: [String]

    var slotCount: Int { tables.pointee.slotLevel.count }

    /// Every distinct path the fields read, as the mapping writes it, in the order of the fields (alternatives
    /// included): the raw fields a preview shows. Read a record's value of path `k` with ``XMLRecord/pathValue(_:)``.
    public var pathNames: [String] { slotNames }
    var fieldCount: Int { tables.pointee.fieldSlotStart.count }

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
        var t = XMLTables()
        t.recordStep = table(steps)
        t.trieRoot = table(roots)
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
        t.childStart = table(starts); t.childCount = table(counts); t.childName = table(childNames)
        t.childNode = table(childNodes); t.textSlot = table(texts)
        t.attributeStart = table(attrStarts); t.attributeCount = table(attrCounts)
        t.attributeName = table(attrNames); t.attributeSlot = table(attrSlots)
        t.slotLevel = table(slotLevels)
        let levelCount = Int32(record.steps.count)
        t.inheritedSlots = table(slotLevels.indices.filter { slotLevels[$0] < levelCount }.map(Int32.init))
        var levelStarts: [Int32] = [], levelSlotList: [Int32] = []
        for level in 0...Int(levelCount) {
            levelStarts.append(Int32(levelSlotList.count))
            if level > 0 && level < Int(levelCount) {
                levelSlotList += slotLevels.indices.filter { slotLevels[$0] == Int32(level) }.map(Int32.init)
            }
        }
        t.levelSlotStart = table(levelStarts + [Int32(levelSlotList.count)])
        t.levelSlots = table(levelSlotList)
        t.fieldSlotStart = table(fieldStarts); t.fieldSlotCount = table(fieldCounts); t.fieldSlots = table(fieldSlotList)
        tables = .allocate(capacity: 1)
        tables.initialize(to: t)
    }

    deinit {
        let t = tables.pointee
        for buffer in [t.recordStep, t.trieRoot, t.childStart, t.childCount, t.childName, t.childNode, t.textSlot,
                       t.attributeStart, t.attributeCount, t.attributeName, t.attributeSlot, t.slotLevel,
                       t.inheritedSlots, t.levelSlotStart, t.levelSlots, t.fieldSlotStart, t.fieldSlotCount, t.fieldSlots] {
            buffer.baseAddress?.deallocate()
        }
        tables.deallocate()
    }

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

/// The compiled layout as flat tables (see ``XMLRecordLayout``).
struct XMLTables {
    /// Name id of each record path step (0-based: step `i` is level `i + 1`).
    var recordStep = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    /// Trie root per level (index = level, 0 unused); -1 when no path starts there.
    var trieRoot = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    // Trie nodes, flattened.
    var childStart = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    var childCount = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    var childName = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    var childNode = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    var textSlot = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    var attributeStart = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    var attributeCount = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    var attributeName = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    var attributeSlot = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    /// Per slot: the level of the element its path starts from (`n` for the record itself).
    var slotLevel = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    /// Slots of enclosing elements (level < n), for copying into records.
    var inheritedSlots = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    /// The inherited slots of each enclosing level: `levelSlots[levelSlotStart[l] ..< levelSlotStart[l + 1]]`.
    var levelSlotStart = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    var levelSlots = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    // Per field: its slots, first to last alternative.
    var fieldSlotStart = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    var fieldSlotCount = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    var fieldSlots = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)

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
}
