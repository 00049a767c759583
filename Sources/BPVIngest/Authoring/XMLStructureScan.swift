/// The first pass over an XML sample: the tree of element paths the file uses (each distinct path from the root is
/// one node), with how often each occurs, whether it repeats inside one parent, and which values (attributes and
/// element texts) lie below it. Enough to tell which element is the record.
final class XMLStructureScan: XMLSampleEvents {
    /// A value below a node: the text of element `node`, or its attribute `attribute`.
    struct FieldKey: Hashable {
        var node: Int
        var attribute: XMLSampleName?
    }

    struct Node {
        /// The name as first seen (with the file's prefix).
        var name: XMLSampleName
        var parent: Int
        /// 1 for the root element.
        var depth: Int
        var children: [XMLSampleName: Int] = [:]
        /// Occurrences in the sample.
        var count = 0
        /// Occurrences inside one element of the parent path, at most.
        var mostPerParent = 0
        /// The distinct values below (and the node's own attributes).
        var fields: Set<FieldKey> = []
    }

    private struct Open {
        var node: Int
        var childCounts: [Int: Int] = [:]
        var hasText = false
    }

    private(set) var nodes: [Node] = []
    private var stack: [Open] = []

    func start(_ name: XMLSampleName, attributes: [(XMLSampleName, String)], line: Int) {
        let node: Int
        if let parent = stack.last {
            if let known = nodes[parent.node].children[name] { node = known } else {
                nodes.append(Node(name: name, parent: parent.node, depth: nodes[parent.node].depth + 1))
                node = nodes.count - 1
                nodes[parent.node].children[name] = node
            }
            stack[stack.count - 1].childCounts[node, default: 0] += 1
        } else if let root = nodes.indices.first(where: { nodes[$0].depth == 1 && nodes[$0].name == name }) {
            node = root
        } else {
            nodes.append(Node(name: name, parent: -1, depth: 1))
            node = nodes.count - 1
        }
        nodes[node].count += 1
        for (attribute, value) in attributes where !value.trimmingWhitespace().isEmpty {
            let key = FieldKey(node: node, attribute: attribute)
            nodes[node].fields.insert(key)
            for open in stack { nodes[open.node].fields.insert(key) }
        }
        stack.append(Open(node: node))
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !stack.isEmpty, !stack[stack.count - 1].hasText else { return }
        if bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
            stack[stack.count - 1].hasText = true
        }
    }

    func end() {
        guard let open = stack.popLast() else { return }
        for (child, count) in open.childCounts where count > nodes[child].mostPerParent {
            nodes[child].mostPerParent = count
        }
        if open.hasText {
            let key = FieldKey(node: open.node, attribute: nil)
            for ancestor in stack { nodes[ancestor.node].fields.insert(key) }
        }
    }

    /// The nodes from the root down to `node`.
    func chain(_ node: Int) -> [Int] {
        var list: [Int] = []
        var at = node
        while at >= 0 { list.append(at); at = nodes[at].parent }
        return list.reversed()
    }

    /// `TimeCard/ReportedTime/TimeInterval` (local names), for messages.
    func localPath(_ node: Int) -> String { chain(node).map { nodes[$0].name.local }.joined(separator: "/") }

    /// A candidate record element and why.
    struct Candidate {
        var node: Int
        var count: Int
        var fieldCount: Int
        var repeatsInParent: Bool
        var score: Int { count * fieldCount }
    }

    /// Element paths that could be the records, best first: those that repeat inside their parent before those
    /// that do not, then by occurrences times distinct values (an element that occurs often and carries many values:
    /// `TimeInterval` before its `RateOrAmount`), then the shallower. Elements with fewer than two values below them
    /// (`Id` around one `IdValue`) are not records.
    func candidates() -> [Candidate] {
        let all = nodes.indices.map { i in
            Candidate(node: i, count: nodes[i].count, fieldCount: nodes[i].fields.count,
                      repeatsInParent: nodes[i].mostPerParent > 1)
        }.filter { $0.fieldCount >= 1 }
        let rich = all.filter { $0.fieldCount >= 2 }
        return (rich.isEmpty ? all : rich).sorted { a, b in
            ((a.repeatsInParent ? 1 : 0), a.score, -nodes[a.node].depth, -a.node)
                > ((b.repeatsInParent ? 1 : 0), b.score, -nodes[b.node].depth, -b.node)
        }
    }
}
