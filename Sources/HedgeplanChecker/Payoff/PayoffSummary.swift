import HedgeplanFormatting

/// A set of spots where an extreme is reached: a point, a closed interval, or a ray.
public struct SpotRegion: Sendable, Equatable, CustomStringConvertible {
    /// QUOTE per BASE.
    public var lower: Double
    /// Nil: the region extends to infinity.
    public var upper: Double?

    public init(lower: Double, upper: Double?) {
        self.lower = lower
        self.upper = upper
    }

    /// "at spot <= 2,500", "at spot >= 3,500", "at spot 3,000", "for spot in [2,700, 3,300]".
    public var description: String {
        guard let upper else { return lower == 0 ? "at every spot" : "at spot >= \(Money.plain(lower))" }
        if lower == upper { return "at spot \(Money.plain(lower))" }
        if lower == 0 { return "at spot <= \(Money.plain(upper))" }
        return "for spot in [\(Money.plain(lower)), \(Money.plain(upper))]"
    }
}

/// The largest profit or loss and where it happens.
public struct PayoffExtreme: Sendable, Equatable {
    /// QUOTE, a positive amount (0 when the strategy never loses, or never gains).
    public var amount: Double
    public var regions: [SpotRegion]
    /// The highest P&L for a max profit, the lowest for a max loss, QUOTE, signed: it tells
    /// "breaks even at best" (0) from "loses at every spot" (the highest P&L below 0), which
    /// `amount` alone cannot.
    public var pnl: Double

    public init(amount: Double, regions: [SpotRegion], pnl: Double) {
        self.amount = amount
        self.regions = regions
        self.pnl = pnl
    }
}

/// Max profit, max loss and breakevens of a strategy's P&L at its (first) expiry.
public struct PayoffSummary: Sendable {
    public enum Method: Sendable, Equatable {
        /// Exact: legs expire together (or never), so the payoff is piecewise linear.
        case exact
        /// The market model values the position at the first expiry over `spotRange`.
        case model(spotRange: ClosedRange<Double>, points: Int)
    }

    public var method: Method
    /// Years from the valuation time to the horizon (the first expiry); nil: no expiry.
    public var horizonYears: Double?
    /// Nil when unbounded.
    public var maxProfit: PayoffExtreme?
    /// Nil when unbounded.
    public var maxLoss: PayoffExtreme?
    /// Spots where the P&L crosses zero, ascending.
    public var breakevens: [Double]
    /// dP/dS as S -> infinity and at S = 0, BASE.
    public var slopeAtInfinity: Double
    public var slopeAtZero: Double
    /// (spot, P&L) pairs for tables and plots: kinks and breakevens for exact payoffs, a grid otherwise.
    public var profile: [(spot: Double, pnl: Double)]
    /// The P&L function itself, for plots at any resolution.
    public var evaluate: @Sendable (Double) -> Double

    public var isModelBased: Bool { method != .exact }
}
