/// How a run treats a plan whose prices are far from the feed's.
public struct RunOptions: Sendable, Equatable {
    /// Scale absolute strikes by (the feed's first price / the plan's `market.spot`) when the
    /// two are more than `RunOptions.farRatio` apart, instead of refusing the run.
    public var rebasesAbsoluteStrikes: Bool

    public init(rebasesAbsoluteStrikes: Bool = false) {
        self.rebasesAbsoluteStrikes = rebasesAbsoluteStrikes
    }

    /// Absolute strikes resolved at a spot more than this factor away from the feed's first
    /// price (either way) would open a first cycle far out of the money or deep in it.
    public static let farRatio = 2.0
}
