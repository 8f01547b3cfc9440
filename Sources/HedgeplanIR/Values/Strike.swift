import HedgeplanFormatting

/// How a strike is given: an absolute price (QUOTE per BASE), a change relative to spot,
/// at the money, or by the call delta it should have. The last three are resolved against
/// the market when the strategy is priced, and kept as rules for rolls.
public enum Strike: Hashable, Sendable, CustomStringConvertible {
    case absolute(Double)
    /// Fractional change from spot: `+10%` is 0.10.
    case relative(Double)
    case atTheMoney
    /// Black-Scholes delta of the option at inception (positive for calls, negative for puts).
    case delta(Double)

    /// The strike as a multiple of spot, when that is known without pricing.
    public func moneyness(spot: Double?) -> Double? {
        switch self {
        case .absolute(let k): return spot.map { k / $0 }
        case .relative(let r): return 1 + r
        case .atTheMoney: return 1
        case .delta: return nil
        }
    }

    /// The absolute strike when it is known without pricing.
    public func level(spot: Double?) -> Double? {
        if case .absolute(let k) = self { return k }
        guard let spot, let m = moneyness(spot: spot) else { return nil }
        return spot * m
    }

    public var description: String {
        switch self {
        case .absolute(let k): return NumberFormat.asWritten(k)
        case .relative(let r): return (r >= 0 ? "+" : "") + NumberFormat.asWritten(r * 100) + "%"
        case .atTheMoney: return "atm"
        case .delta(let d): return "delta \(NumberFormat.asWritten(d))"
        }
    }

    /// Orders two strikes when both are known in the same terms: absolute levels, or
    /// moneyness (relative and atm); with a spot, any mix of those.
    public static func compare(_ a: Strike, _ b: Strike, spot: Double?) -> (Double, Double)? {
        if let x = a.level(spot: spot), let y = b.level(spot: spot) { return (x, y) }
        if let x = a.moneyness(spot: nil), let y = b.moneyness(spot: nil) { return (x, y) }
        return nil
    }
}

