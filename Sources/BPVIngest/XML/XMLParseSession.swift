import CLibXML2

/// One pass of libxml2's SAX2 parser over a file, in *pull* mode: libxml2 runs the whole document in one
/// `xmlParseDocument` call and asks ``read(into:count:)`` for bytes as it needs them (a few KiB at a time, from the
/// file's 256 KiB chunks). No document tree is built. The ``XMLRecordCollector`` keeps the values the layout asks
/// for, and whenever libxml2 asks for input the records released so far go out as an ``XMLRecordBlock``.
///
/// Pull mode rather than `xmlParseChunk`: the push parser scans ahead for the end of every tag and text before it
/// parses it, which cost 15 % more instructions for the same file (callgrind, the C baseline in both modes).
///
/// Runs on the reader's parse thread; nothing else touches it while ``run(deliver:)`` runs.
final class XMLParseSession: @unchecked Sendable {
    let path: String
    private let source: FileByteSource
    /// The file's first chunk (already read to check for a byte-order mark), then the chunk being served.
    private var pending: UnsafeRawBufferPointer
    private let collector: UnsafeMutablePointer<XMLRecordCollector>
    /// Kept alive for the collector, which reads the layout's tables without retaining it.
    private let layout: XMLRecordLayout
    /// The encoding set before parsing (the mapping's), which overrides the XML declaration.
    private let forcedEncoding: TextEncoding?
    /// Where the released records go; `false` stops the parse (the consumer went away).
    private var deliver: ((XMLRecordBlock) -> Bool)?
    /// Asked at every read: `true` stops the parse (the consumer went away while no block was due).
    private var shouldStop: (() -> Bool)?
    private var cancelled = false
    private var readFailure: FileLevelError?
    /// The file has no more bytes (the read callback returned 0).
    private var reachedEnd = false

    /// Records are handed out once at least this many are released (and at the end).
    static let blockRecords = 1024
    /// ... or once the records released hold this many bytes (a block of records with long texts stays small).
    static let blockBytes = 4 << 20

    init(path: String, source: FileByteSource, first: UnsafeRawBufferPointer, layout: XMLRecordLayout,
         forcedEncoding: TextEncoding?, maxWaitingRecords: Int, maxWaitingBytes: Int) {
        self.path = path
        self.source = source
        pending = first
        self.forcedEncoding = forcedEncoding
        self.layout = layout
        collector = .allocate(capacity: 1)
        collector.initialize(to: XMLRecordCollector(layout: layout, maxWaitingRecords: maxWaitingRecords,
                                                  maxWaitingBytes: maxWaitingBytes))
    }

    deinit {
        collector.pointee.deallocate()
        collector.deinitialize(count: 1)
        collector.deallocate()
    }

    /// Parses the whole file, handing each block of released records to `deliver` in file order. Throws a
    /// ``FileLevelError`` (with line and column) when the file is not well-formed, is truncated, declares a DTD,
    /// or holds no record element at all; the blocks before the error have been delivered.
    func run(deliver: @escaping (XMLRecordBlock) -> Bool, shouldStop: @escaping () -> Bool = { false }) throws(FileLevelError) {
        self.deliver = deliver
        self.shouldStop = shouldStop
        defer { self.deliver = nil; self.shouldStop = nil }
        var handler = safeSAXHandler(start: xmlStartElement, end: xmlEndElement, text: xmlCharacters,
                                     doctype: xmlRefuseDoctype, error: xmlStructuredError)

        let me = Unmanaged.passUnretained(self).toOpaque()
        // libxml2 copies the handler into the parser context.
        guard let parser = withUnsafeMutablePointer(to: &handler, {
            xmlCreateIOParserCtxt($0, collector, xmlReadFromSession, nil, me, XML_CHAR_ENCODING_NONE)
        }) else {
            throw FileLevelError(file: path, message: "libxml2 could not create a parser")
        }
        defer { freeParser(parser) }
        collector.pointee.attach(parser)
        var options = Int32(XML_PARSE_NONET.rawValue)
        if let forcedEncoding {
            options |= Int32(XML_PARSE_IGNORE_ENC.rawValue)
            if let encoder = xmlFindCharEncodingHandler(forcedEncoding.libxml2Name) { xmlSwitchToEncoding(parser, encoder) }
        }
        xmlCtxtUseOptions(parser, options)
        _ = xmlParseDocument(parser)

        if cancelled { return }
        if let readFailure { throw readFailure }
        if let failure = collector.pointee.failure {
            var message = failure.message
            if message.contains("not proper UTF-8") || message.contains("encoding") {
                message += " (the XML declaration names the encoding; set source.encoding in the mapping for files without one)"
            } else if failure.atEnd {
                message += " (at the end of the file: is it truncated?)"
            }
            throw FileLevelError(file: path, line: failure.line, column: failure.column > 0 ? failure.column : nil,
                                 message: message)
        }
        if collector.pointee.released > collector.pointee.base {
            guard deliver(collector.pointee.takeReleased()) else { return }
        }
        if collector.pointee.total == 0 { throw noRecords() }
    }

    /// libxml2 wants up to `count` more bytes: first hands out the records released so far (when there are enough
    /// of them), then copies from the current chunk, reading the next one when it is used up. Returns the number
    /// of bytes copied, 0 at the end of the file, -1 to stop (a read error, or the consumer went away).
    fileprivate func read(into buffer: UnsafeMutablePointer<CChar>, count: Int) -> Int32 {
        if let shouldStop, shouldStop() { cancelled = true; return -1 }
        let waiting = collector.pointee.released - collector.pointee.base
        if waiting >= Self.blockRecords || (waiting > 0 && collector.pointee.bytes.count >= Self.blockBytes), let deliver {
            guard deliver(collector.pointee.takeReleased()) else { cancelled = true; return -1 }
        }
        if pending.isEmpty {
            if reachedEnd { return 0 }
            do {
                pending = try source.next()
            } catch {
                readFailure = error
                return -1
            }
            if pending.isEmpty { reachedEnd = true; return 0 }
        }
        let n = min(count, pending.count)
        UnsafeMutableRawPointer(buffer).copyMemory(from: pending.baseAddress!, byteCount: n)
        pending = UnsafeRawBufferPointer(rebasing: pending[n...])
        return Int32(n)
    }

    private func noRecords() -> FileLevelError {
        let layout = collector.pointee.layout
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
}

/// libxml2's read callback: the context is the ``XMLParseSession``.
private func xmlReadFromSession(_ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?,
                                _ count: Int32) -> Int32 {
    guard let context, let buffer, count > 0 else { return 0 }
    return Unmanaged<XMLParseSession>.fromOpaque(context).takeUnretainedValue().read(into: buffer, count: Int(count))
}
