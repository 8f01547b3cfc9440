import HedgeplanRuntime

/// What `stress` keeps of one path: a few numbers, never the path.
public struct PathOutcome: Codable, Equatable, Sendable {
    /// The path's index k (its randomness depends on the run's seed and k alone).
    public var path: Int
    /// The plan run as compiled: hedge, breakers, rolls, costs.
    public var hedged: BookOutcome
    /// P&L of the same structure on the same path with no hedge and no breaker, QUOTE.
    public var unhedged: Double

    public init(path: Int, hedged: BookOutcome, unhedged: Double) {
        self.path = path
        self.hedged = hedged
        self.unhedged = unhedged
    }
}
