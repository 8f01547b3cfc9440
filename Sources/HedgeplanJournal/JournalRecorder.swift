import Feeds
import HedgeplanRuntime

/// The run observer that writes the journal, and on resume first verifies the replay
/// against it.
///
/// **Resume is deterministic replay verified against the journal, then continue.** The
/// interpreter is deterministic (the same plan and feed give the same decisions, byte for
/// byte), so the journal needs no snapshot of the interpreter's state: a resumed run starts
/// again from the feed's first tick, and every rebalance and breaker event it produces up
/// to the journal's checkpoint must equal the journaled one exactly (as must the checkpoint
/// tick's time and equity). A difference stops the run with an error naming the tick. After
/// the checkpoint the recorder appends as a fresh run would, so the final result is exactly
/// the one an uninterrupted run gives.
///
/// Writes are batched: events are buffered and committed, with the checkpoint, in one
/// transaction every `batchTicks` ticks (sooner when many events are pending), always at a
/// tick boundary, so the journal is a consistent prefix of the run at every instant. A
/// killed run loses at most one batch, which the next resume replays.
///
/// The observer callbacks cannot throw: a failure (a divergence, a failed write) is kept in
/// `failure`, and the source returned by `guarded(_:)` throws it at the next tick, which
/// stops the interpreter.
public final class JournalRecorder: RunObserver {
    public let journal: RunJournal
    public let batchTicks: Int
    /// The checkpoint this run resumed from (nil for a fresh run, or a journal killed
    /// before its first commit): the replay is verified up to it.
    public let resumedFrom: JournalProgress?
    /// What stopped journaling; the guarded source throws it.
    public var failure: JournalError? { signal.failure }
    /// Shared with the guarded source. A separate object because the interpreter holds the
    /// recorder weakly, and a weakly referenced object takes the slow reference-counting
    /// path on every retain: the per-tick check must not touch it.
    let signal = JournalStopSignal()

    private var verifier: ReplayVerifier?
    private var pendingRebalances: [RebalanceRecord] = []
    private var pendingBreakers: [(tick: Int, event: BreakerEvent)] = []
    /// Ticks processed so far (the index of the tick in progress).
    private var ticks = 0
    private var last: JournalProgress?
    private var nextCommit: Int
    /// Commit at the next tick boundary once this many events are pending.
    static let maxPendingEvents = 4096
    /// Also commit at the first tick boundary this long after the last commit (nil: by
    /// tick count only). Reads the clock on every tick when set: for live feeds.
    public var maxCommitInterval: Duration?
    private var lastCommitAt = ContinuousClock.now

    init(journal: RunJournal, batchTicks: Int, resumingFrom checkpoint: JournalProgress?) {
        self.journal = journal
        self.batchTicks = max(1, batchTicks)
        self.resumedFrom = checkpoint
        verifier = checkpoint.map { ReplayVerifier(journal: journal, checkpoint: $0) }
        // While verifying, the next stop is the checkpoint itself.
        nextCommit = checkpoint.map(\.tickIndex) ?? (self.batchTicks - 1)
    }

    /// Ticks the replay must still verify before appending (0 once it appends).
    public var ticksToVerify: Int {
        guard let verifier else { return 0 }
        return max(0, verifier.checkpoint.tickIndex + 1 - ticks)
    }

    // MARK: RunObserver

    public func tickProcessed(index: Int, tick: Tick, equity: Double) {
        // The hot path: a few stores and one comparison per tick.
        ticks = index + 1
        last = JournalProgress(tickIndex: index, time: tick.timestamp, equity: equity)
        if index < nextCommit {
            guard let interval = maxCommitInterval, verifier == nil, lastCommitAt.duration(to: .now) >= interval else { return }
        }
        guard !signal.stopped else { return }
        if let checkpoint = verifier?.checkpoint {
            reachCheckpoint(checkpoint, tick: tick, equity: equity)
        } else {
            commit()
        }
    }

    public func rebalanced(_ record: RebalanceRecord) {
        guard !signal.stopped else { return }
        guard verifier != nil else {
            pendingRebalances.append(record)
            if pendingRebalances.count + pendingBreakers.count >= Self.maxPendingEvents { nextCommit = record.tickIndex }
            return
        }
        do {
            guard let journaled = try verifier!.nextRebalance() else {
                return diverged("a rebalance (\(record.reason), \(record.requested) requested) that the journal does not have")
            }
            if let difference = ReplayVerifier.difference(record, journaled) { diverged(difference) }
        } catch {
            signal.stop(RunJournal.map(error, path: journal.path))
        }
    }

    public func breakerTripped(_ event: BreakerEvent) {
        guard !signal.stopped else { return }
        guard verifier != nil else {
            pendingBreakers.append((ticks, event))
            if pendingRebalances.count + pendingBreakers.count >= Self.maxPendingEvents { nextCommit = ticks }
            return
        }
        do {
            guard let journaled = try verifier!.nextBreaker() else {
                return diverged("breaker \(event.condition) -> \(event.action) tripped, the journal has no such trip")
            }
            if let difference = ReplayVerifier.difference(JournaledBreakerEvent(event, tickIndex: ticks), journaled) {
                diverged(difference)
            }
        } catch {
            signal.stop(RunJournal.map(error, path: journal.path))
        }
    }

    // MARK: Run boundaries

    /// Wraps the run's feed so that a journaling failure stops the interpreter at the next
    /// tick (observer callbacks cannot throw).
    public func guarded(_ source: any TickSource) -> any TickSource {
        func wrap<S: TickSource>(_ base: S) -> any TickSource { JournalGuardedSource(base: base, signal: signal) }
        return wrap(source)
    }

    /// After the interpreter returned: commits the rest of the run and marks the journal
    /// finished with the output `dry-run` prints, in one transaction.
    public func finish(_ result: StoredResult) throws {
        if let failure { throw failure }
        if let checkpoint = verifier?.checkpoint {
            throw JournalError.feedEndedEarly(path: journal.path, ticks: ticks, committed: checkpoint.tickIndex)
        }
        try journal.commit(rebalances: pendingRebalances, breakers: pendingBreakers, progress: last, result: result)
        pendingRebalances.removeAll()
        pendingBreakers.removeAll()
    }

    /// Writes every pending event and the checkpoint now (at a tick boundary).
    func commit() {
        do {
            try journal.commit(rebalances: pendingRebalances, breakers: pendingBreakers, progress: last)
            pendingRebalances.removeAll(keepingCapacity: true)
            pendingBreakers.removeAll(keepingCapacity: true)
            nextCommit = (last?.tickIndex ?? 0) + batchTicks
            lastCommitAt = .now
        } catch {
            signal.stop(RunJournal.map(error, path: journal.path))
        }
    }

    /// After an interrupted run (Ctrl-C): commits what is pending, with the last checkpoint,
    /// and leaves the journal unfinished, so that `--resume` continues a replayable feed.
    /// A replay that had not reached its checkpoint writes nothing (the journal already
    /// holds more than this run saw).
    public func commitInterrupted() throws {
        if let failure { throw failure }
        guard verifier == nil else { return }
        commit()
        if let failure { throw failure }
    }

    private func reachCheckpoint(_ checkpoint: JournalProgress, tick: Tick, equity: Double) {
        do {
            if let extra = try verifier!.nextRebalance() {
                return diverged("the journal has a rebalance on tick \(extra.tickIndex) that the replay did not make")
            }
            if let extra = try verifier!.nextBreaker() {
                return diverged("the journal has a \(extra.event.condition) trip on tick \(extra.tickIndex) that the replay did not make")
            }
        } catch {
            signal.stop(RunJournal.map(error, path: journal.path))
            return
        }
        if tick.timestamp != checkpoint.time {
            return diverged("the tick's time is \(tick.timestamp), the journal has \(checkpoint.time)")
        }
        if !ReplayVerifier.same(equity, checkpoint.equity) {
            return diverged("equity is \(equity), the journal has \(checkpoint.equity)")
        }
        verifier = nil
        last = checkpoint
        nextCommit = checkpoint.tickIndex + batchTicks
    }

    private func diverged(_ detail: String) {
        signal.stop(.diverged(path: journal.path, tick: ticks, detail: detail))
    }
}

/// A failure raised in an observer callback, for the guarded source to throw.
final class JournalStopSignal {
    private(set) var stopped = false
    private(set) var failure: JournalError?

    func stop(_ error: JournalError) {
        failure = error
        stopped = true
    }
}

/// A tick source that throws the recorder's failure instead of returning the next tick.
struct JournalGuardedSource<Base: TickSource>: TickSource {
    var base: Base
    let signal: JournalStopSignal

    mutating func next() throws -> Tick? {
        if signal.stopped, let failure = signal.failure { throw failure }
        return try base.next()
    }

    var issues: FeedIssueLog { base.issues }
    var lastGap: FeedGap? { base.lastGap }
    var notes: [String] { base.notes }
}
