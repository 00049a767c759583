/// One XML record as the mapper sees it: one slot per mapped field, holding the bytes (UTF-8, entities and
/// CDATA resolved) of the path the mapping asks for, and where the record is. The bytes belong to the
/// ``XMLRecordBlock`` the record came from, which the record keeps alive.
public struct XMLRecord: FieldRecord {
    /// Owns the memory the pointers below point into.
    let block: XMLRecordBlock
    let bytes: UnsafePointer<UInt8>
    /// This record's physical slots (see ``XMLRecordLayout``).
    let starts: UnsafePointer<Int32>
    let lengths: UnsafePointer<Int32>
    let positions: UnsafePointer<Int32>
    let tables: UnsafePointer<XMLTables>
    /// For ``elementPath`` only (messages); the block keeps it alive.
    unowned(unsafe) let layout: XMLRecordLayout
    /// The slot whose text was over the field limit (-1: none); see ``oversizedValue``.
    let oversizedSlot: Int32
    /// 1-based line of the record element's start tag.
    public let line: Int
    /// Byte offset of the record element's start tag in the decoded (UTF-8) text.
    public let byteOffset: Int

    /// Number of fields.
    public var count: Int { tables.pointee.fieldSlotStart.count }

    /// The value of field `i`: its first path that has a value; empty when none has.
    @inline(__always) public subscript(i: Int) -> UnsafeRawBufferPointer {
        let start = Int(tables.pointee.fieldSlotStart[i])
        let end = start + Int(tables.pointee.fieldSlotCount[i])
        let slots = tables.pointee.fieldSlots
        for k in start..<end {
            let slot = Int(slots[k])
            let length = Int(lengths[slot])
            if length > 0 { return UnsafeRawBufferPointer(start: bytes + Int(starts[slot]), count: length) }
        }
        return UnsafeRawBufferPointer(start: bytes, count: 0)
    }

    /// The path whose text was longer than the field limit (then not kept): the record is a reject.
    public var oversizedValue: (path: String, limit: Int)? {
        oversizedSlot < 0 ? nil : (layout.pathNames[Int(oversizedSlot)], CSVDialect.defaultMaxFieldBytes)
    }

    /// `/TimeCard/ReportedTime[1]/TimeInterval[3]`.
    public var elementPath: String? { layout.elementPath(positions) }

    /// Field `i` as a `String`, for messages and tests.
    public func string(_ i: Int) -> String { String(decoding: self[i], as: UTF8.self) }

    /// The text of path `k` of the layout's ``XMLRecordLayout/pathNames`` (each alternative on its own; empty when
    /// absent), for previews: not the import's path.
    public func pathValue(_ k: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(start: bytes + Int(starts[k]), count: Int(lengths[k])), as: UTF8.self)
    }
}

/// The records one stretch of an XML file completed, in file order. The block owns their memory: the reader
/// hands its buffers over without copying them, so a block may travel to another thread and outlive the reader.
/// Each record read from the block keeps it alive.
public final class XMLRecordBlock: RandomAccessCollection, @unchecked Sendable {
    public let count: Int
    /// The records point at its tables without counting references: the block keeps it alive.
    private let layout: XMLRecordLayout
    private let slotCount: Int
    private let bytes: GrowableBuffer<UInt8>
    private let slotStart: GrowableBuffer<Int32>
    private let slotLength: GrowableBuffer<Int32>
    private let positions: GrowableBuffer<Int32>
    private let lines: GrowableBuffer<Int>
    private let offsets: GrowableBuffer<Int>
    private let oversized: GrowableBuffer<Int32>

    /// Takes over the buffers (the block deallocates them): `count` records of `layout.slotCount` slots each.
    init(count: Int, layout: XMLRecordLayout, bytes: GrowableBuffer<UInt8>, slotStart: GrowableBuffer<Int32>,
         slotLength: GrowableBuffer<Int32>, positions: GrowableBuffer<Int32>, lines: GrowableBuffer<Int>,
         offsets: GrowableBuffer<Int>, oversized: GrowableBuffer<Int32>) {
        self.oversized = oversized
        self.count = count
        self.layout = layout
        slotCount = layout.slotCount
        self.bytes = bytes
        self.slotStart = slotStart
        self.slotLength = slotLength
        self.positions = positions
        self.lines = lines
        self.offsets = offsets
    }

    deinit {
        bytes.deallocate(); slotStart.deallocate(); slotLength.deallocate()
        positions.deallocate(); lines.deallocate(); offsets.deallocate(); oversized.deallocate()
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// Record `i` (0-based, file order).
    @inline(__always) public subscript(i: Int) -> XMLRecord {
        XMLRecord(block: self, bytes: UnsafePointer(bytes.base), starts: UnsafePointer(slotStart.base + i * slotCount),
                  lengths: UnsafePointer(slotLength.base + i * slotCount),
                  positions: UnsafePointer(positions.base + i * layout.depth), tables: UnsafePointer(layout.tables),
                  layout: layout, oversizedSlot: oversized[i], line: lines[i], byteOffset: offsets[i])
    }
}
