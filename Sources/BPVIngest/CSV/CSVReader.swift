import BPVModel
import CLibCSV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming CSV reader on libcsv, in strict mode, in constant memory.
///
/// The file is read in 1 MiB chunks, converted to UTF-8 (see ``UTF8Transcoder``), and fed to libcsv **one
/// physical line at a time**: that is what gives every record its exact line number and byte offset, and what lets
/// the reader recover from malformed quoting. After an error libcsv's state is reset, the bad record's first line
/// becomes a ``CSVSyntaxError``, and the lines after it are parsed again. A quoted field may span lines (at most
/// ``CSVDialect/maxLinesPerRecord``); those lines are the only ones ever copied.
///
/// libcsv trims spaces and tabs around unquoted fields; this reader keeps that on purpose (see mappings/README.md).
public final class CSVReader {
    public let path: String
    public let dialect: CSVDialect
    /// The encoding the file is read in (declared, or detected when the mapping says `auto`).
    public let encoding: TextEncoding
    /// Set when a byte-order mark was found and overrode the declared encoding.
    public private(set) var encodingNote: String?
    /// Records made only of empty fields (`;;;;`), skipped.
    public private(set) var blankRecords = 0
    /// Physical lines read so far.
    public var linesRead: Int { nextLine - 1 }

    private let source: FileByteSource
    private var transcoder: UTF8Transcoder
    private var parser = csv_parser()
    private let collector: UnsafeMutablePointer<RowCollector>
    private var carry: [UInt8] = []          // a partial line waiting for the rest of it
    private var decoded: [UInt8] = []        // transcoding buffer, reused
    private var firstChunk: UnsafeRawBufferPointer?
    private var atEnd = false
    private var nextLine = 1
    private var nextOffset = 0
    private var openLines: [(line: Int, offset: Int, bytes: [UInt8])] = []  // lines of a record still open
    private var openRecordBytes = 0          // their bytes
    /// A record over ``CSVDialect/maxRecordBytes`` being passed over (see ``OversizedRecord``).
    private var oversized: OversizedRecord?
    private var syntaxErrors: [CSVSyntaxError] = []

    /// Opens `path`. `encoding: nil` detects it (BOM, UTF-16 zero bytes, UTF-8 validity, else Windows-1252).
    /// Throws a ``FileLevelError`` when the file cannot be read or is empty.
    public init(path: String, dialect: CSVDialect, encoding declared: TextEncoding?) throws(FileLevelError) {
        self.path = path
        self.dialect = dialect
        source = try FileByteSource(path: path)
        let first = try source.next()
        guard first.count > 0 else { throw FileLevelError(file: path, message: "the file is empty (0 bytes)") }
        var encoding = declared ?? TextEncoding.detect(first, isWholeFile: first.count == source.size)
        var skip = 0
        if let bom = ByteOrderMark.detect(first) {
            if let declared, declared != bom.encoding {
                encodingNote = "the file starts with a \(bom.encoding.rawValue) byte-order mark; read as "
                    + "\(bom.encoding.rawValue), not the declared \(declared.rawValue)"
            }
            encoding = bom.encoding
            skip = bom.length
        }
        self.encoding = encoding
        transcoder = UTF8Transcoder(encoding: encoding)
        firstChunk = UnsafeRawBufferPointer(rebasing: first[skip...])
        collector = .allocate(capacity: 1)
        collector.initialize(to: RowCollector(maxFieldBytes: dialect.maxFieldBytes))
        guard csv_init(&parser, UInt8(CSV_STRICT)) == 0 else {
            throw FileLevelError(file: path, message: "libcsv could not be initialised")
        }
        csv_set_delim(&parser, dialect.delimiter)
        csv_set_quote(&parser, dialect.quote)
    }

    deinit {
        csv_free(&parser)
        collector.pointee.deallocate()
        collector.deinitialize(count: 1)
        collector.deallocate()
    }

    /// The next records, or `nil` at the end of the file. Each batch owns its bytes, so it may be handed to
    /// another thread while the reader goes on.
    public func nextBatch() throws(FileLevelError) -> CSVBatch? {
        syntaxErrors.removeAll(keepingCapacity: true)
        while collector.pointee.completedCount == 0 && syntaxErrors.isEmpty {
            if atEnd { return nil }
            let chunk: UnsafeRawBufferPointer
            if let first = firstChunk { chunk = first; firstChunk = nil } else { chunk = try source.next() }
            if chunk.isEmpty {
                atEnd = true
                transcoder.finish(into: &carry)
                try finishFile()
            } else if transcoder.isIdentity {
                if let error = consume(chunk) { throw error }
            } else {
                decoded.removeAll(keepingCapacity: true)
                transcoder.transcode(chunk, into: &decoded)
                let text = decoded
                if let error = text.withUnsafeBytes({ consume($0) }) { throw error }
            }
        }
        blankRecords = collector.pointee.blankRecords
        // Hand the filled buffers to the batch; a record still open moves to fresh buffers.
        let storage = CSVBatchStorage(collector.pointee)
        collector.pointee = storage.collector.continuation()
        return CSVBatch(records: storage.collector.completedRecords(), syntaxErrors: syntaxErrors, storage: storage)
    }

    // MARK: - Lines

    /// Splits decoded text into lines and feeds each complete line; keeps a trailing partial line in `carry`.
    /// A record that would grow past ``CSVDialect/maxRecordBytes`` is passed over instead (``OversizedRecord``):
    /// neither `carry` nor libcsv ever holds more than the limit.
    private func consume(_ text: UnsafeRawBufferPointer) -> FileLevelError? {
        guard let base = text.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        var position = 0
        let n = text.count
        let limit = dialect.maxRecordBytes
        while position < n {
            if oversized != nil {
                position = scanOversized(base, from: position, to: n)
                continue
            }
            guard let nl = memchr(base + position, 0x0A, n - position) else {
                if openRecordBytes + carry.count + (n - position) > limit {
                    beginOversized()
                } else {
                    carry.append(contentsOf: UnsafeRawBufferPointer(start: base + position, count: n - position))
                    position = n
                }
                continue
            }
            let end = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
            if openRecordBytes + carry.count + (end - position) > limit {
                beginOversized()
                continue
            }
            if carry.isEmpty {
                feed(base + position, end - position)
            } else {
                carry.append(contentsOf: UnsafeRawBufferPointer(start: base + position, count: end - position))
                let line = carry
                carry.removeAll(keepingCapacity: true)
                line.withUnsafeBufferPointer { feed($0.baseAddress!, $0.count) }
            }
            position = end
        }
        return nil
    }

    private func finishFile() throws(FileLevelError) {
        if oversized != nil { endOversized(nil) }
        if !carry.isEmpty {
            let line = carry
            carry.removeAll()
            line.withUnsafeBufferPointer { feed($0.baseAddress!, $0.count) }
        }
        // Each failure drops the open record's first line, so this ends.
        while isInsideRecord {
            if parser.quoted != 0 && parser.pstate == 2 {
                failOpenRecord(value: nil, message: "a quoted field is never closed (unbalanced quote)")
            } else {
                finishRecordAtEndOfFile()
            }
        }
    }

    private var isInsideRecord: Bool { parser.pstate != 0 }

    // MARK: - Records over the limit

    /// Starts passing over the record that the pending line (in `carry`, and the bytes after it) would grow past
    /// ``CSVDialect/maxRecordBytes``: what libcsv and the reader hold of it is dropped.
    private func beginOversized() {
        var record: OversizedRecord
        if isInsideRecord, let first = openLines.first {
            record = OversizedRecord(line: first.line, offset: first.offset,
                                     state: OversizedRecord.state(pstate: parser.pstate, quoted: parser.quoted),
                                     bytes: openRecordBytes, lines: openLines.count + 1,
                                     fields: collector.pointee.openFieldCount + 1, fieldAtLimit: nil,
                                     head: Array(first.bytes.prefix(OversizedRecord.headBytes)), silent: false)
        } else {
            record = OversizedRecord(line: nextLine, offset: nextOffset, state: .fieldStart, bytes: 0, lines: 1,
                                     fields: 1, fieldAtLimit: nil, head: [], silent: nextLine <= dialect.skipLines)
        }
        collector.pointee.discardOpenRecord()
        resetParser()
        openLines.removeAll()
        openRecordBytes = 0
        oversized = record
        // The partial line holds no line break: it cannot end the record.
        let pending = carry
        carry.removeAll(keepingCapacity: true)
        pending.withUnsafeBufferPointer { _ = scanOversized($0.baseAddress!, from: 0, to: $0.count) }
    }

    /// Follows the record being passed over through `base[from..<to]`; returns where its pass stopped.
    private func scanOversized(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to else { return to }
        let (position, end) = oversized!.scan(base, from: from, to: to, dialect: dialect)
        if let end { endOversized(end) }
        return position
    }

    /// The record passed over has ended (at a line break, after too many lines, or at the end of the file): a
    /// reject for it, and reading goes on with the next line.
    private func endOversized(_ end: OversizedRecord.End?) {
        guard let record = oversized else { return }
        oversized = nil
        nextLine = record.line + record.lines
        nextOffset = record.offset + record.bytes
        guard !record.silent else { return }
        syntaxErrors.append(CSVSyntaxError(
            kind: .tooLong, line: record.line, byteOffset: record.offset,
            fieldNumber: record.fieldAtLimit ?? record.fields, message: record.message(end: end, dialect: dialect),
            lineText: Self.excerpt(record.head, total: record.bytes), value: nil))
    }

    /// The start of a long text, made safe for a message (see ``Excerpt``).
    static func excerpt(_ bytes: [UInt8], total: Int) -> String {
        var shown = bytes[...]
        while let last = shown.last, last == 0x0A || last == 0x0D { shown = shown.dropLast() }
        return Excerpt.of(bytes: shown, total: total - (bytes.count - shown.count), limit: 80)
    }

    /// Feeds one physical line (with its line break, except perhaps the file's last line) to libcsv.
    private func feed(_ line: UnsafePointer<UInt8>, _ count: Int) {
        let lineNumber = nextLine
        let offset = nextOffset
        nextLine += 1
        nextOffset += count
        if lineNumber <= dialect.skipLines { return }
        parse(line, count, lineNumber: lineNumber, offset: offset)
    }

    private func parse(_ line: UnsafePointer<UInt8>, _ count: Int, lineNumber: Int, offset: Int) {
        if !isInsideRecord {
            openLines.removeAll(keepingCapacity: true)
            openRecordBytes = 0
            collector.pointee.beginRecord(line: lineNumber, offset: offset)
        }
        // libcsv hands over at most this line's bytes plus the field it holds from earlier lines, in at most
        // count + 1 fields: room for that is made here once, so the field callback appends without checks.
        collector.pointee.reserve(bytes: count + parser.entry_pos, fields: count + 1)
        let consumed = csv_parse(&parser, line, count, fieldCallback, rowCallback, collector)
        takeOversizedFields()
        if consumed < count {
            let isQuote = line[consumed] == dialect.quote
            let message = isQuote && parser.quoted == 0
                ? "a quote inside an unquoted field (quote the whole field and double the quote)"
                : "unexpected text after a closing quote (a quote inside a quoted field must be doubled)"
            let bytes = Array(UnsafeBufferPointer(start: line, count: count))
            openLines.append((lineNumber, offset, bytes))
            let value = openLines.count == 1 ? fieldText(bytes, around: consumed) : nil
            failOpenRecord(value: value, message: message)
            return
        }
        if isInsideRecord {
            openLines.append((lineNumber, offset, Array(UnsafeBufferPointer(start: line, count: count))))
            openRecordBytes += count
            if openLines.count > dialect.maxLinesPerRecord {
                failOpenRecord(value: nil, message: "a quoted field is still open after "
                               + "\(dialect.maxLinesPerRecord) lines (unbalanced quote)")
            }
        }
    }

    /// Rejects the first line of the open record, resets libcsv, and parses the record's later lines again.
    private func failOpenRecord(value: String?, message: String) {
        let fieldNumber = collector.pointee.openFieldCount + 1
        collector.pointee.discardOpenRecord()
        resetParser()
        let lines = openLines
        openLines.removeAll()
        openRecordBytes = 0
        guard let first = lines.first else { return }
        var text = Substring(String(decoding: first.bytes, as: UTF8.self))
        while let last = text.last, last == "\n" || last == "\r" { text = text.dropLast() }
        // Without a position (an unbalanced quote), the value is the first line from the field's opening quote.
        let shown = value ?? openingQuoteText(first.bytes)
        syntaxErrors.append(CSVSyntaxError(line: first.line, byteOffset: first.offset, fieldNumber: fieldNumber,
                                           message: message, lineText: String(text), value: shown))
        for replay in lines.dropFirst() {
            replay.bytes.withUnsafeBufferPointer {
                parse($0.baseAddress!, $0.count, lineNumber: replay.line, offset: replay.offset)
            }
        }
    }

    /// The field around `position` in a line: from the delimiter before it to the delimiter after it.
    private func fieldText(_ line: [UInt8], around position: Int) -> String {
        var start = min(position, line.count)
        while start > 0 && line[start - 1] != dialect.delimiter { start -= 1 }
        var end = min(position, line.count)
        while end < line.count && line[end] != dialect.delimiter && line[end] != 0x0A && line[end] != 0x0D { end += 1 }
        return String(decoding: line[start..<end], as: UTF8.self)
    }

    /// The rest of a line from the last field that opens with a quote.
    private func openingQuoteText(_ line: [UInt8]) -> String? {
        var i = line.count - 1
        var found: Int?
        while i >= 0 {
            if line[i] == dialect.quote && (i == 0 || line[i - 1] == dialect.delimiter) { found = i; break }
            i -= 1
        }
        guard let start = found else { return nil }
        var end = line.count
        while end > start && (line[end - 1] == 0x0A || line[end - 1] == 0x0D) { end -= 1 }
        return String(decoding: line[start..<end], as: UTF8.self)
    }

    private func finishRecordAtEndOfFile() {
        collector.pointee.reserve(bytes: parser.entry_pos, fields: 2)
        csv_fini(&parser, fieldCallback, rowCallback, collector)
        takeOversizedFields()
        resetParser()
    }

    /// Records that the collector dropped for a field over ``CSVDialect/maxFieldBytes``, as syntax errors.
    private func takeOversizedFields() {
        guard !collector.pointee.oversizedFields.isEmpty else { return }
        for field in collector.pointee.oversizedFields {
            syntaxErrors.append(CSVSyntaxError(
                kind: .tooLong, line: field.line, byteOffset: field.offset, fieldNumber: field.fieldNumber,
                message: "field \(field.fieldNumber) is \(field.length) bytes long, more than the limit of "
                    + "\(CSVDialect.size(dialect.maxFieldBytes)) a field: the record is left out",
                lineText: "", value: Self.excerpt(field.head, total: field.length)))
        }
        collector.pointee.oversizedFields.removeAll()
    }

    private func resetParser() {
        parser.pstate = 0
        parser.quoted = 0
        parser.spaces = 0
        parser.entry_pos = 0
        parser.status = 0
    }
}

// MARK: - libcsv callbacks

/// Collects the fields libcsv reports into flat buffers: one byte buffer and the start of each field. A field ends
/// where the next one starts: every completed record ends with one more start, its end, so that no length is
/// stored per field.
struct RowCollector {
    var bytes = GrowableBuffer<UInt8>(capacity: 1 << 19 + 1 << 17)  // one 512 KiB chunk of fields, and some
    var starts = GrowableBuffer<Int32>(capacity: 1 << 16)
    /// Per completed record: index of its first field, its line and offset.
    var recordFirstField = GrowableBuffer<Int32>(capacity: 1 << 12)
    var recordLine = GrowableBuffer<Int>(capacity: 1 << 12)
    var recordOffset = GrowableBuffer<Int>(capacity: 1 << 12)
    var openFirstField: Int32 = 0
    var openFirstByte: Int32 = 0
    var openLine = 0
    var openOffset = 0
    var blankRecords = 0
    /// Fields longer than this drop their record (``oversizedFields``).
    let maxFieldBytes: Int
    /// The open record's field over the limit (1-based number, length, first bytes), if any.
    private var oversizedField: (number: Int, length: Int, head: [UInt8])?
    /// Records dropped for a field over the limit since the reader last took them.
    var oversizedFields: [(line: Int, offset: Int, fieldNumber: Int, length: Int, head: [UInt8])] = []

    init(maxFieldBytes: Int) { self.maxFieldBytes = maxFieldBytes }

    var completedCount: Int { recordLine.count }
    var openFieldCount: Int { starts.count - Int(openFirstField) }

    func deallocate() {
        bytes.deallocate(); starts.deallocate()
        recordFirstField.deallocate(); recordLine.deallocate(); recordOffset.deallocate()
    }

    /// Fresh buffers for the next batch, holding a copy of the record still open in these.
    func continuation() -> RowCollector {
        var next = RowCollector(maxFieldBytes: maxFieldBytes)
        next.blankRecords = blankRecords
        next.oversizedField = oversizedField
        next.openLine = openLine
        next.openOffset = openOffset
        for i in Int(openFirstField)..<starts.count {
            let end = i + 1 < starts.count ? Int(starts[i + 1]) : bytes.count
            next.addField(UnsafeRawPointer(bytes.base + Int(starts[i])), end - Int(starts[i]))
        }
        return next
    }

    mutating func beginRecord(line: Int, offset: Int) {
        openLine = line
        openOffset = offset
    }

    mutating func discardOpenRecord() {
        oversizedField = nil
        starts.removeLast(starts.count - Int(openFirstField))
        bytes.removeLast(bytes.count - Int(openFirstByte))
    }

    mutating func addField(_ data: UnsafeRawPointer?, _ length: Int) {
        reserve(bytes: length, fields: 1)
        addReservedField(data, length)
    }

    /// Makes room for `bytes` more field bytes in `fields` more fields.
    @inline(__always) mutating func reserve(bytes n: Int, fields: Int) {
        bytes.reserve(n)
        starts.reserve(fields)
    }

    /// Appends a field into room made by ``reserve(bytes:fields:)``: the callback's path, without capacity checks.
    @inline(__always) mutating func addReservedField(_ data: UnsafeRawPointer?, _ length: Int) {
        if length > maxFieldBytes { noteOversizedField(data, length) }
        starts.appendUnchecked(Int32(truncatingIfNeeded: bytes.count))  // a batch holds far less than 2 GiB
        if length > 0, let data { bytes.appendBytesUnchecked(data.assumingMemoryBound(to: UInt8.self), count: length) }
    }

    private mutating func noteOversizedField(_ data: UnsafeRawPointer?, _ length: Int) {
        guard oversizedField == nil else { return }
        let head = data.map { Array(UnsafeRawBufferPointer(start: $0, count: min(length, 200))) } ?? []
        oversizedField = (openFieldCount + 1, length, head)
    }

    @inline(__always) mutating func endRecord() {
        if let field = oversizedField {
            oversizedFields.append((openLine, openOffset, field.number, field.length, field.head))
            discardOpenRecord()
            return
        }
        if bytes.count == Int(openFirstByte) {
            // Only empty fields: a blank record (";;;;"), skipped and counted.
            blankRecords += 1
            discardOpenRecord()
        } else {
            starts.append(Int32(truncatingIfNeeded: bytes.count))  // where the last field ends
            recordFirstField.append(openFirstField)
            recordLine.append(openLine)
            recordOffset.append(openOffset)
            openFirstField = Int32(starts.count)
            openFirstByte = Int32(bytes.count)
        }
    }

    func completedRecords() -> [CSVRecord] {
        var records: [CSVRecord] = []
        records.reserveCapacity(recordLine.count)
        for r in 0..<recordLine.count {
            let first = Int(recordFirstField[r])
            let end = r + 1 < recordLine.count ? Int(recordFirstField[r + 1]) : Int(openFirstField)
            records.append(CSVRecord(bytes: UnsafePointer(bytes.base), starts: UnsafePointer(starts.base + first),
                                     count: end - first - 1, line: recordLine[r], byteOffset: recordOffset[r]))
        }
        return records
    }
}

private func fieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    context!.assumingMemoryBound(to: RowCollector.self).pointee.addReservedField(data, length)
}

private func rowCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    context!.assumingMemoryBound(to: RowCollector.self).pointee.endRecord()
}

/// The buffers behind one ``CSVBatch``: freed when the batch (and every copy of it) is gone.
final class CSVBatchStorage: @unchecked Sendable {
    let collector: RowCollector
    init(_ collector: RowCollector) { self.collector = collector }
    deinit { collector.deallocate() }
}
