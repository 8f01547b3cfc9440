/// Uniswap-v3-style liquidity positions valued against spot P (QUOTE per BASE).
///
/// A position with liquidity L on the price range [pa, pb] holds (Uniswap v3 whitepaper, 6.2.1)
///   x = L (1/sqrt(max(P, pa)) - 1/sqrt(pb)) BASE when P < pb, else 0,
///   y = L (sqrt(min(P, pb)) - sqrt(pa)) QUOTE when P > pa, else 0,
/// and a full-range constant-product (x y = L^2) position is the limit pa -> 0, pb -> inf:
/// x = L/sqrt P, y = L sqrt P. Value V = x P + y (QUOTE). Because the pool trades along its
/// curve, dV/dP = x (P dx/dP + dy/dP = 0): delta is the BASE held, and gamma = dx/dP is
/// -L / (2 P^(3/2)) inside the range and 0 outside (a short-gamma position, which is why LPs hedge).
public struct LiquidityPosition: Sendable, Hashable {
    /// Liquidity L, in sqrt(BASE * QUOTE) units.
    public let liquidity: Double
    /// The range [lower, upper] in QUOTE per BASE; (0, +inf) for full range.
    public let lower: Double
    public let upper: Double

    /// A concentrated position. Requires L >= 0 finite and 0 < lower < upper (upper may be +inf).
    public init(liquidity: Double, lower: Double, upper: Double) throws(PricingInputError) {
        try PricingInputError.nonNegative(liquidity, "liquidity")
        try PricingInputError.positive(lower, "lower")
        guard upper > lower, !upper.isNaN else {
            throw PricingInputError(field: "upper", value: upper, requirement: "must be > lower (\(lower))")
        }
        self.liquidity = liquidity
        self.lower = lower
        self.upper = upper
    }

    /// A full-range constant-product (x y = k) position with k = L^2.
    public static func fullRange(liquidity: Double) throws(PricingInputError) -> LiquidityPosition {
        try PricingInputError.nonNegative(liquidity, "liquidity")
        return LiquidityPosition(unchecked: liquidity, 0, .infinity)
    }

    /// The full-range position holding `base` and `quote` (price = quote/base, L = sqrt(base*quote)).
    public static func fullRange(base: Double, quote: Double) throws(PricingInputError) -> LiquidityPosition {
        try PricingInputError.positive(base, "base")
        try PricingInputError.positive(quote, "quote")
        return LiquidityPosition(unchecked: (base * quote).squareRoot(), 0, .infinity)
    }

    init(unchecked l: Double, _ a: Double, _ b: Double) { liquidity = l; lower = a; upper = b }

    /// Token amounts at spot P > 0: (BASE, QUOTE).
    public func amounts(at price: Double) -> (base: Double, quote: Double) {
        let sp = price.squareRoot()
        let sa = lower.squareRoot(), sb = upper.squareRoot()
        let s = min(max(sp, sa), sb)
        let base = s < sb ? liquidity * (1 / s - 1 / sb) : 0
        let quote = s > sa ? liquidity * (s - sa) : 0
        return (base, quote)
    }

    /// Value in QUOTE at spot P.
    public func value(at price: Double) -> Double {
        let a = amounts(at: price)
        return a.base * price + a.quote
    }

    /// dV/dP in BASE (the BASE held).
    public func delta(at price: Double) -> Double { amounts(at: price).base }

    /// d2V/dP2 in BASE per QUOTE: -L/(2 P^(3/2)) strictly inside the range, 0 outside.
    public func gamma(at price: Double) -> Double {
        guard price > lower, price < upper else { return 0 }
        return -liquidity / (2 * price * price.squareRoot())
    }

    /// Impermanent loss at spot P of a position opened at `entry`: V_pool(P) / V_hold(P) - 1,
    /// where V_hold values the entry amounts at P. Always <= 0; for full range it is
    /// 2 sqrt(r)/(1 + r) - 1 with r = P/entry.
    public func impermanentLoss(at price: Double, entry: Double) -> Double {
        let held = amounts(at: entry)
        let hold = held.base * price + held.quote
        guard hold > 0 else { return 0 }
        return value(at: price) / hold - 1
    }
}
