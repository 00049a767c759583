import CLibXML2

/// A streaming XML record reader on libxml2's SAX2 push parser, in constant memory: the file is read in 256 KiB
/// chunks (``FileByteSource``) and pushed to `xmlParseChunk`; no document tree is ever built. Only the values the
/// ``XMLRecordLayout`` asks for are kept, as bytes, per record.
///
/// Safety: the parser never touches the network (`XML_PARSE_NONET`), never substitutes or loads entities
/// (no `XML_PARSE_NOENT`, no DTD loading, a process-wide entity loader that refuses everything), keeps libxml2's
/// size limits (no `XML_PARSE_HUGE`), and refuses any document type declaration before its internal subset is
/// read: XXE and entity bombs fail the file at the DOCTYPE. A file that is not well-formed fails as a whole with
/// libxml2's message, line and column.
public final class XMLRecordReader {
    public let path: String
    public let layout: XMLRecordLayout
    /// The encoding the file is read in: the mapping's, a byte-order mark's, the XML declaration's, or UTF-8.
    public private(set) var encodingName = "utf-8"
    /// Set when a byte-order mark overrode the mapping's encoding.
    public private(set) var encodingNote: String?
    /// Records completed so far.
    public var recordsFound: Int { collector.pointee.total }

    private let source: FileByteSource
    private let collector: UnsafeMutablePointer<XMLRecordCollector>
    private let parser: xmlParserCtxtPtr
    private var pendingChunk: UnsafeRawBufferPointer?
    private var finished = false
    /// Records handed out in batches so far (absolute).
    private var handedOut = 0

    /// Chunk size for reading and parsing.
    static let chunkSize = 256 << 10

    /// Opens `path` and parses its first chunk (so the encoding is known). `encoding: nil` lets the byte-order
    /// mark or the XML declaration decide. Throws a ``FileLevelError`` for an unreadable or empty file, or one
    /// whose first chunk is not well-formed.
    public init(path: String, layout: XMLRecordLayout, encoding declared: TextEncoding?,
                maxWaitingRecords: Int = 100_000) throws(FileLevelError) {
        _ = libxml2Prepared
        self.path = path
        self.layout = layout
        source = try FileByteSource(path: path, chunkSize: Self.chunkSize)
        let first = try source.next()
        guard first.count > 0 else { throw FileLevelError(file: path, message: "the file is empty (0 bytes)") }

        let collector = UnsafeMutablePointer<XMLRecordCollector>.allocate(capacity: 1)
        collector.initialize(to: XMLRecordCollector(layout: layout, maxWaitingRecords: maxWaitingRecords))
        self.collector = collector
        // libxml2 copies the handler into the parser context.
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = xmlStartElement
        handler.endElementNs = xmlEndElement
        handler.characters = xmlCharacters
        handler.cdataBlock = xmlCharacters
        handler.ignorableWhitespace = xmlCharacters
        handler.internalSubset = xmlRefuseDoctype
        handler.serror = xmlStructuredError
        // No entityDecl, getEntity, resolveEntity or externalSubset: entities are never stored or fetched.

        let bom = ByteOrderMark.detect(first)
        var useDeclared: TextEncoding?
        if let declared {
            if let bom, bom.encoding != declared {
                encodingNote = "the file starts with a \(bom.encoding.rawValue) byte-order mark; read as "
                    + "\(bom.encoding.rawValue), not the declared \(declared.rawValue)"
            } else if bom == nil {
                useDeclared = declared
            }
        }
        // With automatic detection libxml2 needs the first bytes at creation; a declared encoding is set before
        // any byte arrives and overrides the XML declaration.
        let head = useDeclared == nil ? min(4, first.count) : 0
        guard let context = first.baseAddress.flatMap({ bytes in
            withUnsafeMutablePointer(to: &handler) {
                xmlCreatePushParserCtxt($0, collector, bytes.assumingMemoryBound(to: CChar.self), Int32(head), path)
            }
        }) else {
            collector.pointee.deallocate(); collector.deinitialize(count: 1); collector.deallocate()
            throw FileLevelError(file: path, message: "libxml2 could not create a parser")
        }
        parser = context
        collector.pointee.context = context
        var options = Int32(XML_PARSE_NONET.rawValue)
        if let useDeclared {
            options |= Int32(XML_PARSE_IGNORE_ENC.rawValue)
            if let encoder = xmlFindCharEncodingHandler(useDeclared.libxml2Name) { xmlSwitchToEncoding(context, encoder) }
            encodingName = useDeclared.rawValue
        }
        xmlCtxtUseOptions(context, options)
        pendingChunk = UnsafeRawBufferPointer(rebasing: first[head...])
        try parse(pendingChunk!, terminate: false)
        pendingChunk = nil
        if useDeclared == nil { encodingName = detectedEncoding(bom: bom) }
    }

    deinit {
        xmlFreeParserCtxt(parser)
        collector.pointee.deallocate()
        collector.deinitialize(count: 1)
        collector.deallocate()
    }

    /// The next records, or `nil` at the end of the file. The batch is valid until the next call.
    /// Throws a ``FileLevelError`` (with line and column) when the file is not well-formed, is truncated, declares
    /// a DTD, or holds no record element at all.
    public func nextBatch() throws(FileLevelError) -> XMLBatch? {
        collector.pointee.compact(upTo: handedOut)
        while collector.pointee.released == collector.pointee.base {
            if finished { return nil }
            let chunk = try source.next()
            if chunk.isEmpty {
                finished = true
                try parse(chunk, terminate: true)
                if collector.pointee.total == 0 { throw noRecords() }
            } else {
                try parse(chunk, terminate: false)
            }
        }
        handedOut = collector.pointee.released
        return XMLBatch(records: collector.pointee.releasedRecords())
    }

    /// Like ``nextBatch()``, but the records own their memory (for another thread).
    func nextBlock() throws(FileLevelError) -> XMLRecordBlock? {
        guard try nextBatch() != nil else { return nil }
        return XMLRecordBlock(collector.pointee, layout: layout)
    }

    private func parse(_ chunk: UnsafeRawBufferPointer, terminate: Bool) throws(FileLevelError) {
        let bytes = chunk.baseAddress?.assumingMemoryBound(to: CChar.self)
        _ = xmlParseChunk(parser, chunk.count > 0 ? bytes : nil, Int32(chunk.count), terminate ? 1 : 0)
        if let failure = collector.pointee.failure {
            finished = true
            var message = failure.message
            if message.contains("not proper UTF-8") || message.contains("encoding") {
                message += " (the XML declaration names the encoding; set source.encoding in the mapping for files without one)"
            } else if terminate {
                message += " (at the end of the file: is it truncated?)"
            }
            throw FileLevelError(file: path, line: failure.line, column: failure.column > 0 ? failure.column : nil,
                                 message: message)
        }
    }

    private func noRecords() -> FileLevelError {
        var message = "no record elements \(layout.record.text) in the file"
        if let root = collector.pointee.rootName {
            let first = layout.record.steps[0]
            message += "; its root element is <\(root.local)>"
                + (root.namespace.isEmpty ? " in no namespace" : " in namespace \(root.namespace)")
            if !layout.record.anywhere && (first.local != root.local || first.namespace != root.namespace) {
                if first.local == root.local {
                    message += ", while the mapping's \(first) is in "
                        + (first.namespace.isEmpty ? "no namespace" : "namespace \(first.namespace)")
                        + " (paths match on the namespace URI, not the prefix)"
                } else {
                    message += ", while the record path starts with \(first)"
                }
            }
        }
        return FileLevelError(file: path, message: message + ": is it the right mapping?")
    }

    private func detectedEncoding(bom: ByteOrderMark?) -> String {
        if let bom { return bom.encoding.rawValue }
        let declared = parser.pointee.input?.pointee.encoding ?? parser.pointee.encoding
        return declared.map { String(cString: $0).lowercased() } ?? "utf-8"
    }
}

extension TextEncoding {
    /// The name libxml2 (iconv) knows the encoding by.
    var libxml2Name: String {
        switch self {
        case .utf8: return "UTF-8"
        case .windows1252: return "WINDOWS-1252"
        case .iso88591: return "ISO-8859-1"
        case .utf16le: return "UTF-16LE"
        case .utf16be: return "UTF-16BE"
        }
    }
}

/// Process-wide libxml2 set-up, once: initialise the library, and install an external entity loader that refuses
/// every request (defence in depth: the SAX handler loads nothing anyway). Also used by the draft's XML sniffer.
let libxml2Prepared: Void = {
    xmlInitParser()
    xmlSetExternalEntityLoader { url, _, context in
        _ = url; _ = context
        return nil
    }
}()
