/// The values of an XML sample's records that no path of the mapping reads: the XML side of the linter's "column
/// ... is not read by any field" warning. The sample is scanned as a draft scans it (``XMLStructureScan``,
/// ``XMLRecordSampler``), with the mapping's record element, and every value of a record or of an enclosing
/// element is compared with the mapping's paths (by namespace URI and local name, as the reader matches them).
enum XMLUnreadPaths {
    /// The unread values, each as a column named by its path (written with the mapping's prefixes) holding the
    /// sampled values, in the order they first occur.
    static func find(path: String, mapping: HourMapping, limit: Int) throws(FileLevelError) -> [SampleTable.Column] {
        guard let xml = mapping.source.xml else { return [] }
        let structure = XMLStructureScan()
        try XMLSampleParser.parse(path: path, declared: mapping.source.encoding, events: structure)
        guard let record = recordNode(xml.record, structure) else { return [] }
        let sampler = XMLRecordSampler(structure: structure, record: record, limit: limit)
        try XMLSampleParser.parse(path: path, declared: mapping.source.encoding, events: sampler)
        sampler.finish()

        let read = mapping.fields.values.flatMap { spec -> [XMLFieldPath] in
            if case .path(let alternatives) = spec.source { return alternatives }
            return []
        }
        let prefixes = Dictionary(xml.namespaces.byPrefix.map { ($0.value, $0.key) }, uniquingKeysWith: min)
        var unread: [SampleTable.Column] = []
        for key in sampler.fieldOrder where !sampler.repeating.contains(key) {
            let up = sampler.up(key)
            let below = structure.chain(key.node).dropFirst(sampler.recordPath.count - up).map { structure.nodes[$0].name }
            let isRead = read.contains { path in
                path.up == up && path.steps.count == below.count
                    && zip(path.steps, below).allSatisfy { same($0, $1) }
                    && (path.attribute == nil) == (key.attribute == nil)
                    && (path.attribute.map { attribute in key.attribute.map { same(attribute, $0) } ?? false } ?? true)
            }
            guard !isRead else { continue }
            var steps = Array(repeating: "..", count: up) + below.map { written($0, prefixes) }
            if let attribute = key.attribute { steps.append("@" + written(attribute, prefixes)) }
            unread.append(SampleTable.Column(number: unread.count + 1,
                                             name: XMLMappedSample.pathLabel + "\"\(steps.joined(separator: "/"))\"",
                                             values: sampler.records.map { $0.values[key] ?? "" }))
        }
        return unread
    }

    /// The node of the record element: its path from the root is the record path (`/...`), or ends with it (`//...`).
    private static func recordNode(_ record: XMLRecordPath, _ structure: XMLStructureScan) -> Int? {
        let matching = structure.nodes.indices.filter { node in
            let chain = structure.chain(node).map { structure.nodes[$0].name }
            guard record.anywhere ? chain.count >= record.steps.count : chain.count == record.steps.count else {
                return false
            }
            return zip(record.steps, chain.suffix(record.steps.count)).allSatisfy { same($0, $1) }
        }
        return matching.max { structure.nodes[$0].count < structure.nodes[$1].count }
    }

    private static func same(_ a: XMLName, _ b: XMLSampleName) -> Bool {
        a.namespace == b.namespace && a.local == b.local
    }

    /// `hr:Comment` with the mapping's prefix for the namespace, `{uri}Comment` when the mapping declares none.
    private static func written(_ name: XMLSampleName, _ prefixes: [String: String]) -> String {
        if name.namespace.isEmpty { return name.local }
        if name.namespace == XMLNamespaces.xmlNamespace { return "xml:" + name.local }
        if let prefix = prefixes[name.namespace] { return prefix + ":" + name.local }
        return "{\(name.namespace)}" + name.local
    }
}
