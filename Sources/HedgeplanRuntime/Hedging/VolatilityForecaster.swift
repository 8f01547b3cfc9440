import PlanFormat
import Pricing

/// The runtime side of `VolatilityAdapter`: a volatility forecast updated on every tick from
/// log returns, annualised by the time between ticks, and the band scale it implies.
struct VolatilityForecaster: Sendable {
    let adapter: VolatilityAdapter
    /// Annualised variance of the forecast.
    private(set) var annualVariance: Double
    private var lastPrice: Double?
    private var lastTime: Int64?
    /// The causal regime filter (forward recursion only) of a `regime` forecast.
    private var regimeFilter: RegimeFilter?

    init(adapter: VolatilityAdapter) {
        self.adapter = adapter
        annualVariance = adapter.referenceVolatility * adapter.referenceVolatility
        if adapter.model == .regime, let regime = adapter.regime {
            let k = regime.variances.count
            // The filter starts from the chain's stationary distribution (its default prior).
            let model = GaussianHiddenMarkovModel(
                initial: Array(repeating: 1 / Double(k), count: k), transition: regime.transition, means: regime.means,
                variances: regime.variances)
            regimeFilter = RegimeFilter(model)
        }
    }

    var volatility: Double { annualVariance.squareRoot() }

    /// Adds a tick. EWMA decays per observation; GARCH steps per observation of the fitted
    /// spacing, with the return rescaled to it, so irregular feeds forecast consistently.
    /// A regime forecast filters the return (rescaled to the fitted step the same way) and
    /// forecasts the variance of the next step's return under the predicted regime mix,
    /// Σ p_k (σ_k² + μ_k²) − (Σ p_k μ_k)²: only returns seen so far enter it.
    mutating func update(price: Double, time: Int64) {
        defer { lastPrice = price; lastTime = time }
        guard let previous = lastPrice, let t0 = lastTime, time > t0, previous > 0 else { return }
        let r = ElementaryFunctions.log(price / previous)
        let dtYears = Double(time - t0) / RunContext.msPerYear
        if regimeFilter != nil, let regime = adapter.regime, let step = adapter.fittedStepSeconds {
            let stepYears = Double(step) * 1000 / RunContext.msPerYear
            // Updated in place: a copy of the filter would copy its arrays on every tick.
            regimeFilter!.update(with: r * (stepYears / dtYears).squareRoot())
            var second = 0.0, first = 0.0
            for (k, p) in regimeFilter!.predicted.enumerated() {
                second += p * (regime.variances[k] + regime.means[k] * regime.means[k])
                first += p * regime.means[k]
            }
            annualVariance = max(second - first * first, 0) / stepYears
        } else if adapter.model == .garch, let omega = adapter.omega, let alpha = adapter.alpha, let beta = adapter.beta,
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
