import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The SAX2 side of ``XMLRecordReader``: follows the element stack, collects the values the layout asks for into
/// flat buffers, and completes records. Lives in unmanaged memory; libxml2 calls it through the C callbacks below.
///
/// Records are *released* (handed to the mapper) in file order once every value they take from an enclosing
/// element is known: at once when the value came before the record (`ReportedResource` before `ReportedTime`),
/// else when the last value that element gives appears, or when the element ends (a card-level `ApprovalInfo` after
/// the intervals). The first non-empty occurrence of a path wins, so a value that appeared is final.
struct XMLRecordCollector {
    unowned(unsafe) let layout: XMLRecordLayout
    /// The layout's tables, copied: the hot path reads them without touching the class.
    let t: XMLTables
    let n: Int32
    /// The record path starts with `//`.
    let anywhere: Bool
    let slotCount: Int
    private(set) var context: xmlParserCtxtPtr?
    /// The parser's copy of the SAX handler: its text callbacks are switched on only while an element whose text
    /// is collected is the innermost open one, so libxml2 does not call out for the whitespace between elements
    /// or the text of elements no field reads.
    private var sax: UnsafeMutablePointer<xmlSAXHandler>?
    private var textCallbacksOn = true

    /// The first problem: a libxml2 error, a DOCTYPE, or too many records waiting. `atEnd`: met when the parser
    /// had used up the whole file (a truncated file).
    var failure: (line: Int, column: Int, message: String, atEnd: Bool)?
    /// The document element's name, for the "no records" message.
    var rootName: (namespace: String, local: String)?
    /// Records are held back at most this many, waiting for a value of an enclosing element.
    let maxWaitingRecords: Int
    /// A field's text longer than this is not kept: its record becomes a reject (``XMLRecord/oversizedValue``),
    /// an enclosing element's value fails the file. The same limit as a CSV field's.
    let maxFieldBytes: Int
    /// Records held back (waiting for an enclosing element's value) may hold at most this many bytes of values,
    /// whatever their number: memory stays bounded with long texts too.
    let maxWaitingBytes: Int
    static let defaultMaxWaitingBytes = 32 << 20  // the reader's default too
    /// The open record's slot whose text passed ``maxFieldBytes`` (-1: none).
    private var openOversizedSlot: Int32 = -1

    // Name lookup: (local name pointer, namespace pointer) -> name id. libxml2 interns names in its dictionary,
    // so equal names have equal pointers for the whole parse.
    private var cacheKeys: UnsafeMutablePointer<(UInt, UInt)>
    private var cacheValues: UnsafeMutablePointer<Int32>
    private let cacheMask = 1023
    private var cacheUsed = 0
    // Inside records: (trie node, local name pointer, namespace pointer) -> child node, one probe instead of the
    // name lookup and a walk over the node's children.
    private struct ChildKey { var local: UInt; var uri: UInt; var node: Int32; var child: Int32 }
    private var childCache: UnsafeMutablePointer<ChildKey>
    private let childMask = 1023
    private var childCacheUsed = 0

    /// One open element: its place on the record path (0: none, 1...n), its trie node (-1: nothing to collect
    /// below it), the slot its text goes to (-1: none) and where that text starts in `text`.
    struct OpenElement {
        var level: Int32
        var node: Int32
        var collect: Int32
        var textStart: Int32
    }

    private var stack = GrowableBuffer<OpenElement>(capacity: 64)
    private var recordDepth = 0  // depth of the open record element, 0 outside records
    private var text = GrowableBuffer<UInt8>(capacity: 1 << 12)

    // Per level (index 1...n): position among its siblings, first record inside the open element.
    private var position: UnsafeMutablePointer<Int32>
    private var scopeFirstRecord: UnsafeMutablePointer<Int>
    // Values of the open enclosing elements, per slot (inherited slots only), kept in `bytes` like the records'.
    private var scopeStart: UnsafeMutablePointer<Int32>
    private var scopeLength: UnsafeMutablePointer<Int32>

    // Records: completed ones [base, total), then the open one.
    private(set) var bytes = GrowableBuffer<UInt8>(capacity: 1 << 18)
    private(set) var slotStart = GrowableBuffer<Int32>(capacity: 1 << 14)
    private(set) var slotLength = GrowableBuffer<Int32>(capacity: 1 << 14)
    private(set) var recordLine = GrowableBuffer<Int>(capacity: 1 << 12)
    private(set) var recordOffset = GrowableBuffer<Int>(capacity: 1 << 12)
    private(set) var recordPositions = GrowableBuffer<Int32>(capacity: 1 << 12)
    /// Per record, one bit per enclosing level whose value it still lacks; released when all are clear.
    private var recordMissing = GrowableBuffer<UInt32>(capacity: 1 << 12)
    /// Per record, its slot whose text was over ``maxFieldBytes`` (-1: none).
    private(set) var recordOversized = GrowableBuffer<Int32>(capacity: 1 << 12)
    /// Absolute number of the first record in the buffers.
    private(set) var base = 0
    /// Records completed so far (absolute).
    private(set) var total = 0
    /// Records ready for the mapper (absolute): `[base, released)` go out with the next batch.
    private(set) var released = 0

    init(layout: XMLRecordLayout, maxWaitingRecords: Int, maxWaitingBytes: Int = defaultMaxWaitingBytes,
         maxFieldBytes: Int = CSVDialect.defaultMaxFieldBytes) {
        self.maxFieldBytes = maxFieldBytes
        self.maxWaitingBytes = maxWaitingBytes
        precondition(layout.depth <= XMLRecordPath.maxSteps, "the path parser refuses longer record paths")
        self.layout = layout
        t = layout.tables.pointee
        n = Int32(layout.depth)
        anywhere = layout.record.anywhere
        slotCount = layout.slotCount
        self.maxWaitingRecords = maxWaitingRecords
        cacheKeys = .allocate(capacity: 1024)
        cacheKeys.initialize(repeating: (0, 0), count: 1024)
        cacheValues = .allocate(capacity: 1024)
        cacheValues.initialize(repeating: -1, count: 1024)
        childCache = .allocate(capacity: 1024)
        childCache.initialize(repeating: ChildKey(local: 0, uri: 0, node: -1, child: -1), count: 1024)
        position = .allocate(capacity: layout.depth + 2)
        position.initialize(repeating: 0, count: layout.depth + 2)
        scopeFirstRecord = .allocate(capacity: layout.depth + 2)
        scopeFirstRecord.initialize(repeating: 0, count: layout.depth + 2)
        scopeStart = .allocate(capacity: max(layout.slotCount, 1))
        scopeStart.initialize(repeating: 0, count: max(layout.slotCount, 1))
        scopeLength = .allocate(capacity: max(layout.slotCount, 1))
        scopeLength.initialize(repeating: 0, count: max(layout.slotCount, 1))
    }

    func deallocate() {
        cacheKeys.deallocate(); cacheValues.deallocate(); childCache.deallocate()
        position.deallocate(); scopeFirstRecord.deallocate(); scopeStart.deallocate(); scopeLength.deallocate()
        stack.deallocate()
        for buffer in [slotStart, slotLength, recordPositions] { buffer.deallocate() }
        recordMissing.deallocate(); recordOversized.deallocate()
        text.deallocate(); bytes.deallocate(); recordLine.deallocate(); recordOffset.deallocate()
    }

    /// Connects the collector to its parser (before the first chunk).
    mutating func attach(_ parser: xmlParserCtxtPtr) {
        context = parser
        sax = parser.pointee.sax
        setTextCallbacks(false)
    }

    /// Switches libxml2's text callbacks (characters, CDATA, whitespace) on or off.
    @inline(__always) private mutating func setTextCallbacks(_ on: Bool) {
        guard on != textCallbacksOn, let sax else { return }
        textCallbacksOn = on
        let callback: charactersSAXFunc? = on ? xmlCharacters : nil
        sax.pointee.characters = callback
        sax.pointee.cdataBlock = callback
        sax.pointee.ignorableWhitespace = callback
    }

    // MARK: - Names

    @inline(__always) private mutating func nameID(_ local: UnsafePointer<UInt8>?, _ uri: UnsafePointer<UInt8>?) -> Int32 {
        let a = UInt(bitPattern: local), b = UInt(bitPattern: uri)
        var i = Int(truncatingIfNeeded: (a &>> 3) &* 0x9E37_79B9 ^ (b &>> 3)) & cacheMask
        while true {
            let key = cacheKeys[i]
            if key.0 == a && key.1 == b { return cacheValues[i] }
            if key.0 == 0 { break }
            i = (i &+ 1) & cacheMask
        }
        let localBytes = local.map { UnsafeRawBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))) }
            ?? UnsafeRawBufferPointer(start: nil, count: 0)
        let uriBytes = uri.map { UnsafeRawBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))) }
            ?? UnsafeRawBufferPointer(start: nil, count: 0)
        let id = layout.nameID(namespace: uriBytes, local: localBytes)
        if cacheUsed < cacheMask / 2 {  // a full cache only stops remembering
            cacheKeys[i] = (a, b)
            cacheValues[i] = id
            cacheUsed &+= 1
        }
        return id
    }

    /// The child of trie node `node` (>= 0) named (`local`, `uri`), or -1.
    @inline(__always) private mutating func child(_ node: Int32, _ local: UnsafePointer<UInt8>?,
                                                  _ uri: UnsafePointer<UInt8>?) -> Int32 {
        let a = UInt(bitPattern: local), b = UInt(bitPattern: uri)
        var i = Int(truncatingIfNeeded: ((a &>> 3) ^ (b &>> 4) ^ UInt(node)) &* 0x9E37_79B9_7F4A_7C15 &>> 54) & childMask
        while true {
            let entry = childCache[i]
            if entry.local == a && entry.uri == b && entry.node == node { return entry.child }
            if entry.local == 0 { break }
            i = (i &+ 1) & childMask
        }
        let id = nameID(local, uri)
        let found = id >= 0 ? t.child(node, id) : -1
        if childCacheUsed < childMask / 2 {
            childCache[i] = ChildKey(local: a, uri: b, node: node, child: found)
            childCacheUsed &+= 1
        }
        return found
    }

    // MARK: - Elements

    @inline(__always)
    mutating func startElement(_ local: UnsafePointer<UInt8>?, _ uri: UnsafePointer<UInt8>?,
                               _ attributeCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        let depth = stack.count &+ 1
        var level: Int32 = 0
        var node: Int32 = -1
        if recordDepth > 0 {
            // Inside a record: only the record's own paths.
            let parentNode = stack[depth &- 2].node
            if parentNode >= 0 { node = child(parentNode, local, uri) }
        } else {
            (level, node) = startOutsideRecords(local, uri, depth)
        }
        if node >= 0 && attributeCount > 0 && t.hasAttributes(node), let attributes {
            for k in 0..<Int(attributeCount) {
                let a = attributes + 5 &* k  // localname, prefix, URI, value, end
                let slot = t.attribute(node, nameID(a[0], a[2]))
                if slot >= 0, let value = a[3], let end = a[4] {
                    store(slot, UnsafeRawBufferPointer(start: value, count: value.distance(to: end)))
                }
            }
        }
        var collect: Int32 = -1
        if node >= 0 {
            let slot = t.textSlot[Int(node)]
            if slot >= 0 && !isFilled(slot) { collect = slot }
        }
        stack.append(OpenElement(level: level, node: node, collect: collect, textStart: Int32(truncatingIfNeeded: text.count)))
        setTextCallbacks(collect >= 0)
    }

    /// An element outside any record: a step of the record path (an enclosing element, or a record), or an
    /// element below an enclosing one that a field reads. Returns its level and trie node.
    private mutating func startOutsideRecords(_ local: UnsafePointer<UInt8>?, _ uri: UnsafePointer<UInt8>?,
                                              _ depth: Int) -> (level: Int32, node: Int32) {
        let parent = depth > 1 ? stack[depth - 2] : OpenElement(level: 0, node: -1, collect: -1, textStart: 0)
        if depth == 1 {
            rootName = (uri.map { String(cString: $0) } ?? "", local.map { String(cString: $0) } ?? "")
        }
        let id = nameID(local, uri)
        guard id >= 0 else { return (0, -1) }
        var level: Int32 = 0
        var node: Int32 = -1
        let parentLevel = parent.level
        if parentLevel > 0 && parentLevel < n && id == t.recordStep[Int(parentLevel)] {
            level = parentLevel + 1
        } else if id == t.recordStep[0] && (anywhere || depth == 1) {
            level = 1
        } else if parentLevel > 0 {
            let root = t.trieRoot[Int(parentLevel)]
            if root >= 0 { node = t.child(root, id) }
        } else if parent.node >= 0 {
            node = t.child(parent.node, id)
        }
        if level > 0 {
            node = t.trieRoot[Int(level)]
            position[Int(level)] += 1
            position[Int(level) + 1] = 0
            if level == n { beginRecord(depth) } else { openScope(level) }
        }
        return (level, node)
    }

    @inline(__always)
    mutating func endElement() {
        let top = stack.count &- 1
        guard top >= 0 else { return }
        let element = stack[top]
        stack.removeLast(1)
        let collect = element.collect
        if collect >= 0 {
            let start = Int(element.textStart)
            store(collect, UnsafeRawBufferPointer(start: text.base + start, count: text.count &- start))
            text.removeLast(text.count &- start)
        }
        setTextCallbacks(top > 0 && stack[top &- 1].collect >= 0)
        let level = element.level
        if level == n { endRecord() } else if level > 0 { closeScope(level) }
    }

    @inline(__always) mutating func characters(_ data: UnsafePointer<UInt8>?, _ length: Int32) {
        guard stack.count > 0, stack[stack.count &- 1].collect >= 0, let data, length > 0 else { return }
        text.appendBytes(data, count: Int(length))
        if text.count &- Int(stack[stack.count &- 1].textStart) > maxFieldBytes { dropOversizedText() }
    }

    /// The innermost element's text passed ``maxFieldBytes``: what was collected of it is dropped and the rest is
    /// not collected (memory stays bounded). In a record, the record becomes a reject; in an enclosing element,
    /// the file fails (every record inside it would lack the value).
    private mutating func dropOversizedText() {
        let top = stack.count &- 1
        let slot = stack[top].collect
        text.removeLast(text.count &- Int(stack[top].textStart))
        stack[top].collect = -1
        setTextCallbacks(false)
        if t.slotLevel[Int(slot)] == n && recordDepth > 0 {
            if openOversizedSlot < 0 { openOversizedSlot = slot }
        } else if let context {
            fail(line: Int(xmlSAX2GetLineNumber(context)), column: 0,
                 message: "the text of \(layout.pathNames[Int(slot)]) is longer than the limit of "
                    + "\(CSVDialect.size(maxFieldBytes)) a field")
            xmlStopParser(context)
        }
    }

    // MARK: - Slots

    /// The slot index of the open record's slot `slot` in the slot buffers.
    @inline(__always) private var openRecordSlots: Int { (total &- base) &* slotCount }

    @inline(__always) private func isFilled(_ slot: Int32) -> Bool {
        if t.slotLevel[Int(slot)] == n { return slotLength[openRecordSlots &+ Int(slot)] > 0 }
        return scopeLength[Int(slot)] > 0
    }

    /// Keeps the first non-empty value of a path.
    @inline(__always) private mutating func store(_ slot: Int32, _ value: UnsafeRawBufferPointer) {
        guard value.count > 0, let start = value.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        if t.slotLevel[Int(slot)] == n {
            guard recordDepth > 0 else { return }
            let index = openRecordSlots &+ Int(slot)
            guard slotLength[index] == 0 else { return }
            slotStart[index] = Int32(truncatingIfNeeded: bytes.count)
            slotLength[index] = Int32(truncatingIfNeeded: value.count)
        } else {
            guard scopeLength[Int(slot)] == 0 else { return }
            scopeStart[Int(slot)] = Int32(truncatingIfNeeded: bytes.count)
            scopeLength[Int(slot)] = Int32(truncatingIfNeeded: value.count)
            bytes.appendBytes(start, count: value.count)
            let level = t.slotLevel[Int(slot)]
            if isScopeComplete(level) { giveScopeValues(level, keeping: ~(1 &<< UInt32(level))) }
            return
        }
        bytes.appendBytes(start, count: value.count)
    }

    // MARK: - Records and scopes

    private mutating func beginRecord(_ depth: Int) {
        recordDepth = depth
        slotStart.appendZeros(slotCount)
        slotLength.appendZeros(slotCount)
        // The start tag's first line and offset: the parser stands at its end, the '<' is behind it.
        var line = 0, offset = 0
        if let input = context?.pointee.input {
            let cur = input.pointee.cur, begin = input.pointee.base
            line = Int(input.pointee.line)
            offset = Int(input.pointee.consumed)
            if let cur, let begin, cur > begin, let tag = Self.lastOpeningBracket(from: begin, to: cur) {
                var p = tag
                while let newline = memchr(p, 0x0A, p.distance(to: cur)) {  // a start tag over several lines
                    line -= 1
                    p = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self)) + 1
                }
                offset += begin.distance(to: tag)
            }
        }
        recordLine.append(line)
        recordOffset.append(offset)
        recordPositions.reserve(Int(n))
        for level in 1...Int(n) { recordPositions.appendUnchecked(position[level]) }
    }

    /// The last `<` in `[begin, end)`, scanning back eight bytes at a time (a start tag with its attributes is
    /// some dozens of bytes; a byte loop was most of this function's cost).
    @inline(__always)
    static func lastOpeningBracket(from begin: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = ones &* UInt64(UInt8(ascii: "<"))
        var p = end
        while begin.distance(to: p) >= 8 {
            let word = UnsafeRawPointer(p - 8).loadUnaligned(as: UInt64.self) ^ pattern
            let zeros = (word &- ones) & ~word & highs  // the high bit set in each byte that was '<'
            if zeros != 0 {
                // Little-endian: the last '<' in memory is the highest marked byte.
                return p - 8 + (63 - zeros.leadingZeroBitCount) / 8
            }
            p -= 8
        }
        while p > begin {
            p -= 1
            if p.pointee == UInt8(ascii: "<") { return p }
        }
        return nil
    }

    /// The record ended: it takes the values of its enclosing elements known so far (by reference: they are in
    /// `bytes` already) and notes the levels whose values are still to come.
    private mutating func endRecord() {
        recordDepth = 0
        let slots = openRecordSlots
        var missing: UInt32 = 0
        for k in 0..<t.inheritedSlots.count {
            let slot = Int(t.inheritedSlots[k])
            let length = scopeLength[slot]
            if length > 0 {
                slotStart[slots &+ slot] = scopeStart[slot]
                slotLength[slots &+ slot] = length
            } else {
                missing |= 1 &<< UInt32(t.slotLevel[slot])
            }
        }
        recordMissing.append(missing)
        recordOversized.append(openOversizedSlot)
        openOversizedSlot = -1
        total &+= 1
        advanceReleased()
        if total &- released > maxWaitingRecords || (total > released && bytes.count > maxWaitingBytes) {
            failWaiting()
        }
    }

    private mutating func openScope(_ level: Int32) {
        scopeFirstRecord[Int(level)] = total
        for k in Int(t.levelSlotStart[Int(level)])..<Int(t.levelSlotStart[Int(level) + 1]) {
            scopeLength[Int(t.levelSlots[k])] = 0
        }
    }

    /// The enclosing element at `level` ended: its values are final. The records inside it that lack them take
    /// them now, and those that waited only for them are released.
    private mutating func closeScope(_ level: Int32) {
        giveScopeValues(level, keeping: (1 &<< UInt32(level)) &- 1)  // deeper levels closed before this one
    }

    /// Every value the open element at `level` gives has appeared (the first occurrence wins, so they are final).
    private func isScopeComplete(_ level: Int32) -> Bool {
        for k in Int(t.levelSlotStart[Int(level)])..<Int(t.levelSlotStart[Int(level) + 1])
        where scopeLength[Int(t.levelSlots[k])] == 0 {
            return false
        }
        return true
    }

    /// The records inside the open element at `level` that lack its values take those it has; their wait bits are
    /// and-ed with `keep` (at the element's end: it and every deeper level; when its last value appeared before its
    /// end: its own bit only, so that they need not wait for the end), and those that waited for nothing else are
    /// released.
    private mutating func giveScopeValues(_ level: Int32, keeping keep: UInt32) {
        let first = max(scopeFirstRecord[Int(level)], released)
        guard first < total else { return }
        let bit: UInt32 = 1 &<< UInt32(level)
        let slotsFrom = Int(t.levelSlotStart[Int(level)]), slotsTo = Int(t.levelSlotStart[Int(level) + 1])
        for record in first..<total {
            let local = record &- base
            let missing = recordMissing[local]
            guard missing & bit != 0 else { continue }
            let slots = local &* slotCount
            for k in slotsFrom..<slotsTo {
                let slot = Int(t.levelSlots[k])
                let length = scopeLength[slot]
                if length > 0 && slotLength[slots &+ slot] == 0 {
                    slotStart[slots &+ slot] = scopeStart[slot]
                    slotLength[slots &+ slot] = length
                }
            }
            recordMissing[local] = missing & keep
        }
        advanceReleased()
    }

    @inline(__always) private mutating func advanceReleased() {
        while released < total && recordMissing[released &- base] == 0 { released &+= 1 }
    }

    /// Too many records wait: the file fails, naming the values of the outermost element the first of them waits
    /// for that have not appeared (those that did are final and not waited for).
    private mutating func failWaiting() {
        guard failure == nil else { return }
        let level = recordMissing[released - base].trailingZeroBitCount  // the outermost level it waits for
        let waiting = (Int(t.levelSlotStart[level])..<Int(t.levelSlotStart[level + 1]))
            .map { Int(t.levelSlots[$0]) }.filter { scopeLength[$0] == 0 }.map { layout.slotNames[$0] }
        let held = total - released > maxWaitingRecords ? "more than \(maxWaitingRecords) records"
            : "records holding more than \(CSVDialect.size(maxWaitingBytes)) of values"
        failure = (recordLine[released - base], 0,
                   "\(held) inside one <\(layout.stepName(level: level))> wait for "
                   + waiting.joined(separator: ", ") + (waiting.count == 1 ? ", which has" : ", which have")
                   + " not appeared yet: BPVKit holds such records until the element ends. Split the file, or map "
                   + (waiting.count == 1 ? "that value" : "those values") + " from the records themselves", false)
        if let context { xmlStopParser(context) }
    }

    // MARK: - Batches

    /// Hands the released records over as a block that owns their memory: the block takes the buffers as they
    /// are (no copy), and the records still waiting, and the open one, move to new buffers.
    mutating func takeReleased() -> XMLRecordBlock {
        let count = released - base
        let keepSlots = count * slotCount
        var kept = GrowableBuffer<UInt8>(capacity: bytes.capacity)
        for index in keepSlots..<slotStart.count where slotLength[index] > 0 {
            let start = Int(slotStart[index])
            slotStart[index] = Int32(kept.count)
            kept.appendBytes(bytes.base + start, count: Int(slotLength[index]))
        }
        for k in 0..<t.inheritedSlots.count {  // the open enclosing elements' values
            let slot = Int(t.inheritedSlots[k])
            guard scopeLength[slot] > 0 else { continue }
            let start = Int(scopeStart[slot])
            scopeStart[slot] = Int32(kept.count)
            kept.appendBytes(bytes.base + start, count: Int(scopeLength[slot]))
        }
        let handedBytes = bytes
        bytes = kept
        let block = XMLRecordBlock(count: count, layout: layout, bytes: handedBytes,
                                   slotStart: slotStart.splitOff(upTo: keepSlots),
                                   slotLength: slotLength.splitOff(upTo: keepSlots),
                                   positions: recordPositions.splitOff(upTo: count * Int(n)),
                                   lines: recordLine.splitOff(upTo: count), offsets: recordOffset.splitOff(upTo: count),
                                   oversized: recordOversized.splitOff(upTo: count))
        recordMissing.removeFirst(count)
        base = released
        return block
    }

    // MARK: - Problems

    mutating func fail(line: Int, column: Int, message: String, atEnd: Bool = false) {
        if failure == nil { failure = (line, column, message, atEnd) }
    }
}
