import HedgeplanTime
import Foundation

/// A regime model fitted to a price history, in the units a user reads (annualised, hours),
/// next to GARCH(1,1) and constant volatility scored on the same returns: what `hedgeplan
/// regimes` prints.
public struct RegimeAnalysis: Sendable {
    /// One state of the fitted model.
    public struct State: Sendable, Hashable {
        /// Annualised volatility: per-step standard deviation × √(steps per year).
        public let volatility: Double
        /// Annualised drift of the log price: per-step mean × steps per year.
        public let mean: Double
        /// Stationary probability: the long-run share of time in this state.
        public let probability: Double
        /// Expected stay once entered, in hours: step / (1 − a_ii).
        public let durationHours: Double
    }

    public let observations: Int
    public let stepSeconds: Double
    /// Sorted by volatility, lowest first.
    public let states: [State]
    public let fit: BaumWelch.Fit
    public let garch: VolatilityModelScore
    public let constant: VolatilityModelScore
    /// Filtered probabilities, `filtered[k][t]` = P(state k at return t | returns up to t).
    public let filtered: [[Double]]

    public var model: GaussianHiddenMarkovModel { fit.model }
    /// Filtered probability of each state at the last return.
    public var current: [Double] { filtered.map { $0.last ?? 0 } }

    /// A year is 365 days, as in the strategy language (`1y = 365d`): crypto trades every day.
    public static let secondsPerYear = YearLength.secondsValue

    /// Log returns of consecutive prices (natural log of each price over the one before).
    public static func logReturns(_ prices: [Double]) -> [Double] {
        guard prices.count > 1 else { return [] }
        return (1..<prices.count).map { log(prices[$0] / prices[$0 - 1]) }
    }

    /// Fits `states` regimes to `returns`, observed every `stepSeconds`.
    public init(returns: [Double], stepSeconds: Double, states: Int, options: BaumWelch.Options = .init()) throws(RegimeFitError) {
        let fit = try BaumWelch.fit(returns, states: states, options: options)
        let garch: VolatilityModelScore
        do {
            garch = try VolatilityModelScore.garch(returns).score
        } catch {
            // BaumWelch.fit has already required at least 100 finite, varying returns.
            throw .noVariation
        }
        let stepsPerYear = Self.secondsPerYear / stepSeconds
        let stationary = fit.model.stationaryDistribution
        let durations = fit.model.expectedDurationSteps
        self.observations = returns.count
        self.stepSeconds = stepSeconds
        self.fit = fit
        self.garch = garch
        self.constant = .constantVolatility(returns)
        self.states = (0..<fit.model.stateCount).map { k in
            State(volatility: (fit.model.variances[k] * stepsPerYear).squareRoot(), mean: fit.model.means[k] * stepsPerYear,
                  probability: stationary[k], durationHours: durations[k] * stepSeconds / 3600)
        }
        self.filtered = fit.model.filteredProbabilities(returns)
    }
}
