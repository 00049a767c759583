import Foundation

/// A batch of XML records that owns its memory, so that it can travel from the parsing thread to the mapping thread.
final class XMLRecordBlock: @unchecked Sendable {
    private let bytes: UnsafeMutablePointer<UInt8>
    private let slots: UnsafeMutablePointer<Int32>   // starts, then lengths
    private let positions: UnsafeMutablePointer<Int32>
    /// The records point at it without counting references: the block keeps it alive (the reader may be gone).
    private let layout: XMLRecordLayout
    /// The records; valid as long as the block lives.
    private(set) var records: [XMLRecord] = []

    /// Copies the released records of `collector` (their bytes, slots, positions, lines and offsets).
    init(_ collector: XMLRecordCollector, layout: XMLRecordLayout) {
        self.layout = layout
        let count = collector.released - collector.base
        let slotCount = layout.slotCount
        let levels = layout.depth
        let byteCount = collector.bytes.count
        bytes = .allocate(capacity: max(byteCount, 1))
        bytes.update(from: collector.bytes.base, count: byteCount)
        slots = .allocate(capacity: max(2 * count * slotCount, 1))
        slots.update(from: collector.slotStart.base, count: count * slotCount)
        (slots + count * slotCount).update(from: collector.slotLength.base, count: count * slotCount)
        positions = .allocate(capacity: max(count * levels, 1))
        positions.update(from: collector.recordPositions.base, count: count * levels)
        records.reserveCapacity(count)
        for i in 0..<count {
            records.append(XMLRecord(bytes: UnsafePointer(bytes), starts: UnsafePointer(slots + i * slotCount),
                                     lengths: UnsafePointer(slots + (count + i) * slotCount),
                                     positions: UnsafePointer(positions + i * levels), tables: UnsafePointer(layout.tables),
                                     layout: layout,
                                     line: collector.recordLine[i], byteOffset: collector.recordOffset[i]))
        }
    }

    deinit {
        bytes.deallocate()
        slots.deallocate()
        positions.deallocate()
    }
}

/// Runs an ``XMLRecordReader`` on a thread of its own, at most `depth` blocks ahead of the consumer: libxml2 parses
/// the next chunk while the caller maps (and stores) the records of the previous one. Records arrive in file order;
/// a file-level error arrives after the blocks read before it, as it would without the thread. Memory stays bounded
/// by the depth. The hand-off is the pipeline's ``BlockingQueue``, as for CSV.
///
/// The reader belongs to the thread once the prefetcher starts; nothing else may touch it.
final class XMLPrefetcher: @unchecked Sendable {
    private let blocks: BlockingQueue<XMLRecordBlock>

    /// Hands the reader to the thread (it is not used anywhere else afterwards).
    private struct Handoff: @unchecked Sendable { let reader: XMLRecordReader }

    init(reader: XMLRecordReader, depth: Int = 2) {
        let queue = BlockingQueue<XMLRecordBlock>(capacity: depth)
        blocks = queue
        let handoff = Handoff(reader: reader)
        // Not joined: a consumer that stops early cancels the queue, and the thread ends at its next block.
        _ = StageThread(name: "bpv-xml-parse") {
            do {
                while let block = try handoff.reader.nextBlock() { guard queue.put(block) else { return } }
                queue.finish()
            } catch {
                queue.finish(error: error)
            }
        }
    }

    /// Stops the thread after the chunk it is parsing; the consumer will not ask again.
    func cancel() { blocks.cancel() }

    deinit { cancel() }

    /// The next block, or `nil` at the end of the file (again on later calls; an error is thrown again too).
    func next() throws(FileLevelError) -> XMLRecordBlock? {
        do {
            return try blocks.take()
        } catch let error as FileLevelError {
            throw error
        } catch {
            throw FileLevelError(file: "", message: "\(error)") // the reader throws FileLevelError only
        }
    }
}
