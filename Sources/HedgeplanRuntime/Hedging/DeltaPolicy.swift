import Foundation
import HedgePlan

/// Decides on every tick whether the delta hedge trades, and how much, from the plan's
/// trigger and adapters.
struct DeltaPolicy: Sendable {
    let program: DeltaProgram
    var forecaster: VolatilityForecaster?
    /// When the last rebalance happened, ms since epoch.
    var lastRebalance: Int64?

    init(program: DeltaProgram) {
        self.program = program
        forecaster = program.volatilityAdapter.map(VolatilityForecaster.init)
    }

    /// Multiplier on the band from the gas adapter: max(1, (cost / reference)^(1/3)), capped.
    func gasScale(gasGwei: Double?, spot: Double, nativePrice: Double, band: Double) -> Double {
        guard let adapter = program.gasAdapter, let gwei = gasGwei, adapter.referenceCost > 0 else { return 1 }
        let cost = gwei * 1e-9 * adapter.gasPerTrade * nativePrice + adapter.feeRate * band * spot
        return min(adapter.maxScale, max(1, cbrt(cost / adapter.referenceCost)))
    }

    struct Decision: Equatable {
        /// BASE to trade (positive buys); 0 for none.
        var trade: Double
        /// The band half-width in force, BASE (nil for a pure interval trigger).
        var halfWidth: Double?
        var reason: String
    }

    /// `netDelta` includes the hedge position; `gamma` is the book's (BASE per QUOTE).
    mutating func decide(
        netDelta: Double, gamma: Double, spot: Double, now: Int64, yearsToExpiry: Double, rate: Double,
        gasGwei: Double?, nativePrice: Double
    ) -> Decision {
        let trigger = program.trigger
        let error = netDelta - program.target
        let volScale = forecaster?.bandScale ?? 1
        var halfWidth: Double?
        switch trigger.kind {
        case "whalley-wilmott":
            let base = cbrt(1.5 * exp(-rate * yearsToExpiry) * (trigger.costRate ?? 0) * spot * gamma * gamma / (trigger.riskAversion ?? 1))
            halfWidth = base
        default:
            halfWidth = trigger.halfWidth
        }
        if let h = halfWidth {
            halfWidth = h * volScale * gasScale(gasGwei: gasGwei, spot: spot, nativePrice: nativePrice, band: h)
        }
        let intervalDue: Bool = {
            guard let seconds = trigger.intervalSeconds else { return false }
            guard let last = lastRebalance else { return true }
            return now - last >= seconds * 1000
        }()
        let outside = halfWidth.map { abs(error) > $0 } ?? false
        switch trigger.kind {
        case "band" where outside, "hybrid" where outside:
            return Decision(trade: -error, halfWidth: halfWidth, reason: "band")
        case "whalley-wilmott" where outside:
            // Back to the nearer edge of the no-transaction band, not to its centre.
            let h = halfWidth ?? 0
            return Decision(trade: -(error - (error > 0 ? h : -h)), halfWidth: halfWidth, reason: "whalley-wilmott")
        case "interval" where intervalDue, "hybrid" where intervalDue:
            return Decision(trade: abs(error) > 1e-12 ? -error : 0, halfWidth: halfWidth, reason: "interval")
        default:
            return Decision(trade: 0, halfWidth: halfWidth, reason: "")
        }
    }
}
