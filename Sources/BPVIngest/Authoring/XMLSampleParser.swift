import CLibXML2

/// An element or attribute name as a sample file writes it: namespace URI, local name, and the prefix the file used
/// (`nil` for the default namespace or none).
struct XMLSampleName: Hashable, Sendable {
    var namespace: String
    var local: String
    var prefix: String?

    static func == (a: Self, b: Self) -> Bool { a.namespace == b.namespace && a.local == b.local }
    func hash(into hasher: inout Hasher) { hasher.combine(namespace); hasher.combine(local) }
}

/// What a sample parse reports, in document order.
protocol XMLSampleEvents: AnyObject {
    /// An element starts on `line`, with its attributes (names and values, entities resolved).
    func start(_ name: XMLSampleName, attributes: [(XMLSampleName, String)], line: Int)
    /// Text (or CDATA) of the innermost open element, in pieces.
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
    func end()
}

/// Parses the start of an XML sample (at most ``limit`` bytes) with libxml2's SAX2 push parser for drafting: the
/// same safety as the import's ``XMLRecordReader`` (no network, no entities loaded or expanded, a DOCTYPE refused
/// before its subset is read, libxml2's size limits kept) and the same encoding rules (a byte-order mark or the XML
/// declaration decides; `declared` overrides the declaration). A file longer than the limit is read up to it and
/// not checked further; a file that is not well-formed within it fails with libxml2's message, line and column.
final class XMLSampleParser {
    /// Bytes read from a big file.
    static let limit = 4 << 20

    let path: String
    /// Whether the whole file was parsed (else it stopped at ``limit``).
    private(set) var isWholeFile = false
    /// The encoding the file was read in.
    private(set) var encodingName = "utf-8"

    fileprivate unowned let events: any XMLSampleEvents
    fileprivate var parser: xmlParserCtxtPtr?
    fileprivate var failure: (line: Int, column: Int, message: String)?

    private init(path: String, events: any XMLSampleEvents) {
        self.path = path
        self.events = events
    }

    /// Parses `path` (up to ``limit`` bytes), reporting to `events`. `declared: nil` lets a byte-order mark or the
    /// XML declaration decide the encoding.
    @discardableResult
    static func parse(path: String, declared: TextEncoding?, events: any XMLSampleEvents) throws(FileLevelError)
        -> XMLSampleParser {
        _ = libxml2Prepared
        let me = XMLSampleParser(path: path, events: events)
        try me.run(declared: declared)
        return me
    }

    private func run(declared: TextEncoding?) throws(FileLevelError) {
        let source = try FileByteSource(path: path, chunkSize: XMLRecordReader.chunkSize)
        let first = try source.next()
        guard first.count > 0 else {
            throw FileLevelError(file: path, message: "the file is empty (0 bytes): a draft needs a sample export "
                                 + "with records")
        }
        var handler = safeSAXHandler(start: sampleStartElement, end: sampleEndElement, text: sampleCharacters,
                                     doctype: sampleRefuseDoctype, error: sampleStructuredError)
        let bom = ByteOrderMark.detect(first)
        let useDeclared = bom == nil ? declared : nil
        let head = useDeclared == nil ? min(4, first.count) : 0
        let context = Unmanaged.passUnretained(self).toOpaque()
        guard let parser = first.baseAddress.flatMap({ bytes in
            withUnsafeMutablePointer(to: &handler) {
                xmlCreatePushParserCtxt($0, context, bytes.assumingMemoryBound(to: CChar.self), Int32(head), path)
            }
        }) else {
            throw FileLevelError(file: path, message: "libxml2 could not create a parser")
        }
        self.parser = parser
        defer { freeParser(parser); self.parser = nil }
        var options = Int32(XML_PARSE_NONET.rawValue)
        if let useDeclared {
            options |= Int32(XML_PARSE_IGNORE_ENC.rawValue)
            if let encoder = xmlFindCharEncodingHandler(useDeclared.libxml2Name) { xmlSwitchToEncoding(parser, encoder) }
            encodingName = useDeclared.rawValue
        }
        xmlCtxtUseOptions(parser, options)
        try push(UnsafeRawBufferPointer(rebasing: first[head...]), terminate: false)
        if let bom {
            encodingName = bom.encoding.rawValue
        } else if useDeclared == nil {
            let named = parser.pointee.input?.pointee.encoding ?? parser.pointee.encoding
            encodingName = named.map { String(cString: $0).lowercased() } ?? "utf-8"
        }
        var read = first.count
        while read < Self.limit {
            let chunk = try source.next()
            if chunk.isEmpty {
                isWholeFile = true
                try push(chunk, terminate: true)
                return
            }
            read += chunk.count
            try push(chunk, terminate: false)
        }
    }

    private func push(_ chunk: UnsafeRawBufferPointer, terminate: Bool) throws(FileLevelError) {
        let bytes = chunk.baseAddress?.assumingMemoryBound(to: CChar.self)
        _ = xmlParseChunk(parser, chunk.count > 0 ? bytes : nil, Int32(chunk.count), terminate ? 1 : 0)
        guard let failure else { return }
        var message = failure.message
        if message.contains("not proper UTF-8") || message.contains("encoding") {
            message += " (the file names no encoding and is not UTF-8: save it as UTF-8 or add an XML declaration "
                + "with its encoding)"
        } else if terminate {
            message += " (at the end of the file: is it truncated?)"
        }
        throw FileLevelError(file: path, line: failure.line, column: failure.column > 0 ? failure.column : nil,
                             message: message)
    }

    fileprivate func fail(line: Int, column: Int, message: String) {
        if failure == nil { failure = (line, column, message) }
        if let parser { xmlStopParser(parser) }
    }

    fileprivate var line: Int { parser.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0 }
}

// MARK: - SAX2 callbacks

@inline(__always) private func sampleParser(_ context: UnsafeMutableRawPointer?) -> XMLSampleParser {
    Unmanaged<XMLSampleParser>.fromOpaque(context!).takeUnretainedValue()
}

private func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
    pointer.map { String(cString: $0) }
}

private func sampleStartElement(_ context: UnsafeMutableRawPointer?, _ local: UnsafePointer<xmlChar>?,
                                _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32,
                                _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int32,
                                _ defaulted: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
    let me = sampleParser(context)
    guard me.failure == nil else { return }
    var list: [(XMLSampleName, String)] = []
    if let attributes {
        for k in 0..<Int(attributeCount) {
            let a = attributes + 5 * k  // localname, prefix, URI, value, end
            guard let value = a[3], let end = a[4] else { continue }
            let text = String(decoding: UnsafeBufferPointer(start: value, count: value.distance(to: end)), as: UTF8.self)
            list.append((XMLSampleName(namespace: string(a[2]) ?? "", local: string(a[0]) ?? "", prefix: string(a[1])),
                         text))
        }
    }
    me.events.start(XMLSampleName(namespace: string(uri) ?? "", local: string(local) ?? "", prefix: string(prefix)),
                    attributes: list, line: me.line)
}

private func sampleEndElement(_ context: UnsafeMutableRawPointer?, _ local: UnsafePointer<xmlChar>?,
                              _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
    let me = sampleParser(context)
    guard me.failure == nil else { return }
    me.events.end()
}

private func sampleCharacters(_ context: UnsafeMutableRawPointer?, _ data: UnsafePointer<xmlChar>?, _ length: Int32) {
    let me = sampleParser(context)
    guard me.failure == nil, let data, length > 0 else { return }
    me.events.text(UnsafeBufferPointer(start: data, count: Int(length)))
}

private func sampleRefuseDoctype(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?,
                                 _ externalID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?) {
    let me = sampleParser(context)
    guard let parser = me.parser else { return }
    me.fail(line: Int(xmlSAX2GetLineNumber(parser)), column: Int(xmlSAX2GetColumnNumber(parser)),
            message: doctypeRefusal(rootName: string(name) ?? ""))
}

private func sampleStructuredError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    var message = error.pointee.message.map { String(cString: $0) } ?? "error"
    message = message.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }.joined(separator: " ")
    sampleParser(context).fail(line: Int(error.pointee.line), column: Int(error.pointee.int2),
                               message: "not well-formed XML: " + message)
}
