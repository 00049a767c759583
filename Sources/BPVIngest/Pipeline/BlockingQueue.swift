import Foundation

/// A small bounded hand-off between two threads of a pipeline: the producer blocks when it is `capacity` items
/// ahead, the consumer blocks when it has caught up. Either side can stop the other: the producer by finishing
/// (with an error or not), the consumer by cancelling.
final class BlockingQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []  // a handful at most: removing from the front is cheap
    private let capacity: Int
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?

    init(capacity: Int) { self.capacity = capacity }

    /// Adds an item; waits while the queue is full. Returns `false` when the consumer cancelled (stop producing).
    func put(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The producer is done; an error is rethrown to the consumer after the items before it.
    func finish(error: (any Error)? = nil) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The consumer stops early: the producer's next `put` returns `false`.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Whether the consumer cancelled: a producer that works long between two `put`s checks it to stop early.
    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// The next item, `nil` when the producer finished, or the producer's error.
    func take() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !finished { condition.wait() }
        if !items.isEmpty {
            let item = items.removeFirst()
            condition.broadcast()
            return item
        }
        if let failure { throw failure }
        return nil
    }
}

/// Runs `body` on a thread of its own; `join()` waits for it to end.
final class StageThread: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)

    init(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread { [done] in
            body()
            done.signal()
        }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }

    func join() { done.wait() }
}
