import Pricing

/// The structure's non-option legs: spot and perp (linear in spot), dated futures, and
/// liquidity positions (valued with the pool formula).
struct LinearBook: Sendable {
    struct Linear: Sendable {
        var id: String
        /// BASE, signed.
        var quantity: Double
        /// QUOTE per BASE at opening (the forward for futures).
        var entry: Double
        /// Futures only: expiry, ms since epoch.
        var expiry: Int64?
        var isPerp: Bool
    }

    struct Liquidity: Sendable {
        var id: String
        var position: LiquidityPosition
        var capital: Double
    }

    var linear: [Linear] = []
    var liquidity: [Liquidity] = []

    /// Value against entry (QUOTE) and delta (BASE) at `spot`; futures marked at the forward.
    func valuate(spot: Double, now: Int64, rate: Double) -> (value: Double, delta: Double, gamma: Double) {
        var value = 0.0, delta = 0.0, gamma = 0.0
        for leg in linear {
            if let expiry = leg.expiry {
                let growth = ElementaryFunctions.exp(rate * max(0, Double(expiry - now)) / (365.0 * 86_400_000))
                value += leg.quantity * (spot * growth - leg.entry)
                delta += leg.quantity * growth
            } else {
                value += leg.quantity * (spot - leg.entry)
                delta += leg.quantity
            }
        }
        for pool in liquidity {
            value += pool.position.value(at: spot) - pool.capital
            delta += pool.position.delta(at: spot)
            gamma += pool.position.gamma(at: spot)
        }
        return (value, delta, gamma)
    }

    /// Perp legs of the structure, BASE, for funding.
    var perpQuantity: Double { linear.filter(\.isPerp).reduce(0) { $0 + $1.quantity } }
}
