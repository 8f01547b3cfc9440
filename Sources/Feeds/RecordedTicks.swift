/// Ticks already in memory, replayed in order: one simulated path fed to several books
/// (the hedged plan and the structure held) without drawing it twice.
public struct RecordedTicks: ComputedTickSource, Sendable {
    public let ticks: [Tick]
    @usableFromInline var index = 0

    /// The ticks, with their `logPrice` worked out once for every book they are replayed to.
    public init(_ ticks: [Tick]) {
        var ticks = ticks
        Tick.workOutLogPrices(&ticks)
        self.ticks = ticks
    }

    /// Every tick of `source`, in order.
    // Monte Carlo draws its paths from another module, which cannot specialise this generic
    // initialiser itself: without these, every tick would go through the protocol witness.
    @_specialize(where Source == GBMPath)
    @_specialize(where Source == MertonPath)
    public init<Source: TickSource>(draining source: inout Source, capacity: Int = 0) throws {
        var ticks: [Tick] = []
        ticks.reserveCapacity(capacity)
        while let tick = try source.next() { ticks.append(tick) }
        Tick.workOutLogPrices(&ticks)
        self.ticks = ticks
    }

    /// Inlinable: the engine's loop replays millions of these from another module, and a
    /// call per tick would hand each tick back through memory.
    @inlinable
    public mutating func next() -> Tick? {
        guard index < ticks.count else { return nil }
        defer { index += 1 }
        return ticks[index]
    }
}
