/// A regime-switching price path: a Markov chain of volatility regimes (a Gaussian hidden
/// Markov model of log returns, as `hedgeplan regimes` fits one) stepped one return at a
/// time. At each step the chain moves from state i to j with probability
/// `transition[i][j]`, then the log return is drawn from Normal(`means[j]`, `variances[j]`)
/// (per step of `parameters.step`). The first state is drawn from the chain's stationary
/// distribution, so a path starts as the chain would be found after running a long time.
///
/// Seeded and machine-independent like `GBMPath` (xoshiro256**, `PortableMath`).
public struct RegimePath: ComputedTickSource, Sendable {
    public let parameters: PathParameters
    public let regimes: RegimeParameters
    /// The current state (for tests).
    public private(set) var state: Int
    private var sampler: NormalSampler
    private var index = 0
    private var logReturn = 0.0
    private let deviations: [Double]

    public init(_ parameters: PathParameters, regimes: RegimeParameters) {
        self.parameters = parameters
        self.regimes = regimes
        sampler = NormalSampler(seed: parameters.seed)
        deviations = regimes.variances.map { $0.squareRoot() }
        let stationary = regimes.stationaryDistribution
        state = Self.pick(stationary, sampler.uniformOpen())
    }

    public var count: Int { parameters.steps + 1 }

    public mutating func next() -> Tick? {
        guard index <= parameters.steps else { return nil }
        if index > 0 {
            state = Self.pick(regimes.transition[state], sampler.uniformOpen())
            logReturn += regimes.means[state] + deviations[state] * sampler.next()
        }
        let tick = parameters.tick(index, logReturn: logReturn)
        index += 1
        return tick
    }

    /// The first index whose cumulative probability exceeds u (the last one if rounding leaves u above the total).
    static func pick(_ probabilities: [Double], _ u: Double) -> Int {
        var cumulative = 0.0
        for (i, p) in probabilities.enumerated() {
            cumulative += p
            if u < cumulative { return i }
        }
        return probabilities.count - 1
    }

    public var notes: [String] {
        ["simulated regime-switching path: \(regimes.means.count) regimes, spot \(parameters.spot), \(count) ticks every \(TimestampFormatter.duration(parameters.step)) from \(TimestampFormatter.iso8601(parameters.start)), seed \(parameters.seed)"]
    }
}

/// A Gaussian hidden Markov model of per-step log returns, for `RegimePath`.
public struct RegimeParameters: Codable, Equatable, Sendable {
    public var means: [Double]
    public var variances: [Double]
    /// transition[i][j]: from state i to state j in one step; rows add up to 1.
    public var transition: [[Double]]

    public init(means: [Double], variances: [Double], transition: [[Double]]) {
        self.means = means
        self.variances = variances
        self.transition = transition
    }

    /// π with π P = π, by power iteration from the uniform distribution (the chain is
    /// irreducible and aperiodic for any fitted model: every entry is positive).
    public var stationaryDistribution: [Double] {
        let k = means.count
        var p = [Double](repeating: 1 / Double(k), count: k)
        for _ in 0..<10_000 {
            var next = [Double](repeating: 0, count: k)
            for i in 0..<k { for j in 0..<k { next[j] += p[i] * transition[i][j] } }
            let change = zip(p, next).reduce(0.0) { max($0, abs($1.0 - $1.1)) }
            p = next
            if change < 1e-15 { break }
        }
        let total = p.reduce(0, +)
        return p.map { $0 / total }
    }
}
