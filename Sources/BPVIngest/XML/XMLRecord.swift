/// One XML record as the mapper sees it: one slot per mapped field, holding the bytes (UTF-8, entities and
/// CDATA resolved) of the path the mapping asks for, and where the record is. The bytes belong to the reader and
/// are valid until its next `nextBatch()` call.
public struct XMLRecord: FieldRecord {
    let bytes: UnsafePointer<UInt8>
    /// This record's physical slots (see ``XMLRecordLayout``).
    let starts: UnsafePointer<Int32>
    let lengths: UnsafePointer<Int32>
    let positions: UnsafePointer<Int32>
    let tables: UnsafePointer<XMLTables>
    /// For ``elementPath`` only (messages).
    unowned(unsafe) let layout: XMLRecordLayout
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

/// The records one chunk of an XML file completed, in file order. Valid until the reader's next `nextBatch()`.
public struct XMLBatch {
    public let records: [XMLRecord]
}
