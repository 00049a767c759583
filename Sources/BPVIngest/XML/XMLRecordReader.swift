import CLibXML2

/// A streaming XML record reader on libxml2's SAX2 parser, in constant memory: the file is read in 256 KiB chunks
/// (``FileByteSource``) and parsed on a thread of its own (``XMLParseSession``, libxml2 in pull mode), at most eight
/// blocks of records ahead of the caller, who maps (and stores) the previous ones meanwhile. No document tree is
/// ever built; only the values the ``XMLRecordLayout`` asks for are kept, as bytes, per record. Records arrive in
/// file order; a file-level error arrives after the blocks read before it.
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
    /// Records handed out so far.
    public private(set) var recordsFound = 0

    /// Up to eight blocks ahead (some 8000 records, about a megabyte): a moment in which either thread gets less
    /// of the machine is absorbed instead of stalling the other.
    private let blocks = BlockingQueue<XMLRecordBlock>(capacity: 8)
    /// The parse, made in `init` and run by ``startParsing()``.
    private var session: XMLParseSession?
    /// The thread running ``session``; joined in `deinit`.
    private var parseThread: StageThread?

    /// Chunk size for reading.
    static let chunkSize = 256 << 10

    /// Opens `path` and settles its encoding; the parse starts on a thread of its own at the first ``nextBatch()``. `encoding: nil` lets the
    /// byte-order mark or the XML declaration decide. Throws a ``FileLevelError`` for an unreadable or empty file;
    /// what the parser finds comes with the batches.
    public init(path: String, layout: XMLRecordLayout, encoding declared: TextEncoding?,
                maxWaitingRecords: Int = 100_000,
                maxWaitingBytes: Int = 32 << 20) throws(FileLevelError) {
        _ = libxml2Prepared
        self.path = path
        self.layout = layout
        let source = try FileByteSource(path: path, chunkSize: Self.chunkSize)
        let first = try source.next()
        guard first.count > 0 else { throw FileLevelError(file: path, message: "the file is empty (0 bytes)") }

        let bom = ByteOrderMark.detect(first)
        var forced: TextEncoding?
        if let declared {
            if let bom, bom.encoding != declared {
                encodingNote = "the file starts with a \(bom.encoding.rawValue) byte-order mark; read as "
                    + "\(bom.encoding.rawValue), not the declared \(declared.rawValue)"
            } else if bom == nil {
                forced = declared
            }
        }
        if let forced {
            encodingName = forced.rawValue
        } else if let bom {
            encodingName = bom.encoding.rawValue
        } else if let named = Self.declaredEncoding(first) {
            encodingName = named
        }

        session = XMLParseSession(path: path, source: source, first: first, layout: layout, forcedEncoding: forced,
                                  maxWaitingRecords: maxWaitingRecords, maxWaitingBytes: maxWaitingBytes)
    }

    /// Stops the parse thread (if it was started) and waits for it: the thread uses the layout and the file, so
    /// it must end before they go, on every path (an error in the caller's set-up, a consumer that stops early).
    deinit {
        blocks.cancel()
        parseThread?.join()
    }

    /// Starts the parse on a thread of its own, once: at the first ``nextBatch()``, so a reader that is made and
    /// dropped (its caller failed after opening it) never starts one.
    private func startParsing() {
        guard parseThread == nil, let session else { return }
        let queue = blocks
        parseThread = StageThread(name: "bpv-xml-parse") {
            do {
                try session.run(deliver: { queue.put($0) }, shouldStop: { queue.isCancelled })
                queue.finish()
            } catch {
                queue.finish(error: error)
            }
        }
    }

    /// The next records, or `nil` at the end of the file (again on later calls). The block owns its records'
    /// memory. Throws a ``FileLevelError`` (with line and column) when the file is not well-formed, is truncated,
    /// declares a DTD, or holds no record element at all (again on later calls).
    public func nextBatch() throws(FileLevelError) -> XMLRecordBlock? {
        startParsing()
        do {
            guard let block = try blocks.take() else { return nil }
            recordsFound += block.count
            return block
        } catch let error as FileLevelError {
            throw error
        } catch {
            throw FileLevelError(file: path, message: "\(error)")  // the session throws FileLevelError only
        }
    }

    /// The encoding an XML declaration at the start of `bytes` names, lowercased (`<?xml version="1.0"
    /// encoding="windows-1252"?>` gives `windows-1252`), as libxml2 reads it; UTF-16 without a byte-order mark
    /// by its first bytes; `nil` without a declaration or an encoding in it (then libxml2 reads UTF-8).
    static func declaredEncoding(_ bytes: UnsafeRawBufferPointer) -> String? {
        if bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return TextEncoding.utf16le.rawValue }
        if bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return TextEncoding.utf16be.rawValue }
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = Array(bytes.prefix(256))
        guard let close = head.indices.first(where: { head[$0] == UInt8(ascii: "?") && $0 + 1 < head.count
                                                       && head[$0 + 1] == UInt8(ascii: ">") }) else { return nil }
        let declaration = String(decoding: head[..<close], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard rest.first == "=" else { return nil }
        let value = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = value.first, quote == "\"" || quote == "'" else { return nil }
        let name = value.dropFirst().prefix { $0 != quote }
        return name.isEmpty ? nil : name.lowercased()
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
