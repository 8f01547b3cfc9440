import HedgeplanIR
import Pricing

/// The cost of one delta-hedge trade as a strategy declares it, in the one cost model
/// (`HedgeTradeCost`) that lint, the compiler and the runtime share: the cheapest fee among
/// the venues that offer the hedge instrument, plus one trade's gas for pool hedges (perps
/// pay none).
public struct DeclaredHedgeCost: Sendable {
    public var cost: HedgeTradeCost
    /// Declared gas that is left out of `cost` because its native token is neither BASE nor
    /// QUOTE, so nothing here prices it (lint says so).
    public var unpricedGas: GasCost?

    /// Nil when the strategy does not hedge. `spot` prices gas paid in BASE.
    public init?(_ strategy: Strategy, spot: Double) {
        guard let hedge = strategy.hedge else { return nil }
        let instrument = hedge.instrument.value
        let fee = Self.cheapestFee(instrument, venues: strategy.execution?.venues ?? []) ?? 0
        let gasSpec = instrument == .perp ? nil : strategy.execution?.gas
        let gas = gasSpec.flatMap { Self.gasInQuote($0, spot: spot, underlying: strategy.underlying.value) }
        cost = HedgeTradeCost(feeRate: fee, gasPerTrade: gas ?? 0, hedgesOnPerp: instrument == .perp)
        unpricedGas = gas == nil ? gasSpec : nil
    }

    /// One trade's gas in QUOTE: gwei x 1e-9 x gas units x the native token's price (spot
    /// when it is BASE, which it is when `native` is not given; 1 when QUOTE). Nil for any
    /// other token, which has no price here.
    public static func gasInQuote(_ gas: GasCost, spot: Double, underlying: Underlying) -> Double? {
        let native = gas.native.value.isEmpty ? underlying.base : gas.native.value
        let nativePrice: Double
        switch native.uppercased() {
        case underlying.base.uppercased(): nativePrice = spot
        case underlying.quote.uppercased(): nativePrice = 1
        default: return nil
        }
        return gas.price.value.gwei * 1e-9 * gas.perTrade.value * nativePrice
    }

    /// The fee fraction of the cheapest venue that offers `instrument`; nil when none does.
    public static func cheapestFee(_ instrument: HedgeInstrument, venues: [Venue]) -> Double? {
        venues.filter { venue in
            switch (instrument, venue.kind) {
            case (.perp, .perp), (.spot, .constantProduct), (.spot, .concentratedLiquidity): return true
            default: return false
            }
        }.map(\.fee.value).min()
    }
}
