import Foundation

/// GARCH(1,1) (Bollerslev 1986): σ²ₜ = ω + α r²ₜ₋₁ + β σ²ₜ₋₁ for per-observation log
/// returns with mean zero. Stationary when α + β < 1, with long-run variance ω / (1 − α − β).
public struct GARCH11: Sendable, Hashable {
    public let omega: Double
    public let alpha: Double
    public let beta: Double

    public init(omega: Double, alpha: Double, beta: Double) {
        self.omega = omega
        self.alpha = alpha
        self.beta = beta
    }

    /// Per-observation long-run variance.
    public var longRunVariance: Double { omega / max(1e-12, 1 - alpha - beta) }

    /// The next variance after observing return `r` with current variance `variance`.
    @inlinable
    public func nextVariance(after r: Double, variance: Double) -> Double {
        omega + alpha * r * r + beta * variance
    }

    /// Gaussian log-likelihood (up to a constant) of `returns`, starting from their sample variance.
    public func logLikelihood(_ returns: [Double]) -> Double {
        Self.logLikelihood(returns, omega: omega, alpha: alpha, beta: beta, initial: Self.sampleVariance(returns))
    }

    static func logLikelihood(_ returns: [Double], omega: Double, alpha: Double, beta: Double, initial: Double) -> Double {
        var variance = initial
        var total = 0.0
        for r in returns {
            total -= 0.5 * (log(variance) + r * r / variance)
            variance = omega + alpha * r * r + beta * variance
        }
        return total
    }

    static func sampleVariance(_ returns: [Double]) -> Double {
        guard !returns.isEmpty else { return 0 }
        return returns.reduce(0) { $0 + $1 * $1 } / Double(returns.count)
    }

    public enum FitError: Error, Equatable, CustomStringConvertible {
        case tooFewReturns(Int)
        case noVariation

        public var description: String {
            switch self {
            case .tooFewReturns(let n): return "GARCH(1,1) needs at least 100 returns to fit, found \(n)"
            case .noVariation: return "the returns do not vary; no volatility model fits them"
            }
        }
    }

    /// Maximum-likelihood fit with variance targeting (ω = v̄ (1 − α − β), v̄ the sample
    /// variance), which leaves two parameters: persistence p = α + β in (0, 0.9999) and the
    /// share s = α / p. Nelder-Mead over logit(p), logit(s) from a coarse grid's best point.
    public static func fit(_ returns: [Double]) throws(FitError) -> GARCH11 {
        guard returns.count >= 100 else { throw .tooFewReturns(returns.count) }
        let v = sampleVariance(returns)
        guard v > 0, v.isFinite else { throw .noVariation }
        func params(_ x: (Double, Double)) -> (Double, Double, Double) {
            let p = 0.9999 / (1 + exp(-x.0))
            let s = 1 / (1 + exp(-x.1))
            return (v * (1 - p), s * p, (1 - s) * p)
        }
        func objective(_ x: (Double, Double)) -> Double {
            let (w, a, b) = params(x)
            return -logLikelihood(returns, omega: w, alpha: a, beta: b, initial: v)
        }
        func logit(_ y: Double) -> Double { log(y / (1 - y)) }
        var best = (logit(0.9 / 0.9999), logit(0.1))
        var bestValue = objective(best)
        for p in [0.5, 0.8, 0.9, 0.95, 0.98, 0.995] {
            for s in [0.02, 0.05, 0.1, 0.2, 0.4] {
                let x = (logit(p / 0.9999), logit(s))
                let value = objective(x)
                if value < bestValue { (best, bestValue) = (x, value) }
            }
        }
        let x = NelderMead.minimize(objective, from: best, step: 0.5, tolerance: 1e-9, maxIterations: 400)
        let (w, a, b) = params(x)
        return GARCH11(omega: w, alpha: a, beta: b)
    }
}

/// Nelder-Mead simplex minimisation in two dimensions (Nelder and Mead 1965), with the
/// standard coefficients. Small and derivative-free: enough for a two-parameter likelihood.
enum NelderMead {
    static func minimize(
        _ f: ((Double, Double)) -> Double, from start: (Double, Double), step: Double, tolerance: Double, maxIterations: Int
    ) -> (Double, Double) {
        var simplex = [start, (start.0 + step, start.1), (start.0, start.1 + step)]
        var values = simplex.map(f)
        for _ in 0..<maxIterations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if abs(values[2] - values[0]) <= tolerance * (abs(values[0]) + tolerance) { break }
            let centroid = ((simplex[0].0 + simplex[1].0) / 2, (simplex[0].1 + simplex[1].1) / 2)
            func toward(_ t: Double) -> (Double, Double) {
                (centroid.0 + t * (simplex[2].0 - centroid.0), centroid.1 + t * (simplex[2].1 - centroid.1))
            }
            let reflected = toward(-1)
            let fr = f(reflected)
            if fr < values[0] {
                let expanded = toward(-2)
                let fe = f(expanded)
                (simplex[2], values[2]) = fe < fr ? (expanded, fe) : (reflected, fr)
            } else if fr < values[1] {
                (simplex[2], values[2]) = (reflected, fr)
            } else {
                let contracted = fr < values[2] ? toward(-0.5) : toward(0.5)
                let fc = f(contracted)
                if fc < min(fr, values[2]) {
                    (simplex[2], values[2]) = (contracted, fc)
                } else {
                    for i in 1...2 {
                        simplex[i] = ((simplex[0].0 + simplex[i].0) / 2, (simplex[0].1 + simplex[i].1) / 2)
                        values[i] = f(simplex[i])
                    }
                }
            }
        }
        return simplex[values.indices.min { values[$0] < values[$1] }!]
    }
}
