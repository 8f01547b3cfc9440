import Foundation

/// The Bayesian information criterion (Schwarz 1978): −2 log L + p ln n. Lower is better;
/// the p ln n term charges each free parameter, so a richer model must earn its parameters.
public enum InformationCriterion {
    public static func bic(logLikelihood: Double, parameters: Int, observations: Int) -> Double {
        -2 * logLikelihood + Double(parameters) * log(Double(max(1, observations)))
    }
}

/// Log-likelihood and BIC of a volatility model on a series of log returns. The models
/// compared with the regime model are scored on the same returns with the same density (the
/// full Gaussian, 2π constant included, natural log), so the figures compare directly.
public struct VolatilityModelScore: Sendable, Hashable {
    public let logLikelihood: Double
    /// Free parameters fitted to the data.
    public let parameters: Int
    public let observations: Int

    public init(logLikelihood: Double, parameters: Int, observations: Int) {
        self.logLikelihood = logLikelihood
        self.parameters = parameters
        self.observations = observations
    }

    public var bic: Double { InformationCriterion.bic(logLikelihood: logLikelihood, parameters: parameters, observations: observations) }

    /// Constant volatility: i.i.d. normal returns at their maximum-likelihood mean and
    /// variance (the sample mean and the sample variance with divisor n). Two parameters.
    public static func constantVolatility(_ returns: [Double]) -> VolatilityModelScore {
        let n = Double(returns.count)
        let mean = returns.reduce(0, +) / n
        let variance = returns.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        // At the MLE, Σ(r − m)² / v = n, so log L = −n/2 (ln(2π v) + 1).
        return VolatilityModelScore(logLikelihood: -0.5 * n * (log(2 * Double.pi * variance) + 1), parameters: 2, observations: returns.count)
    }

    /// GARCH(1,1) fitted by `GARCH11.fit` (zero mean, variance targeting), scored with the
    /// 2π constant that `GARCH11.logLikelihood` leaves out. Three parameters (ω, α, β): the
    /// variance target fixes ω from the sample variance, but that is still a value estimated
    /// from the data, so it is counted.
    public static func garch(_ returns: [Double]) throws(GARCH11.FitError) -> (model: GARCH11, score: VolatilityModelScore) {
        let model = try GARCH11.fit(returns)
        let logLikelihood = model.logLikelihood(returns) - 0.5 * Double(returns.count) * log(2 * Double.pi)
        return (model, VolatilityModelScore(logLikelihood: logLikelihood, parameters: 3, observations: returns.count))
    }
}
