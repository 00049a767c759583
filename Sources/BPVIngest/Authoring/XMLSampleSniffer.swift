/// How an XML sample file is built, as far as its start tells: the encoding, the record element (its path from the
/// root), the namespaces with the prefixes the draft declares, and the sampled records as a ``SampleTable`` whose
/// columns are the fields' paths relative to the record (`hr:StartDateTime`, `@type`, `../@status`).
public struct XMLSniffResult: Sendable {
    /// What to write as `source.encoding`: `auto` (the declaration or a byte-order mark decides) or a name.
    public var encodingName: String
    public var encodingNote: DraftNote
    /// `/hr:TimeCard/hr:ReportedTime/hr:TimeInterval`.
    public var recordPath: String
    public var recordNote: DraftNote
    /// Prefix and URI, in the order the draft declares them.
    public var namespaces: [(prefix: String, uri: String)]
    public var namespaceNote: DraftNote?
    /// Set when the records had more field paths than ``XMLSampleSniffer/maxFieldPaths``: how many were left out.
    public var fieldsNote: DraftNote?
    public var table: SampleTable
}

/// Finds the record element of an XML sample and samples its records' fields, in two streaming passes over the start
/// of the file (``XMLSampleParser``): the first finds the element paths and how often they occur
/// (``XMLStructureScan``), the second reads the chosen records' values (``XMLRecordSampler``).
public struct XMLSampleSniffer {
    public var sampleRecords: Int

    /// The most field paths a draft samples. A record element with more distinct attributes and elements below it
    /// (a generated or hostile file) is drafted from the first ones (the record's own fields first, in document
    /// order), and ``XMLSniffResult/fieldsNote`` says how many more were seen and left out.
    public static let maxFieldPaths = 500

    public init(sampleRecords: Int = 1000) {
        self.sampleRecords = sampleRecords
    }

    /// Prefixes for well-known namespaces that a file declares as its default namespace.
    static let knownPrefixes = ["http://ns.hr-xml.org/2007-04-15": "hr", "http://ns.setu.nl/2008-01": "setu"]

    /// Sniffs the XML file at `path`; `prefix` is its first bytes. Throws a ``FileLevelError`` (with the line and
    /// column where the parser stopped) for XML that is not well-formed or truncated, a DOCTYPE, or a file in which
    /// no element repeats.
    public func sniff(path: String, prefix: SamplePrefix) throws(FileLevelError) -> XMLSniffResult {
        let (declared, encodingName, encodingNote) = sniffEncoding(prefix)
        let structure = XMLStructureScan()
        let parse = try XMLSampleParser.parse(path: path, declared: declared, events: structure)
        var encodingNoteRead = encodingNote
        if declared == nil { encodingNoteRead.evidence += ": read as \(parse.encodingName)" }

        let candidates = structure.candidates()
        guard let best = candidates.first, best.count >= 2 else {
            let root = structure.nodes.first.map { "<\($0.name.local)>" } ?? "the root element"
            throw FileLevelError(file: path, message: "no element occurs more than once below \(root)"
                                 + (parse.isWholeFile ? "" : " in the first \(XMLSampleParser.limit >> 20) MiB")
                                 + ": a draft needs a sample with at least two records")
        }
        let sampler = XMLRecordSampler(structure: structure, record: best.node, limit: sampleRecords)
        try XMLSampleParser.parse(path: path, declared: declared, events: sampler)
        sampler.finish()

        var names = NamespacePrefixes()
        let pathNodes = sampler.recordPath
        for node in pathNodes { names.add(structure.nodes[node].name) }
        // The record's own fields first, then those of enclosing elements, each in order of first appearance.
        let position = Dictionary(uniqueKeysWithValues: sampler.fieldOrder.enumerated().map { ($1, $0) })
        let sorted = sampler.fieldOrder.filter { !sampler.repeating.contains($0) }.sorted {
            (sampler.up($0), position[$0]!) < (sampler.up($1), position[$1]!)
        }
        let keys = sorted.prefix(Self.maxFieldPaths)
        let fieldsNote = sorted.count > keys.count ? DraftNote(
            "the records have \(sorted.count) distinct field paths; the draft samples the first \(keys.count)",
            check: "\(sorted.count - keys.count) more field paths were seen and left out: if a field you need is "
                + "among them, write its path by hand") : nil
        for key in keys {
            for node in structure.chain(key.node).dropFirst(pathNodes.count - sampler.up(key)) {
                names.add(structure.nodes[node].name)
            }
            if let attribute = key.attribute { names.add(attribute) }
        }
        let recordPath = "/" + pathNodes.map { names.qualified(structure.nodes[$0].name) }.joined(separator: "/")
        let columns = keys.enumerated().map { i, key in
            SampleTable.Column(number: i + 1, name: fieldPath(key, sampler, names),
                               values: sampler.records.map { $0.values[key] ?? "" })
        }
        let table = SampleTable(columns: columns, recordLines: sampler.records.map(\.line), raggedLines: [],
                                malformedLines: [], isWholeFile: parse.isWholeFile && !sampler.moreRecords,
                                fieldsArePaths: true)
        return XMLSniffResult(encodingName: encodingName, encodingNote: encodingNoteRead, recordPath: recordPath,
                              recordNote: recordNote(best, candidates, structure, parse.isWholeFile),
                              namespaces: names.declared, namespaceNote: names.note, fieldsNote: fieldsNote,
                              table: table)
    }

    /// The field's path as the mapping writes it: `../` steps, then elements, then `@attribute`.
    private func fieldPath(_ key: XMLStructureScan.FieldKey, _ sampler: XMLRecordSampler,
                           _ names: NamespacePrefixes) -> String {
        let structure = sampler.structure
        let up = sampler.up(key)
        let below = structure.chain(key.node).dropFirst(sampler.recordPath.count - up)
        var steps = Array(repeating: "..", count: up) + below.map { names.qualified(structure.nodes[$0].name) }
        if let attribute = key.attribute { steps.append("@" + names.qualified(attribute)) }
        return steps.isEmpty ? "." : steps.joined(separator: "/")
    }

    private func recordNote(_ best: XMLStructureScan.Candidate, _ candidates: [XMLStructureScan.Candidate],
                            _ structure: XMLStructureScan, _ whole: Bool) -> DraftNote {
        let name = structure.nodes[best.node].name.local
        var evidence = "<\(name)> occurs \(best.count) times\(whole ? "" : " in the first part of the file"), "
            + "with \(best.fieldCount) values (attributes and elements) below it"
        if best.repeatsInParent {
            let parent = structure.nodes[best.node].parent
            evidence += parent >= 0 ? ", repeated inside <\(structure.nodes[parent].name.local)>" : ""
        }
        var note = DraftNote(evidence)
        let rivals = candidates.dropFirst().filter { rival in
            !structure.chain(rival.node).contains(best.node) && !structure.chain(best.node).contains(rival.node)
        }
        if let rival = rivals.first, rival.count >= best.count {
            note.check = "<\(structure.localPath(rival.node))> occurs \(rival.count) times as well: which element is "
                + "one hour entry?"
        } else if let inner = candidates.dropFirst().first(where: { structure.chain($0.node).contains(best.node) }),
                  inner.count > best.count {
            note.check = "<\(structure.localPath(inner.node))> inside it occurs \(inner.count) times: is one "
                + "<\(name)> one hour entry, or one <\(structure.nodes[inner.node].name.local)>?"
        }
        note.evidence += "; the path starts at the root element: write //... (without the root) to find the records "
            + "at any depth, as in an envelope of several documents"
        return note
    }

    /// `encoding: auto` unless the file has neither a byte-order mark nor a declared encoding and is not UTF-8.
    private func sniffEncoding(_ prefix: SamplePrefix) -> (TextEncoding?, String, DraftNote) {
        if let bom = prefix.withBytes({ ByteOrderMark.detect($0) }) {
            return (nil, "auto", DraftNote("the file starts with a \(bom.encoding.rawValue) byte-order mark"))
        }
        let head = String(decoding: prefix.bytes.prefix(200), as: UTF8.self)
        if head.hasPrefix("<?xml"), let end = head.range(of: "?>"),
           let range = head[..<end.lowerBound].range(of: "encoding") {
            let rest = head[range.upperBound..<end.lowerBound].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
            let name = rest.prefix { $0 != "\"" && $0 != "'" && $0 != " " }
            return (nil, "auto", DraftNote("the XML declaration names the encoding \(name)"))
        }
        let detected = prefix.withBytes { TextEncoding.detect($0, isWholeFile: prefix.isWholeFile) }
        if detected == .windows1252 {
            let offset = prefix.withBytes { UTF8Validation.firstInvalidOffset($0) } ?? 0
            return (.windows1252, "windows-1252", DraftNote(
                "the file names no encoding and is not UTF-8: line \(prefix.line(of: offset)) has byte 0x"
                    + String(prefix.bytes[offset], radix: 16, uppercase: true) + " (\""
                    + prefix.word(at: offset, as: .windows1252) + "\" in Windows-1252)",
                check: "Windows-1252 or ISO-8859-1? Ask the sender which encoding the export uses"))
        }
        return (nil, "auto", DraftNote("no byte-order mark and no encoding in the XML declaration: UTF-8"))
    }
}

/// The prefixes a draft declares: the file's own prefix for a namespace where it uses one, a well-known one for a
/// default namespace (`hr` for HR-XML), else `ns`, `ns2`, ... Names in no namespace get no prefix; `xml:` is
/// predefined.
struct NamespacePrefixes {
    private(set) var declared: [(prefix: String, uri: String)] = []
    private var prefixByURI: [String: String] = [:]
    private var defaultNamespaces: [String] = []

    mutating func add(_ name: XMLSampleName) {
        let uri = name.namespace
        guard !uri.isEmpty, uri != XMLNamespaces.xmlNamespace, prefixByURI[uri] == nil else { return }
        let taken = Set(declared.map(\.prefix) + ["xml"])
        var prefix = name.prefix ?? XMLSampleSniffer.knownPrefixes[uri] ?? "ns"
        if name.prefix == nil { defaultNamespaces.append(uri) }
        if taken.contains(prefix) {
            var k = 2
            while taken.contains(prefix + "\(k)") { k += 1 }
            prefix += "\(k)"
        }
        prefixByURI[uri] = prefix
        declared.append((prefix, uri))
    }

    func qualified(_ name: XMLSampleName) -> String {
        if name.namespace == XMLNamespaces.xmlNamespace { return "xml:" + name.local }
        guard let prefix = prefixByURI[name.namespace] else { return name.local }
        return prefix + ":" + name.local
    }

    var note: DraftNote? {
        guard !declared.isEmpty else { return nil }
        var evidence = declared.map { "\($0.prefix): " + (defaultNamespaces.contains($0.uri) ? "the file's default "
                                                          + "namespace" : "as the file writes it") }
            .joined(separator: "; ")
        evidence += " (paths match on the namespace URI: the prefix is yours to choose)"
        return DraftNote(evidence)
    }
}
