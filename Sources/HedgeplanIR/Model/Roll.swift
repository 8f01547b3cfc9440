import HedgeplanDiagnostics

/// Re-open the structure at expiry.
public struct Roll: Sendable {
    public var every: Located<TimeSpan>
    public var strikes: Located<RollStrikes>

    public init(every: Located<TimeSpan>, strikes: Located<RollStrikes>) {
        self.every = every
        self.strikes = strikes
    }
}

public enum RollStrikes: String, Hashable, Sendable, CaseIterable {
    /// Keep the same moneyness against spot at roll time.
    case relative
    /// Keep the same absolute strikes.
    case same
}
