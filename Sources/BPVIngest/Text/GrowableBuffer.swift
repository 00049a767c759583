/// A growable buffer of trivial values on unmanaged memory, for the readers' hot paths: appending needs no
/// uniqueness or exclusivity checks. The owner must call ``deallocate()``.
struct GrowableBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    func deallocate() { base.deallocate() }

    @inline(__always) mutating func append(_ value: Element) {
        reserve(1)
        appendUnchecked(value)
    }

    @inline(__always) mutating func append(_ values: UnsafePointer<Element>, count n: Int) {
        reserve(n)
        appendUnchecked(values, count: n)
    }

    /// Makes room for `n` more elements, so that the unchecked appends below may follow.
    @inline(__always) mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(to: count + n) }
    }

    /// Appends into room made by ``reserve(_:)``.
    @inline(__always) mutating func appendUnchecked(_ value: Element) {
        base[count] = value
        count += 1
    }

    /// Appends `n` elements into room made by ``reserve(_:)``.
    @inline(__always) mutating func appendUnchecked(_ values: UnsafePointer<Element>, count n: Int) {
        if n <= 16 {
            // Most fields are a few bytes: a plain loop beats a call to memmove.
            for k in 0..<n { base[count + k] = values[k] }
        } else {
            (base + count).update(from: values, count: n)
        }
        count += n
    }

    /// Appends `n` elements whose bytes are all zero.
    @inline(__always) mutating func appendZeros(_ n: Int) {
        reserve(n)
        UnsafeMutableRawPointer(base + count).initializeMemory(as: UInt8.self, repeating: 0,
                                                                count: n * MemoryLayout<Element>.stride)
        count += n
    }

    @inline(__always) subscript(i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    mutating func removeAll() { count = 0 }

    mutating func removeLast(_ n: Int) { count -= n }

    /// Keeps only the elements from `start` on, moved to the front.
    mutating func removeFirst(_ start: Int) {
        let rest = count - start
        if rest > 0 && start > 0 { base.update(from: base + start, count: rest) }
        count = rest
    }

    /// Hands the first `start` elements over: returns a buffer holding them (the old memory, no copy), and keeps
    /// the elements from `start` on in new memory of the same capacity. The returned buffer needs its own
    /// ``deallocate()``.
    mutating func splitOff(upTo start: Int) -> GrowableBuffer {
        var rest = GrowableBuffer(capacity: capacity)
        rest.append(base + start, count: count - start)
        var head = self
        head.count = start
        self = rest
        return head
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}

extension GrowableBuffer where Element == UInt8 {
    /// Appends `n` bytes, eight at a time (see ``appendBytesUnchecked(_:count:)``).
    @inline(__always) mutating func appendBytes(_ values: UnsafePointer<UInt8>, count n: Int) {
        reserve(n)
        appendBytesUnchecked(values, count: n)
    }

    /// Appends `n` bytes into room made by ``reserve(_:)``, eight at a time: field values are a few bytes to a few
    /// dozen, where a byte loop costs more than the copy and a call to `memmove` more still. The last word is
    /// copied overlapping the one before, so no byte loop is left (4 + 4 or three single bytes below eight).
    @inline(__always) mutating func appendBytesUnchecked(_ values: UnsafePointer<UInt8>, count n: Int) {
        let source = UnsafeRawPointer(values)
        let target = UnsafeMutableRawPointer(base + count)
        if n >= 8 {
            var k = 0
            while k &+ 8 < n {
                target.storeBytes(of: source.loadUnaligned(fromByteOffset: k, as: UInt64.self), toByteOffset: k,
                                  as: UInt64.self)
                k &+= 8
            }
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self), toByteOffset: n &- 8,
                              as: UInt64.self)
        } else if n >= 4 {
            target.storeBytes(of: source.loadUnaligned(as: UInt32.self), as: UInt32.self)
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self), toByteOffset: n &- 4,
                              as: UInt32.self)
        } else if n > 0 {
            target.storeBytes(of: source.load(as: UInt8.self), as: UInt8.self)
            target.storeBytes(of: source.load(fromByteOffset: n / 2, as: UInt8.self), toByteOffset: n / 2, as: UInt8.self)
            target.storeBytes(of: source.load(fromByteOffset: n &- 1, as: UInt8.self), toByteOffset: n &- 1, as: UInt8.self)
        }
        count &+= n
    }
}
