#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Another source's ticks, drawn on a thread of their own a few blocks ahead of the engine.
///
/// Why: drawing a simulated path (the normal variates and their exponentials) or scanning a
/// CSV file is work the engine waits for on every tick; on a one-minute GBM path it is a
/// sixth of a `dry-run`'s time (BENCHMARKS.md, `## Engine`). Read ahead, it runs on the
/// second core while the engine steps the block before. The ticks, their order and so every
/// figure of the run are those of the source read directly; only the wall time changes.
///
/// The thread also works out each tick's `logPrice`, which the engine's option kernels
/// would otherwise compute on every tick.
///
/// Not for a live feed: it must hand on each tick as it arrives, and it already reads its
/// socket on a task of its own.
///
/// The source belongs to the drawing thread from `init` on. `issues` and `lastGap` are
/// copies the thread takes after each block: as of the newest block drawn, and complete once
/// the feed has ended (as `BufferedTicks` says of its pulls); `notes`, after the first block
/// and at the end. An error is handed on
/// after the ticks drawn before it. When this value goes away the thread stops drawing and is
/// joined, so no thread outlives the run (a run cut short by Ctrl-C included).
///
/// At most `depth + 2` blocks exist at once (one being read, `depth` ready, one being
/// drawn), each `blockSize` ticks of 72 bytes: 3.4 MiB with the defaults, whatever the feed's
/// length. The defaults hand over a block every 16,384 ticks: each handover that finds the
/// drawing thread asleep wakes it through the kernel, which costs tens of microseconds on a
/// virtual machine. On the engine benchmark's 10 M ticks, 4,096-tick blocks two deep
/// raised the run's system time from 0.06 s to 0.13 to 0.25 s; these, to 0.07 to 0.09 s
/// (BENCHMARKS.md).
public struct ReadAheadTicks: TickSource {
    private let pipe: Pipe
    private var block: [Tick] = []
    private var position = 0

    /// Starts the drawing thread; nil if the system cannot start one (the caller then reads
    /// `source` directly: nothing of it has been read).
    public init?(_ source: any TickSource, blockSize: Int = 16_384, depth: Int = 1) {
        precondition(blockSize > 0 && depth > 0, "a read-ahead holds at least one block of one tick")
        guard let pipe = Pipe(source: source, blockSize: blockSize, depth: depth) else { return nil }
        self.pipe = pipe
    }

    public mutating func next() throws -> Tick? {
        if position == block.count {
            guard try refill() else { return nil }
        }
        defer { position += 1 }
        return block[position]
    }

    public mutating func next(into ticks: inout [Tick], limit: Int) throws {
        if position == block.count {
            guard try refill() else { return }
        }
        let end = min(block.count, position + limit)
        ticks.append(contentsOf: block[position..<end])
        position = end
    }

    /// Trades the spent block for the next one drawn, waiting for it if need be. False at
    /// the end of the feed.
    private mutating func refill() throws -> Bool {
        let next = pipe.shared.exchange(spent: &block)
        position = 0
        switch next {
        case .block(let ticks):
            block = ticks
            return true
        case .failure(let error):
            throw error
        case .end:
            return false
        }
    }

    public var issues: FeedIssueLog { pipe.shared.lock.withLock { $0.issues } }
    public var lastGap: FeedGap? { pipe.shared.lock.withLock { $0.lastGap } }
    public var notes: [String] { pipe.shared.lock.withLock { $0.notes } }
}

extension ReadAheadTicks {
    /// What the two threads share, under one lock.
    fileprivate struct State: Sendable {
        /// Blocks drawn and not yet read, oldest first.
        var ready: [[Tick]] = []
        /// Spent blocks handed back for the drawing thread to refill (their storage reused).
        var spare: [[Tick]] = []
        /// The drawing thread has stopped: the feed ended, failed, or the reader went away.
        var finished = false
        /// The source's error, handed on once the blocks before it have been read.
        var failure: (any Error)?
        /// The reader went away: stop drawing.
        var stopping = false
        var issues = FeedIssueLog()
        var notes: [String] = []
        var lastGap: FeedGap?
    }

    fileprivate enum Next {
        case block([Tick])
        case failure(any Error)
        case end
    }

    fileprivate final class Shared: Sendable {
        let lock = ConditionLock(State())
        let depth: Int

        init(depth: Int) { self.depth = depth }

        /// The reader's side: takes `spent` (leaving it empty) and returns the oldest ready
        /// block, waiting for one while the drawing thread is still at work. The spent block
        /// is moved, not copied, so no reference of the reader's stays on it and the drawing
        /// thread refills it in place.
        func exchange(spent: inout [Tick]) -> Next {
            if spent.capacity > 0 { lock.withLock { $0.spare.append(Self.take(&spent)) } }
            let next = lock.withLock(when: { !$0.ready.isEmpty || $0.finished }) { state -> Next in
                if !state.ready.isEmpty { return .block(state.ready.removeFirst()) }
                if let failure = state.failure {
                    state.failure = nil
                    return .failure(failure)
                }
                return .end
            }
            lock.signalAll()  // room for another block
            return next
        }

        /// The drawing thread's side: an empty block to fill, once fewer than `depth` wait
        /// to be read; nil when the reader has gone.
        func emptyBlock() -> [Tick]? {
            lock.withLock(when: { $0.ready.count < depth || $0.stopping }) { state -> [Tick]? in
                if state.stopping { return nil }
                var block = state.spare.popLast() ?? []
                block.removeAll(keepingCapacity: true)
                return block
            }
        }

        /// The drawing thread's side: a block drawn (taken, leaving `block` empty), and the
        /// source's record as of it.
        func publish(
            _ block: inout [Tick], issues: FeedIssueLog, notes: [String]?, lastGap: FeedGap?, ended: Bool, failure: (any Error)?
        ) {
            lock.withLock { state in
                if !block.isEmpty { state.ready.append(Self.take(&block)) }
                state.issues = issues
                if let notes { state.notes = notes }
                state.lastGap = lastGap
                if ended || failure != nil {
                    state.failure = failure
                    state.finished = true
                }
            }
            lock.signalAll()
        }

        /// `block`'s storage, leaving it empty: a move, with no second reference.
        private static func take(_ block: inout [Tick]) -> [Tick] {
            var taken: [Tick] = []
            swap(&taken, &block)
            return taken
        }

        func stop() {
            lock.withLock { state in
                state.stopping = true
                state.finished = true
            }
            lock.signalAll()
        }
    }

    /// The drawing thread's own: the source (touched by no other thread once the thread
    /// has started, which is why the unchecked `Sendable` holds) and the loop it runs.
    fileprivate final class Drawer: @unchecked Sendable {
        var source: any TickSource
        let shared: Shared
        let blockSize: Int

        init(source: any TickSource, shared: Shared, blockSize: Int) {
            self.source = source
            self.shared = shared
            self.blockSize = blockSize
        }

        func run() {
            var first = true
            while var block = shared.emptyBlock() {
                var ended = false
                var failure: (any Error)?
                block.reserveCapacity(blockSize)
                do {
                    while block.count < blockSize {
                        let before = block.count
                        try source.next(into: &block, limit: blockSize - block.count)
                        if block.count == before {
                            ended = true
                            break
                        }
                    }
                } catch {
                    failure = error
                }
                Tick.workOutLogPrices(&block)
                // Notes are decided when a source opens and when it ends (a limit reached); a
                // simulated path builds its text anew on each call, so it is not asked per block.
                let notes = first || ended || failure != nil ? source.notes : nil
                first = false
                shared.publish(&block, issues: source.issues, notes: notes, lastGap: source.lastGap, ended: ended, failure: failure)
                if ended || failure != nil { return }
            }
        }
    }

    /// The reader's handle on the drawing thread: stops and joins it when the last copy of
    /// the `ReadAheadTicks` goes away.
    fileprivate final class Pipe {
        let shared: Shared
        #if canImport(Darwin)
        private var thread: pthread_t?
        #else
        private var thread = pthread_t()
        #endif

        init?(source: any TickSource, blockSize: Int, depth: Int) {
            shared = Shared(depth: depth)
            let drawer = Unmanaged.passRetained(Drawer(source: source, shared: shared, blockSize: blockSize))
            #if canImport(Darwin)
            let status = pthread_create(&thread, nil, { context in
                Unmanaged<Drawer>.fromOpaque(context).takeRetainedValue().run()
                return nil
            }, drawer.toOpaque())
            #else
            let status = pthread_create(&thread, nil, { context in
                Unmanaged<Drawer>.fromOpaque(context!).takeRetainedValue().run()
                return nil
            }, drawer.toOpaque())
            #endif
            guard status == 0 else {
                drawer.release()
                return nil
            }
        }

        deinit {
            shared.stop()
            #if canImport(Darwin)
            if let thread { pthread_join(thread, nil) }
            #else
            pthread_join(thread, nil)
            #endif
        }
    }
}
