import Foundation

/// The causal regime filter: takes one log return at a time and keeps P(state | returns so
/// far) (the Hamilton filter, i.e. the normalised forward recursion of a hidden Markov model).
/// It never looks ahead, so a runtime can use it tick by tick: a decision taken after return
/// t is the same whether or not later returns exist.
public struct RegimeFilter: Sendable, Hashable {
    public let model: GaussianHiddenMarkovModel
    /// P(state k | returns so far), after the last `update`; before any update, the prior.
    public private(set) var probabilities: [Double]
    /// P(state k at the next return | returns so far): `probabilities` moved one step by the chain.
    public private(set) var predicted: [Double]
    /// Returns seen so far.
    public private(set) var observations = 0

    private let logNormalisers: [Double]
    private let inverseVariances: [Double]

    /// A filter whose first return is drawn from `prior` (default: the model's stationary
    /// distribution, the right belief about a chain that has been running for a long time).
    public init(_ model: GaussianHiddenMarkovModel, prior: [Double]? = nil) {
        self.model = model
        let start = prior ?? model.stationaryDistribution
        precondition(start.count == model.stateCount, "one prior probability per state")
        probabilities = start
        predicted = start
        logNormalisers = model.variances.map { -0.5 * log(2 * Double.pi * $0) }
        inverseVariances = model.variances.map { 1 / $0 }
    }

    /// Takes the next log return; returns its log predictive density log p(r | returns before),
    /// whose sum over a series is the series' log-likelihood.
    @discardableResult
    public mutating func update(with r: Double) -> Double {
        let k = model.stateCount
        // Densities relative to the largest, so that a return far in every state's tail
        // (a crash against a calm regime) does not underflow them all to zero. Two passes
        // instead of a scratch array: no allocation per tick.
        func logDensity(_ s: Int) -> Double {
            let d = r - model.means[s]
            return logNormalisers[s] - 0.5 * d * d * inverseVariances[s]
        }
        var shift = -Double.infinity
        for s in 0..<k { shift = max(shift, logDensity(s)) }
        var total = 0.0
        for s in 0..<k {
            probabilities[s] = predicted[s] * exp(logDensity(s) - shift)
            total += probabilities[s]
        }
        guard total > 0, total.isFinite else {
            // No state can have produced r (a non-finite return): keep the prediction.
            probabilities = predicted
            return -.infinity
        }
        for s in 0..<k { probabilities[s] /= total }
        for j in 0..<k {
            var p = 0.0
            for i in 0..<k { p += probabilities[i] * model.transition[i][j] }
            predicted[j] = p
        }
        observations += 1
        return log(total) + shift
    }
}
