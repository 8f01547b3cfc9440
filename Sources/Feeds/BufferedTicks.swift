/// Another source's ticks, pulled a block at a time (`TickSource.next(into:limit:)`) and
/// handed on one by one from memory.
///
/// Why: `dry-run` opens its feed as `any TickSource` wrapped in the command's own sources
/// (Ctrl-C, progress), so the engine's loop cannot be specialised for it, and every tick
/// went through two or three protocol witnesses, each copying the tick. Through this
/// concrete type the loop is specialised (`Interpreter.run`) and the witnesses are paid
/// once per block. A live feed still gives one tick per pull, as it arrives.
///
/// A pull that throws after part of a block has been appended hands on that part first and
/// throws on the next call. `lastGap` is the base's, as of the last pull (the engine does
/// not read it while stepping); `issues` and `notes` are the base's, complete once the feed
/// has ended.
public struct BufferedTicks: TickSource {
    @usableFromInline var base: any TickSource
    @usableFromInline var block: [Tick] = []
    @usableFromInline var position = 0
    @usableFromInline let blockSize: Int
    private var pending: (any Error)?
    private var ended = false

    /// `blockSize` ticks per pull (72 bytes each: 256 is 18 KB, inside the L1 cache).
    public init(_ base: any TickSource, blockSize: Int = 256) {
        precondition(blockSize > 0, "a block holds at least one tick")
        self.base = base
        self.blockSize = blockSize
        block.reserveCapacity(blockSize)
    }

    /// Inlinable: the engine's loop reads every tick through it from another module.
    @inlinable
    public mutating func next() throws -> Tick? {
        if position < block.count {
            defer { position += 1 }
            return block[position]
        }
        return try nextBlock()
    }

    /// Refills the block and returns its first tick (nil once the base has ended).
    @usableFromInline
    mutating func nextBlock() throws -> Tick? {
        if let pending {
            self.pending = nil
            throw pending
        }
        guard !ended else { return nil }
        block.removeAll(keepingCapacity: true)
        position = 0
        do {
            try base.next(into: &block, limit: blockSize)
        } catch {
            guard !block.isEmpty else { throw error }
            pending = error
        }
        guard !block.isEmpty else {
            ended = true
            return nil
        }
        position = 1
        return block[0]
    }

    public var issues: FeedIssueLog { base.issues }
    public var lastGap: FeedGap? { base.lastGap }
    public var notes: [String] { base.notes }
}
