import Foundation
import PlanFormat
import Pricing

/// Decides on every tick whether the delta hedge trades, and how much, from the plan's
/// trigger and adapters.
struct DeltaPolicy: Sendable {
    let program: DeltaProgram
    /// The trigger's parameters, unpacked once.
    let kind: TriggerRule.Kind
    let target: Double
    let halfWidth: Double?
    let intervalMs: Int64?
    let costRate: Double
    let riskAversion: Double
    /// `program.gasAdapter != nil`, kept apart: testing the optional on every tick copied
    /// the adapter out (its token name a string, retained and released).
    let adaptsToGas: Bool
    /// `forecaster != nil`, for the same reason.
    let adaptsToVolatility: Bool
    var forecaster: VolatilityForecaster?
    /// Gamma scalping, when the plan asks for it.
    var scalper: GammaScalper?
    /// When the last rebalance happened, ms since epoch.
    var lastRebalance: Int64?

    init(program: DeltaProgram, scalper: GammaScalper? = nil) {
        self.scalper = scalper
        self.program = program
        kind = program.trigger.kind
        target = program.target
        halfWidth = program.trigger.halfWidth
        intervalMs = program.trigger.intervalSeconds.map { $0 * 1000 }
        costRate = program.trigger.costRate ?? 0
        // Validated plans carry it for whalley-wilmott; the band formula's guard covers the rest.
        riskAversion = program.trigger.riskAversion ?? 0
        adaptsToGas = program.gasAdapter != nil
        forecaster = program.volatilityAdapter.map(VolatilityForecaster.init)
        adaptsToVolatility = program.volatilityAdapter != nil
    }

    /// Multiplier on the band from the gas adapter: max(1, (cost / reference)^(1/3)), capped.
    func gasScale(gasGwei: Double?, spot: Double, nativePrice: Double, band: Double) -> Double {
        guard let adapter = program.gasAdapter, let gwei = gasGwei, adapter.referenceCost > 0 else { return 1 }
        let cost = gwei * 1e-9 * adapter.gasPerTrade * nativePrice + adapter.feeRate * band * spot
        return min(adapter.maxScale, max(1, cbrt(cost / adapter.referenceCost)))
    }

    /// BASE to trade now (positive buys; 0 for none). `netDelta` includes the hedge
    /// position; `gamma` is the book's (BASE per QUOTE). `yearsToExpiry` is read by the
    /// Whalley-Wilmott trigger alone and `gasPerTrade` (QUOTE) by the gamma scalper alone.
    mutating func decide(
        netDelta: Double, gamma: Double, spot: Double, now: Int64, yearsToExpiry: Double, rate: Double,
        gasGwei: Double?, nativePrice: Double, gasPerTrade: Double = 0
    ) -> Double {
        let error = netDelta - target
        if let scalper, abs(error) > 1e-12, scalper.wantsRebalance(gamma: gamma, spot: spot, gasPerTrade: gasPerTrade) {
            return -error
        }
        var width: Double?
        if kind == .whalleyWilmott {
            width = WhalleyWilmott.halfWidth(
                gamma: gamma, spot: spot, costRate: costRate, riskAversion: riskAversion, rate: rate, yearsToExpiry: yearsToExpiry)
        } else {
            width = halfWidth
        }
        if let h = width {
            let volScale = adaptsToVolatility ? forecaster?.bandScale ?? 1 : 1
            width = h * volScale * (adaptsToGas ? gasScale(gasGwei: gasGwei, spot: spot, nativePrice: nativePrice, band: h) : 1)
        }
        let intervalDue: Bool
        if let interval = intervalMs {
            intervalDue = lastRebalance.map { now - $0 >= interval } ?? true
        } else {
            intervalDue = false
        }
        let outside = width.map { abs(error) > $0 } ?? false
        switch kind {
        case .band where outside, .hybrid where outside:
            return -error
        case .whalleyWilmott where outside:
            // Back to the nearer edge of the no-transaction band, not to its centre.
            let h = width ?? 0
            return -(error - (error > 0 ? h : -h))
        case .interval where intervalDue, .hybrid where intervalDue:
            return abs(error) > 1e-12 ? -error : 0
        default:
            return 0
        }
    }
}
