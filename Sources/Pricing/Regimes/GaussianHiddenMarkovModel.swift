import Foundation

/// A Gaussian hidden Markov model of per-observation log returns (regime-switching volatility,
/// Hamilton 1989): a hidden state follows a Markov chain, and each return is drawn from the
/// normal distribution of the state it falls in.
///
/// Parameters are per observation (not annualised): `means[k]` and `variances[k]` are the
/// mean and variance of one step's log return in state k, `transition[i][j]` the probability
/// of moving from state i to state j in one step, and `initial[k]` the probability that the
/// first observation is in state k. `fit` returns states sorted by variance, lowest first.
public struct GaussianHiddenMarkovModel: Sendable, Hashable {
    public let initial: [Double]
    public let transition: [[Double]]
    public let means: [Double]
    public let variances: [Double]

    public init(initial: [Double], transition: [[Double]], means: [Double], variances: [Double]) {
        precondition(!initial.isEmpty && transition.count == initial.count && means.count == initial.count
            && variances.count == initial.count && transition.allSatisfy { $0.count == initial.count },
            "a hidden Markov model needs one initial probability, transition row, mean and variance per state")
        self.initial = initial
        self.transition = transition
        self.means = means
        self.variances = variances
    }

    public var stateCount: Int { initial.count }

    /// Free parameters, counted as hmmlearn's `GaussianHMM.bic` counts them (one-dimensional,
    /// diagonal covariance): K − 1 initial probabilities, K(K − 1) transition probabilities
    /// (each row sums to one), K means and K variances; K² + 2K − 1 in all (7 for two states,
    /// 14 for three).
    public var parameterCount: Int { stateCount * stateCount + 2 * stateCount - 1 }

    /// The distribution the chain settles into (π A = π, Σπ = 1): the long-run share of time
    /// spent in each state. Solved directly (Gaussian elimination), not by iterating, because
    /// persistent regimes (a_ii near one) make power iteration slow.
    public var stationaryDistribution: [Double] {
        let k = stateCount
        // Rows: (Aᵀ − I) π = 0 for the first k − 1 equations, Σπ = 1 for the last.
        var m = [[Double]](repeating: [Double](repeating: 0, count: k + 1), count: k)
        for row in 0..<(k - 1) {
            for col in 0..<k { m[row][col] = transition[col][row] - (row == col ? 1 : 0) }
        }
        for col in 0..<k { m[k - 1][col] = 1 }
        m[k - 1][k] = 1
        for pivot in 0..<k {
            let best = (pivot..<k).max { abs(m[$0][pivot]) < abs(m[$1][pivot]) }!
            m.swapAt(pivot, best)
            let p = m[pivot][pivot]
            guard abs(p) > 1e-300 else { return initial }
            for row in 0..<k where row != pivot {
                let factor = m[row][pivot] / p
                if factor != 0 { for col in pivot...k { m[row][col] -= factor * m[pivot][col] } }
            }
        }
        return (0..<k).map { max(0, m[$0][k] / m[$0][$0]) }
    }

    /// Expected number of consecutive steps spent in each state once entered: 1 / (1 − a_ii)
    /// (the stay is geometric). Infinite for an absorbing state.
    public var expectedDurationSteps: [Double] {
        (0..<stateCount).map { 1 / max(0, 1 - transition[$0][$0]) }
    }

    /// Log-likelihood of `returns` under this model (scaled forward recursion), natural log,
    /// with the full Gaussian density (the 2π constant included).
    public func logLikelihood(_ returns: [Double]) -> Double {
        var filter = RegimeFilter(self, prior: initial)
        var total = 0.0
        for r in returns { total += filter.update(with: r) }
        return total
    }

    /// Filtered probabilities P(state k at t | returns up to and including t), as one array
    /// per state (`result[k][t]`), starting from `initial`. Causal: the forward recursion
    /// alone, so appending returns never changes an earlier value.
    public func filteredProbabilities(_ returns: [Double]) -> [[Double]] {
        var result = [[Double]](repeating: [Double](repeating: 0, count: returns.count), count: stateCount)
        var filter = RegimeFilter(self, prior: initial)
        for (t, r) in returns.enumerated() {
            filter.update(with: r)
            for k in 0..<stateCount { result[k][t] = filter.probabilities[k] }
        }
        return result
    }

    /// Estimates a model from `returns` by expectation-maximisation (Baum-Welch) from several
    /// starts; see `BaumWelch`.
    public static func fit(
        _ returns: [Double], states: Int, options: BaumWelch.Options = .init()
    ) throws(RegimeFitError) -> BaumWelch.Fit {
        try BaumWelch.fit(returns, states: states, options: options)
    }
}
