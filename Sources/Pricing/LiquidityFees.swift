/// Fee income of a liquidity position over one step of a feed, QUOTE.
///
/// A pool pays its fee tier on every swap to the liquidity active at the price, pro rata
/// to L (Uniswap v3 whitepaper, 6.3: fee growth per unit of liquidity). A position earns
/// only while the price is in its range (lower <= P < upper; a full-range position always).
/// Two sources, as a dry run has them:
/// - traded volume (BASE, the feed's `volume` column for the step): L / (L + L_other) x
///   volume x P x fee tier, where L_other is the rest of the pool's liquidity at P;
/// - a declared APR: the position's value x APR x the step in years.
public enum LiquidityFees {
    /// Whether the position earns fees at `price` (QUOTE per BASE).
    public static func isInRange(_ position: LiquidityPosition, at price: Double) -> Bool {
        price >= position.lower && price < position.upper
    }

    /// Fees from `volume` BASE traded at `price` through a pool of fee tier `feeRate` (a
    /// fraction) whose other liquidity at that price is `otherLiquidity` (L units).
    public static func fromVolume(
        _ position: LiquidityPosition, volume: Double, price: Double, feeRate: Double, otherLiquidity: Double
    ) -> Double {
        guard isInRange(position, at: price), volume > 0, position.liquidity > 0 else { return 0 }
        let share = position.liquidity / (position.liquidity + max(0, otherLiquidity))
        return share * volume * price * feeRate
    }

    /// Fees at `apr` (a fraction a year) on the position's value at `price` over `years`.
    public static func fromAPR(_ position: LiquidityPosition, apr: Double, price: Double, years: Double) -> Double {
        guard isInRange(position, at: price), years > 0 else { return 0 }
        return position.value(at: price) * apr * years
    }
}
