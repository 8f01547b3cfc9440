import Foundation
import Testing
import Pricing
import HedgeplanTestSupport

/// The regime model on synthetic data with known regimes, against closed forms and brute
/// force, and the filter's causality.
struct RegimeModelTests {
    /// A two-state chain: calm (0.4% per step) 75% of the time, turbulent (1.2%) 25%.
    static let truth = GaussianHiddenMarkovModel(
        initial: [0.75, 0.25], transition: [[0.99, 0.01], [0.03, 0.97]], means: [0.0001, -0.0003], variances: [0.004 * 0.004, 0.012 * 0.012])

    /// Simulates `model` with a seeded generator: the hidden states and the returns.
    static func simulate(_ model: GaussianHiddenMarkovModel, count: Int, seed: UInt64) -> (states: [Int], returns: [Double]) {
        var rng = SeededGenerator(seed: seed)
        func uniform() -> Double { (Double(rng.next() >> 11) + 0.5) * 0x1p-53 }
        func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
        func draw(_ p: [Double]) -> Int {
            let u = uniform()
            var c = 0.0
            for (k, q) in p.enumerated() {
                c += q
                if u < c { return k }
            }
            return p.count - 1
        }
        var state = draw(model.initial)
        var states: [Int] = []
        var returns: [Double] = []
        for _ in 0..<count {
            states.append(state)
            returns.append(model.means[state] + model.variances[state].squareRoot() * normal())
            state = draw(model.transition[state])
        }
        return (states, returns)
    }

    @Test func recoversKnownRegimesWithinSamplingError() throws {
        let (states, returns) = Self.simulate(Self.truth, count: 40_000, seed: 7)
        let fit = try BaumWelch.fit(returns, states: 2)
        #expect(fit.converged)
        let m = fit.model
        // Sampling error with the states known (the fit does not know them, so allow 4 standard errors):
        // a variance from n draws has relative standard error √(2/n), a volatility half that;
        // a transition probability p from n visits has standard error √(p(1 − p)/n).
        let visits = (0..<2).map { k in Double(states.dropLast().filter { $0 == k }.count) }
        for k in 0..<2 {
            let vol = m.variances[k].squareRoot(), trueVol = Self.truth.variances[k].squareRoot()
            let tolerance = 4 * trueVol * (0.5 / visits[k]).squareRoot()
            #expect(abs(vol - trueVol) < tolerance, "state \(k): vol \(vol) vs \(trueVol) ± \(tolerance)")
            let p = Self.truth.transition[k][1 - k]
            let pTolerance = 4 * (p * (1 - p) / visits[k]).squareRoot()
            #expect(abs(m.transition[k][1 - k] - p) < pTolerance, "leaving state \(k): \(m.transition[k][1 - k]) vs \(p) ± \(pTolerance)")
        }
        // The maximum-likelihood fit explains the data at least as well as the true parameters.
        #expect(fit.logLikelihood >= Self.truth.logLikelihood(returns))
        #expect(abs(fit.logLikelihood - m.logLikelihood(returns)) < 1e-6 * abs(fit.logLikelihood))
    }

    @Test func fitIsDeterministicAndSortsStatesByVolatility() throws {
        let (_, returns) = Self.simulate(Self.truth, count: 5_000, seed: 11)
        let a = try BaumWelch.fit(returns, states: 3)
        let b = try BaumWelch.fit(returns, states: 3)
        #expect(a == b)
        #expect(a.model.variances == a.model.variances.sorted())
        #expect(a.startLogLikelihoods.count == 10)
        #expect(a.model.parameterCount == 14)
        #expect(abs(a.bic - (-2 * a.logLikelihood + 14 * log(5_000.0))) < 1e-9 * abs(a.bic))
    }

    /// The forward recursion's likelihood against the sum over every hidden path (2^10 of them).
    @Test func likelihoodMatchesBruteForceOverAllPaths() {
        let m = GaussianHiddenMarkovModel(
            initial: [0.3, 0.7], transition: [[0.9, 0.1], [0.2, 0.8]], means: [0.001, -0.002], variances: [1e-4, 9e-4])
        let x = [0.01, -0.02, 0.003, 0.05, -0.04, 0.0, 0.012, -0.007, 0.3, -0.001]
        func density(_ r: Double, _ k: Int) -> Double {
            exp(-0.5 * (r - m.means[k]) * (r - m.means[k]) / m.variances[k]) / (2 * Double.pi * m.variances[k]).squareRoot()
        }
        var total = 0.0
        for path in 0..<(1 << x.count) {
            var p = 1.0
            for t in 0..<x.count {
                let k = (path >> t) & 1
                p *= (t == 0 ? m.initial[k] : m.transition[(path >> (t - 1)) & 1][k]) * density(x[t], k)
            }
            total += p
        }
        #expect(abs(m.logLikelihood(x) - log(total)) < 1e-10 * abs(log(total)))
    }

    @Test func stationaryDistributionAndDurationsMatchClosedForms() {
        let m = Self.truth
        // Two states: π_0 = a_10 / (a_01 + a_10).
        #expect(abs(m.stationaryDistribution[0] - 0.03 / 0.04) < 1e-12)
        #expect(abs(m.expectedDurationSteps[0] - 100) < 1e-9)
        #expect(abs(m.expectedDurationSteps[1] - 1 / 0.03) < 1e-9)
        let three = GaussianHiddenMarkovModel(
            initial: [1, 0, 0], transition: [[0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0.0, 0.3, 0.7]], means: [0, 0, 0], variances: [1, 2, 3])
        let pi = three.stationaryDistribution
        for j in 0..<3 {
            let next = (0..<3).reduce(0) { $0 + pi[$1] * three.transition[$1][j] }
            #expect(abs(next - pi[j]) < 1e-12)
        }
        #expect(abs(pi.reduce(0, +) - 1) < 1e-12)
    }

    /// Filtered values depend only on returns up to their own time.
    @Test func filterIsCausal() throws {
        let (_, returns) = Self.simulate(Self.truth, count: 2_000, seed: 3)
        let m = try BaumWelch.fit(returns, states: 2).model
        let full = m.filteredProbabilities(returns)
        let prefix = m.filteredProbabilities(Array(returns.prefix(700)))
        for k in 0..<2 { #expect(Array(full[k].prefix(700)) == prefix[k]) }
        // One return at a time gives the same values as the batch recursion.
        var filter = RegimeFilter(m, prior: m.initial)
        for (t, r) in returns.enumerated() {
            filter.update(with: r)
            if t % 97 == 0 { #expect(filter.probabilities == [full[0][t], full[1][t]]) }
        }
        #expect(filter.observations == returns.count)
        // Changing a later return leaves every earlier filtered value alone.
        var changed = returns
        changed[1_500] = 0.2
        let after = m.filteredProbabilities(changed)
        #expect(Array(after[1].prefix(1_500)) == Array(full[1].prefix(1_500)))
        #expect(after[1][1_500] > 0.99)
    }

    @Test func constantVolatilityScoreIsTheGaussianLikelihoodAtTheSampleMoments() {
        let (_, returns) = Self.simulate(Self.truth, count: 1_000, seed: 5)
        let n = Double(returns.count)
        let mean = returns.reduce(0, +) / n
        let variance = returns.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n
        let direct = returns.map { -0.5 * log(2 * Double.pi * variance) - 0.5 * ($0 - mean) * ($0 - mean) / variance }.reduce(0, +)
        let score = VolatilityModelScore.constantVolatility(returns)
        #expect(abs(score.logLikelihood - direct) < 1e-9 * abs(direct))
        #expect(abs(score.bic - (-2 * direct + 2 * log(n))) < 1e-9 * abs(score.bic))
    }

    @Test func garchScoreIncludesTheGaussianConstant() throws {
        let (_, returns) = Self.simulate(Self.truth, count: 2_000, seed: 9)
        let (model, score) = try VolatilityModelScore.garch(returns)
        var variance = returns.map { $0 * $0 }.reduce(0, +) / Double(returns.count)
        var direct = 0.0
        for r in returns {
            direct += -0.5 * log(2 * Double.pi * variance) - 0.5 * r * r / variance
            variance = model.omega + model.alpha * r * r + model.beta * variance
        }
        #expect(abs(score.logLikelihood - direct) < 1e-9 * abs(direct))
        #expect(score.parameters == 3)
    }

    @Test func regimeSwitchingBeatsConstantVolatilityOnRegimeData() throws {
        let (_, returns) = Self.simulate(Self.truth, count: 10_000, seed: 13)
        let analysis = try RegimeAnalysis(returns: returns, stepSeconds: 3600, states: 2)
        #expect(analysis.fit.bic < analysis.constant.bic)
        // Annualised: per-step sd × √8760 for hourly steps; stays in hours = 1 / (1 − a_ii).
        let m = analysis.model
        #expect(abs(analysis.states[1].volatility - (m.variances[1] * 8760).squareRoot()) < 1e-12)
        #expect(abs(analysis.states[0].durationHours - 1 / (1 - m.transition[0][0])) < 1e-9)
        #expect(abs(analysis.current.reduce(0, +) - 1) < 1e-12)
    }

    @Test func rejectsBadInput() {
        let (_, returns) = Self.simulate(Self.truth, count: 500, seed: 1)
        #expect(throws: RegimeFitError.unsupportedStateCount(4)) { try BaumWelch.fit(returns, states: 4) }
        #expect(throws: RegimeFitError.tooFewReturns(found: 99, needed: 100, states: 2)) { try BaumWelch.fit(Array(returns.prefix(99)), states: 2) }
        #expect(throws: RegimeFitError.tooFewReturns(found: 139, needed: 140, states: 3)) { try BaumWelch.fit(Array(returns.prefix(139)), states: 3) }
        var bad = returns
        bad[42] = .nan
        #expect(throws: RegimeFitError.nonFiniteReturn(index: 42)) { try BaumWelch.fit(bad, states: 2) }
        #expect(throws: RegimeFitError.noVariation) { try BaumWelch.fit([Double](repeating: 0.001, count: 200), states: 2) }
    }

    /// Many equal returns (a stale feed) would let a state's variance shrink to zero and the
    /// likelihood grow without bound; the floor keeps the fit finite.
    @Test func varianceFloorKeepsAStaleFeedFinite() throws {
        var (_, returns) = Self.simulate(Self.truth, count: 3_000, seed: 17)
        for t in stride(from: 0, to: 3_000, by: 3) { returns[t] = 0 }
        let fit = try BaumWelch.fit(returns, states: 3)
        #expect(fit.logLikelihood.isFinite)
        let mean = returns.reduce(0, +) / 3_000
        let sampleVariance = returns.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3_000
        #expect(fit.model.variances[0] >= 1e-4 * sampleVariance * (1 - 1e-9))
    }
}
