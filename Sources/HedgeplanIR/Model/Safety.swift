import HedgeplanDiagnostics

public struct Safety: Sendable {
    public var circuitBreakers: [CircuitBreaker]

    public init(circuitBreakers: [CircuitBreaker]) {
        self.circuitBreakers = circuitBreakers
    }
}

/// A condition the runtime watches on every tick, and what it does when it holds.
public struct CircuitBreaker: Hashable, Sendable {
    public var condition: Located<BreakerCondition>
    public var action: Located<BreakerAction>
    public var location: SourceLocation

    public init(condition: Located<BreakerCondition>, action: Located<BreakerAction>, location: SourceLocation) {
        self.condition = condition
        self.action = action
        self.location = location
    }
}

public enum BreakerCondition: Hashable, Sendable {
    /// Spot moves more than `above` (fraction) within `window`.
    case priceMove(window: TimeSpan, above: Double)
    /// No tick for longer than `above`.
    case feedStale(above: TimeSpan)
    /// Equity falls more than `above` (fraction) from its peak.
    case drawdown(above: Double)
    /// A fill slips more than `above` (fraction) against the mid.
    case slippage(above: Double)
}

public enum BreakerAction: Hashable, Sendable {
    case halt
    case flatten
    case pause(TimeSpan)
}
