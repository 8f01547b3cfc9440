// The WebSocket transport needs SwiftNIO (Hummingbird): built with `--traits LiveFeed` only.
#if LiveFeed
import Feeds

/// The bounded, thread-safe queue between the connection task (async, producer) and the
/// synchronous `WebSocketFeed.next()` (consumer).
///
/// - The producer `push`es each received message with its arrival time. When the queue holds
///   `capacity` messages it suspends (no thread blocked, no polling) until the consumer takes
///   one, so the socket stops being read and TCP back-pressure reaches the server.
/// - The consumer `pop`s, sleeping on a condition variable until a message, the end of the
///   feed, or its deadline.
/// - Either side may end it: the producer with `producerFinished` (a reason), the consumer
///   with `close` (which also releases a suspended producer).
final class FeedBridge: Sendable {
    struct Pending: Sendable {
        var text: String
        var arrival: ContinuousClock.Instant
    }

    enum PopResult {
        case message(Pending)
        case ended(WebSocketFeed.EndReason)
        case timedOut
    }

    struct State: Sendable {
        var queue: [Pending] = []
        var head = 0
        var end: WebSocketFeed.EndReason?
        var closed = false
        var producerDone = false
        var spaceWaiters: [CheckedContinuation<Void, Never>] = []
        var connections = 0
        var messagesThisConnection = 0
        var log: [String] = []
        var logOmitted = 0
        /// When the connection last showed life (connect attempt, or a message received).
        var lastActivity = ContinuousClock.now
        /// The producer holds a message and waits for room: the connection is not silent.
        var waitingForSpace = false

        var count: Int { queue.count - head }

        mutating func removeFirst() -> Pending {
            let item = queue[head]
            head += 1
            if head == queue.count {
                queue.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 1_024 && head * 2 >= queue.count {
                queue.removeFirst(head)
                head = 0
            }
            return item
        }
    }

    let capacity: Int
    private let lock = ConditionLock(State())
    static let maxLogEntries = 100

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    // MARK: Producer side

    /// Queues a message (waiting for room if the queue is full). False when the consumer has
    /// closed the feed or the task is cancelled: the producer should stop reading.
    func push(_ text: String) async -> Bool {
        let item = Pending(text: text, arrival: .now)
        while true {
            let queued: Bool? = lock.withLock { s in
                if s.closed { return false }
                guard s.count < capacity else {
                    s.waitingForSpace = true
                    return nil
                }
                s.queue.append(item)
                s.messagesThisConnection += 1
                s.waitingForSpace = false
                s.lastActivity = .now
                return true
            }
            switch queued {
            case true?:
                lock.signalAll()
                return true
            case false?:
                return false
            case nil:
                if Task.isCancelled { return false }
                await waitForSpace()
            }
        }
    }

    private func waitForSpace() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = lock.withLock { s -> Bool in
                    // Task.isCancelled is set before onCancel runs, so a cancellation that
                    // raced ahead of this registration is seen here.
                    if s.closed || s.count < capacity || Task.isCancelled { return true }
                    s.spaceWaiters.append(continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            self.resumeSpaceWaiters()
        }
    }

    private func resumeSpaceWaiters() {
        let waiters = lock.withLock { s -> [CheckedContinuation<Void, Never>] in
            defer { s.spaceWaiters = [] }
            return s.spaceWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// A WebSocket connection is up (the upgrade succeeded).
    func connectionOpened() {
        lock.withLock { s in
            s.connections += 1
            s.messagesThisConnection = 0
            s.lastActivity = .now
        }
    }

    /// A connect attempt starts: silence is measured from here.
    func connecting() {
        lock.withLock { s in
            s.lastActivity = .now
            s.waitingForSpace = false
        }
    }

    /// How long the connection has delivered nothing; nil while the producer waits for room
    /// in the queue (the consumer is behind, not the server).
    func silence() -> Duration? {
        lock.withLock { s in s.waitingForSpace ? nil : s.lastActivity.duration(to: .now) }
    }

    /// A connection has ended; returns how many messages it delivered.
    func connectionEnded() -> Int {
        lock.withLock { s in
            defer { s.messagesThisConnection = 0 }
            return s.messagesThisConnection
        }
    }

    /// Adds a line to the connection log (kept for `notes`, bounded).
    func log(_ line: String) {
        lock.withLock { s in
            if s.log.count < Self.maxLogEntries { s.log.append(line) } else { s.logOmitted += 1 }
        }
    }

    /// The producer has stopped for good; messages already queued are still delivered.
    func producerFinished(_ reason: WebSocketFeed.EndReason) {
        lock.withLock { s in
            if s.end == nil { s.end = reason }
            s.producerDone = true
        }
        lock.signalAll()
    }

    // MARK: Consumer side

    /// The next message, the end of the feed, or `.timedOut` once `deadline` has passed.
    func pop(deadline: ContinuousClock.Instant?) -> PopResult {
        let (result, wakeProducer) = lock.withLock(
            when: { s in s.count > 0 || s.closed || s.end != nil }, until: deadline
        ) { s -> (PopResult, Bool) in
            if let deadline, ContinuousClock.now >= deadline { return (.timedOut, false) }
            if s.count > 0 { return (.message(s.removeFirst()), !s.spaceWaiters.isEmpty) }
            if s.closed { return (.ended(.closed), false) }
            if let end = s.end { return (.ended(end), false) }
            return (.timedOut, false)  // not reached: only a passed deadline ends the wait unready
        }
        if wakeProducer { resumeSpaceWaiters() }
        return result
    }

    /// Stops the feed from the consumer side: the producer's next `push` returns false and a
    /// suspended one is released.
    func close() {
        lock.withLock { s in s.closed = true }
        lock.signalAll()
        resumeSpaceWaiters()
    }

    /// Waits until the producer task has finished, at most until `deadline`. True if it has.
    func waitForProducer(until deadline: ContinuousClock.Instant) -> Bool {
        lock.withLock(when: { $0.producerDone }, until: deadline) { $0.producerDone }
    }

    var isClosed: Bool { lock.withLock { $0.closed } }
    var producerDone: Bool { lock.withLock { $0.producerDone } }
    var pendingCount: Int { lock.withLock { $0.count } }
    var connections: Int { lock.withLock { $0.connections } }
    var connectionLog: (lines: [String], omitted: Int) { lock.withLock { ($0.log, $0.logOmitted) } }
}
#endif
