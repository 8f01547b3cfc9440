import Foundation

/// Why a regime model could not be fitted.
public enum RegimeFitError: Error, Equatable, CustomStringConvertible {
    case unsupportedStateCount(Int)
    case tooFewReturns(found: Int, needed: Int, states: Int)
    case nonFiniteReturn(index: Int)
    case noVariation

    public var description: String {
        switch self {
        case .unsupportedStateCount(let k):
            return "a regime model has 2 or 3 states, not \(k)"
        case .tooFewReturns(let found, let needed, let states):
            return "a \(states)-state regime model needs at least \(needed) returns, found \(found)"
        case .nonFiniteReturn(let index):
            return "return \(index + 1) is not a finite number (a zero or negative price?)"
        case .noVariation:
            return "the returns do not vary; no volatility model fits them"
        }
    }
}

/// Maximum-likelihood fitting of a Gaussian hidden Markov model by expectation-maximisation
/// (Baum-Welch; Baum et al. 1970, Rabiner 1989) from several deterministic starts.
///
/// Every start first runs a short burn-in (`burnInIterations`); the start with the highest
/// log-likelihood then continues until it converges: EM stops when one iteration improves
/// the log-likelihood by no more than `relativeTolerance` × |log-likelihood| (1e-9: about
/// 1e-4 nats on a year of hourly returns), or after `maxIterations` iterations, in which case
/// `Fit.converged` is false. Short runs then one long run ("short-run EM", Biernacki, Celeux
/// and Govaert 2003) spend the time on the start that matters: ten iterations are enough to
/// tell the starts heading for the best maximum from the others (on the bundled ETH and BTC
/// histories, 2 and 3 states, a 10-iteration and a 30-iteration burn-in end at the same
/// maximum, that of the best of 10 hmmlearn fits), and they cost a third of running every
/// start to convergence. Returns are centred on their sample mean
/// while fitting (the sums of squares then lose no digits) and the means shifted back.
public enum BaumWelch {
    public struct Options: Sendable, Hashable {
        /// Starting points (the first from local-variance quantiles, the rest perturbations of it).
        public var starts: Int
        /// Seed of the perturbations: the same returns and options always give the same fit.
        public var seed: UInt64
        /// Iterations every start runs before the best one is continued.
        public var burnInIterations: Int
        public var relativeTolerance: Double
        public var maxIterations: Int
        /// Smallest state variance, as a fraction of the sample variance (1e-4: a state's
        /// volatility is at least 1% of the overall one), so that no state collapses onto a
        /// few equal returns, where the likelihood is unbounded.
        public var varianceFloorRatio: Double

        public init(starts: Int = 10, seed: UInt64 = 20_261_130, burnInIterations: Int = 10,
                    relativeTolerance: Double = 1e-9, maxIterations: Int = 5_000, varianceFloorRatio: Double = 1e-4) {
            self.starts = max(1, starts)
            self.seed = seed
            self.burnInIterations = max(1, burnInIterations)
            self.relativeTolerance = relativeTolerance
            self.maxIterations = max(1, maxIterations)
            self.varianceFloorRatio = varianceFloorRatio
        }
    }

    /// A fitted model and how the fit went.
    public struct Fit: Sendable, Hashable {
        /// States sorted by variance, lowest first.
        public let model: GaussianHiddenMarkovModel
        /// Natural log, full Gaussian density.
        public let logLikelihood: Double
        public let observations: Int
        /// EM iterations of the winning start (burn-in included).
        public let iterations: Int
        /// False when the winning start hit `maxIterations` before the tolerance.
        public let converged: Bool
        /// Log-likelihood of every start after its burn-in, in start order.
        public let startLogLikelihoods: [Double]

        /// Bayesian information criterion, −2 log L + p ln n, with p = `model.parameterCount`.
        public var bic: Double { InformationCriterion.bic(logLikelihood: logLikelihood, parameters: model.parameterCount, observations: observations) }
    }

    /// Fewest returns accepted for K states: 100 (as for GARCH(1,1)) and at least ten per free parameter.
    public static func minimumReturns(states: Int) -> Int { max(100, 10 * (states * states + 2 * states - 1)) }

    public static func fit(_ returns: [Double], states: Int, options: Options = .init()) throws(RegimeFitError) -> Fit {
        guard (2...3).contains(states) else { throw .unsupportedStateCount(states) }
        let needed = minimumReturns(states: states)
        guard returns.count >= needed else { throw .tooFewReturns(found: returns.count, needed: needed, states: states) }
        if let bad = returns.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteReturn(index: bad) }
        let n = Double(returns.count)
        let centre = returns.reduce(0, +) / n
        let centred = returns.map { $0 - centre }
        let sampleVariance = centred.reduce(0) { $0 + $1 * $1 } / n
        // Equal returns give a centred variance of rounding noise, not zero: test them as such.
        guard sampleVariance > 0, sampleVariance.isFinite, returns.contains(where: { $0 != returns[0] }) else { throw .noVariation }
        let floor = options.varianceFloorRatio * sampleVariance

        let iteration = BaumWelchIteration(returns: centred, states: states, varianceFloor: floor)
        var candidates = RegimeStartingPoints.make(
            centredReturns: centred, states: states, count: options.starts, seed: options.seed, varianceFloor: floor)
        var runs = [(logLikelihood: Double, iterations: Int, converged: Bool)]()
        for index in candidates.indices {
            runs.append(run(iteration, &candidates[index], limit: min(options.burnInIterations, options.maxIterations), tolerance: options.relativeTolerance))
        }
        let startLogLikelihoods = runs.map(\.logLikelihood)
        let best = runs.indices.max { runs[$0].logLikelihood < runs[$1].logLikelihood }!
        var winner = candidates[best]
        var outcome = runs[best]
        if !outcome.converged && options.maxIterations > outcome.iterations {
            let more = run(iteration, &winner, limit: options.maxIterations - outcome.iterations, tolerance: options.relativeTolerance)
            outcome = (more.logLikelihood, outcome.iterations + more.iterations, more.converged)
        }
        let logLikelihood = iteration.logLikelihood(winner)
        return Fit(
            model: sortedModel(winner, shiftingMeansBy: centre), logLikelihood: logLikelihood, observations: returns.count,
            iterations: outcome.iterations, converged: outcome.converged, startLogLikelihoods: startLogLikelihoods)
    }

    /// EM from `parameters` for at most `limit` iterations; the log-likelihood returned is
    /// that of the parameters left in `parameters`.
    private static func run(
        _ iteration: BaumWelchIteration, _ parameters: inout HiddenMarkovParameters, limit: Int, tolerance: Double
    ) -> (logLikelihood: Double, iterations: Int, converged: Bool) {
        var previous = -Double.infinity
        for done in 0..<limit {
            // `current` is the likelihood of the parameters before this update (a failed
            // step leaves them alone); the update itself never lowers it.
            let current = iteration.step(&parameters)
            guard current.isFinite else { return (previous, done, true) }
            if previous.isFinite && current - previous <= tolerance * abs(current) {
                return (iteration.logLikelihood(parameters), done + 1, true)
            }
            previous = current
        }
        return (iteration.logLikelihood(parameters), limit, false)
    }

    private static func sortedModel(_ p: HiddenMarkovParameters, shiftingMeansBy centre: Double) -> GaussianHiddenMarkovModel {
        let k = p.stateCount
        let order = (0..<k).sorted { p.variances[$0] < p.variances[$1] }
        return GaussianHiddenMarkovModel(
            initial: order.map { p.initial[$0] },
            transition: order.map { i in order.map { j in p.transition[i * k + j] } },
            means: order.map { p.means[$0] + centre },
            variances: order.map { p.variances[$0] })
    }
}
