/// A venue's `sizeAtMarginalPrice` for one side, as a plain value: what the venue's state
/// contributes (reserves, the in-range liquidity and tick ladder, a perp's threshold) is read
/// and converted once, then `size(at:)` is pure floating point.
///
/// Why it exists: `Router.allocate` bisects the common marginal price some 45 times per venue
/// subset and asks every venue of the subset for its size at each step. Through
/// `any HedgeVenue` each ask copied the venue's existential (a retain and a release) and
/// converted its 256-bit state to `Double` again; with the curves taken once per route, a step
/// is a few floating-point operations per venue. The venues' own `sizeAtMarginalPrice` call
/// the same `size(at:)`, so the router and a direct call agree bit for bit.
public enum MarginalSizeCurve: Sendable {
    /// Nothing at a marginal price better than `threshold`, unlimited at it or beyond (a perp:
    /// mark·(1+fee) to buy, mark·(1-fee) to sell).
    case flat(TradeSide, threshold: Double)
    /// x·y = k (`ConstantProductPool`): reserves in BASE and QUOTE, `keep` = 1 - fee.
    case constantProduct(TradeSide, reserveBase: Double, invariant: Double, keep: Double)
    /// A concentrated pool's walk over its initialized ticks.
    case concentrated(ConcentratedWalk)
    /// Any other venue: asks it.
    case venue(TradeSide, any HedgeVenue)

    /// BASE tradable with the marginal price, fee included, no worse than `price` (QUOTE per
    /// BASE).
    public func size(at price: Double) -> Double {
        switch self {
        case let .flat(side, threshold):
            switch side {
            case .buy: return price >= threshold ? .infinity : 0
            case .sell: return price <= threshold ? .infinity : 0
            }
        case let .constantProduct(side, x, k, keep):
            guard price > 0 else { return side == .buy ? 0 : .infinity }
            switch side {
            case .buy: return max(0, x - (k / (price * keep)).squareRoot())
            case .sell: return max(0, ((k * keep / price).squareRoot() - x) / keep)
            }
        case let .concentrated(walk):
            return walk.size(at: price)
        case let .venue(side, venue):
            return venue.sizeAtMarginalPrice(side, price)
        }
    }
}

/// `ConcentratedLiquidityPool.sizeAtMarginalPrice` with the pool's state read once: BASE
/// between the current price and the pool price at which the marginal price (fee included)
/// reaches the asked one — P·(1-f) for a buy (fee on the QUOTE paid), P/(1-f) for a sell
/// (fee on the BASE sold). Each range holds L·(1/sqrt(Pa) - 1/sqrt(Pb)) of token0 (raw).
public struct ConcentratedWalk: Sendable {
    let side: TradeSide
    /// 1 - fee.
    let keep: Double
    /// QUOTE per BASE per raw price unit: 10^(baseDecimals - quoteDecimals).
    let rawScale: Double
    /// 10^baseDecimals: raw token0 per BASE.
    let baseScale: Double
    /// The pool's sqrt price (raw, not Q96) and in-range liquidity (raw).
    let currentSqrt: Double
    let liquidity: Double
    let ladder: TickLadder
    /// First rung above the pool's tick.
    let firstAbove: Int

    func size(at price: Double) -> Double {
        guard price > 0, price.isFinite else { return side == .buy ? (price > 0 ? .infinity : 0) : (price <= 0 ? .infinity : 0) }
        let targetRaw = (side == .buy ? price * keep : price / keep) / rawScale
        let targetSqrt = targetRaw.squareRoot()
        let rungs = ladder.rungs
        var index = firstAbove
        var liquidity = liquidity
        var sqrtPrice = currentSqrt
        var token0 = 0.0
        if side == .buy {
            guard targetSqrt > currentSqrt else { return 0 }
            while index < rungs.count {
                let tickSqrt = rungs[index].sqrtPrice
                if tickSqrt >= targetSqrt { break }
                token0 += liquidity * (1 / sqrtPrice - 1 / tickSqrt)
                sqrtPrice = tickSqrt
                liquidity += rungs[index].liquidityNet
                index += 1
            }
            token0 += liquidity * (1 / sqrtPrice - 1 / targetSqrt)
        } else {
            guard targetSqrt < currentSqrt else { return 0 }
            while index > 0 {
                index -= 1
                let tickSqrt = rungs[index].sqrtPrice
                if tickSqrt <= targetSqrt { break }
                token0 += liquidity * (1 / tickSqrt - 1 / sqrtPrice)
                sqrtPrice = tickSqrt
                liquidity -= rungs[index].liquidityNet
            }
            token0 += liquidity * (1 / targetSqrt - 1 / sqrtPrice)
            token0 /= keep  // gross BASE in: the fee is taken from it
        }
        return max(0, token0) / baseScale
    }
}
