import HedgePlan
import Pricing

/// The runtime side of `VolatilityAdapter`: a volatility forecast updated on every tick from
/// log returns, annualised by the time between ticks, and the band scale it implies.
struct VolatilityForecaster: Sendable {
    let adapter: VolatilityAdapter
    /// Annualised variance of the forecast.
    private(set) var annualVariance: Double
    private var lastPrice: Double?
    private var lastTime: Int64?


    init(adapter: VolatilityAdapter) {
        self.adapter = adapter
        annualVariance = adapter.referenceVolatility * adapter.referenceVolatility
    }

    var volatility: Double { annualVariance.squareRoot() }

    /// Adds a tick. EWMA decays per observation; GARCH steps per observation of the fitted
    /// spacing, with the return rescaled to it, so irregular feeds forecast consistently.
    mutating func update(price: Double, time: Int64) {
        defer { lastPrice = price; lastTime = time }
        guard let previous = lastPrice, let t0 = lastTime, time > t0, previous > 0 else { return }
        let r = ElementaryFunctions.log(price / previous)
        let dtYears = Double(time - t0) / RunContext.msPerYear
        if adapter.model == .garch, let omega = adapter.omega, let alpha = adapter.alpha, let beta = adapter.beta,
            let step = adapter.fittedStepSeconds
        {
            let stepYears = Double(step) * 1000 / RunContext.msPerYear
            let perStepVariance = annualVariance * stepYears
            let scaledReturnSquared = r * r * stepYears / dtYears
            let next = omega + alpha * scaledReturnSquared + beta * perStepVariance
            annualVariance = next / stepYears
        } else {
            let decay = adapter.decay ?? 0.94
            annualVariance = decay * annualVariance + (1 - decay) * r * r / dtYears
        }
    }

    /// Band multiplier: reference / forecast, clamped.
    var bandScale: Double {
        let v = volatility
        guard v > 0 else { return adapter.maxScale }
        return min(adapter.maxScale, max(adapter.minScale, adapter.referenceVolatility / v))
    }
}
