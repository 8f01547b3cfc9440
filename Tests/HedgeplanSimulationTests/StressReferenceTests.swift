import Feeds
import Foundation
import PlanFormat
import HedgeplanCompiler
import Testing
@testable import HedgeplanSimulation

/// `stress` against references that do not come from Hedgeplan: closed-form expectations,
/// the Boyle-Emanuel / Kamal-Derman hedging-error law and an independent numpy simulation.
struct StressReferenceTests {
    /// Unhedged: a short call sold for a declared 250 USDC and held 30 days has mean P&L
    /// 250 − E[(S_T − 3200)+]; under GBM with drift mu, ln S_T ~ N(ln S0 + (mu − σ²/2)T, σ²T).
    @Test func unhedgedShortCallUnderGBMHasTheClosedFormMean() throws {
        let plan = try SimulationFixtures.plan("short-call-held")
        let drift = 0.10, vol = 0.6, T = 30.0 / 365
        let settings = SimulationFixtures.settings(plan, paths: 4_000, horizonMs: 30 * SimulationFixtures.day,
                                                   stepMs: SimulationFixtures.day, volatility: vol, drift: drift, seed: 11)
        let outcomes = try StressRunner(plan: plan, settings: settings).run(paths: Array(0..<4_000), threads: 2)
        let summary = StressSummary(header: StressHeader(plan: plan, settings: settings), outcomes: outcomes)
        let expected = 250 - SimulationFixtures.expectedCallPayoff(
            meanLog: log(3000) + (drift - vol * vol / 2) * T, varianceLog: vol * vol * T, strike: 3200)
        #expect(abs(summary.unhedged.mean - expected) < 3 * summary.unhedged.stderr,
                "mean \(summary.unhedged.mean) ± \(summary.unhedged.stderr), closed form \(expected)")
        // No hedge: the plan as compiled and the structure held are the same run.
        #expect(summary.hedged == summary.unhedged)
        #expect(summary.unhedged.max <= 250 + 1e-9)
    }

    /// The same under Merton jumps (6 a year, log-mean −8%, log-vol 12%), drift 0: given n
    /// jumps, ln S_T is normal with mean ln S0 − (σ²/2 + λk)T + n m and variance σ²T + n δ²;
    /// the expectation is the Poisson mixture.
    @Test func unhedgedShortCallUnderMertonHasThePoissonMixtureMean() throws {
        let plan = try SimulationFixtures.plan("short-call-held-merton")
        let jumps = JumpParameters(intensity: 6, meanLogJump: -0.08, jumpVolatility: 0.12)
        let vol = 0.6, T = 30.0 / 365
        let settings = SimulationFixtures.settings(plan, paths: 4_000, model: .merton(jumps), horizonMs: 30 * SimulationFixtures.day,
                                                   stepMs: SimulationFixtures.day, volatility: vol, drift: 0, seed: 5)
        let outcomes = try StressRunner(plan: plan, settings: settings).run(paths: Array(0..<4_000), threads: 2)
        let summary = StressSummary(header: StressHeader(plan: plan, settings: settings), outcomes: outcomes)
        let k = exp(jumps.meanLogJump + jumps.jumpVolatility * jumps.jumpVolatility / 2) - 1
        let lambdaT = jumps.intensity * T
        var payoff = 0.0, weight = exp(-lambdaT)
        for n in 0..<60 {
            if n > 0 { weight *= lambdaT / Double(n) }
            let m = log(3000) - (vol * vol / 2 + jumps.intensity * k) * T + Double(n) * jumps.meanLogJump
            let v = vol * vol * T + Double(n) * jumps.jumpVolatility * jumps.jumpVolatility
            payoff += weight * SimulationFixtures.expectedCallPayoff(meanLog: m, varianceLog: v, strike: 3200)
        }
        #expect(abs(summary.unhedged.mean - (250 - payoff)) < 3 * summary.unhedged.stderr,
                "mean \(summary.unhedged.mean) ± \(summary.unhedged.stderr), Poisson mixture \(250 - payoff)")
    }

    /// Discrete delta hedging of an at-the-money call at N equal steps: the hedged P&L's
    /// standard deviation is sqrt(π/4) σ vega / sqrt(N) to leading order (Boyle and Emanuel
    /// 1980; Kamal and Derman 1999), vega = S φ(d1) sqrt(T) per unit of volatility.
    @Test(arguments: [(52, "atm-call-weekly-hedge", Int64(7) * 86_400_000, 3_000), (252, "atm-call-daily-hedge", Int64(124_800_000), 2_000)])
    func hedgingErrorFollowsBoyleEmanuel(steps: Int, fixture: String, stepMs: Int64, paths: Int) throws {
        let plan = try SimulationFixtures.plan(fixture)
        let vol = 0.5, T = 364.0 / 365, spot = 3000.0
        let settings = SimulationFixtures.settings(plan, paths: paths, horizonMs: 364 * SimulationFixtures.day, stepMs: stepMs, seed: 3)
        let outcomes = try StressRunner(plan: plan, settings: settings).run(paths: Array(0..<paths), threads: 2)
        let summary = StressSummary(header: StressHeader(plan: plan, settings: settings), outcomes: outcomes)
        let d1 = 0.5 * vol * T.squareRoot()
        let vega = spot * exp(-d1 * d1 / 2) / (2 * Double.pi).squareRoot() * T.squareRoot()
        let law = (Double.pi / 4).squareRoot() * vol * vega / Double(steps).squareRoot()
        #expect(abs(summary.hedged.std / law - 1) < 0.05, "std \(summary.hedged.std) against sqrt(pi/4) sigma vega / sqrt(N) = \(law)")
        // Nearly every step rebalances (not when the delta is already at its target: an
        // option deep in or out of the money near expiry).
        #expect(summary.hedgesMean >= 0.95 * Double(steps))
        // Hedging takes the unhedged spread (about the option's own) down to the law's size.
        #expect(summary.unhedged.std > 10 * summary.hedged.std)

        // An independent vectorised numpy simulation of the same hedger agrees within sampling error.
        let script = SimulationFixtures.root.appendingPathComponent("Benchmarks/peers/hedged_paths_numpy.py").path
        let (output, skipped) = try SimulationFixtures.python([script, "atm-call", "20000", String(steps), "3000", "0.5", String(T), "7"])
        if let skipped {
            try #require(ProcessInfo.processInfo.environment["CI"] == nil, "CI installs numpy and scipy: \(skipped)")
            print("skipping the numpy comparison: \(skipped)")
            return
        }
        let peer = try JSONSerialization.jsonObject(with: Data(try #require(output).utf8)) as! [String: Any]
        let peerStd = try #require(peer["std"] as? Double)
        // Standard error of a sample std ≈ std / sqrt(2n), for each side.
        let error = (summary.hedged.std * summary.hedged.std / Double(2 * paths) + peerStd * peerStd / 40_000).squareRoot()
        #expect(abs(summary.hedged.std - peerStd) < 3 * error, "hedgeplan \(summary.hedged.std), numpy \(peerStd) ± \(error)")
    }

    /// The benchmark's condor (Black-Scholes, band 1 ETH on a perp with a 0.05% fee, hourly
    /// for 7 days): its hedged P&L has the mean and spread of the numpy peer's, which
    /// prices, triggers and books the same hedger independently.
    @Test func bandHedgedCondorAgreesWithTheNumpyPeer() throws {
        let url = SimulationFixtures.root.appendingPathComponent("Benchmarks/strategies/eth-condor-weekly-bs.yaml")
        let compiled = PlanCompiler.compile(path: url.path, now: SimulationFixtures.now)
        let plan = try #require(compiled.plan, "\(compiled.diagnostics.map(\.message))")
        let paths = 1_500
        let settings = SimulationFixtures.settings(plan, paths: paths, horizonMs: 7 * SimulationFixtures.day, stepMs: 3_600_000,
                                                   drift: 0.04, seed: 21)
        let outcomes = try StressRunner(plan: plan, settings: settings).run(paths: Array(0..<paths), threads: 2)
        let summary = StressSummary(header: StressHeader(plan: plan, settings: settings), outcomes: outcomes)
        let script = SimulationFixtures.root.appendingPathComponent("Benchmarks/peers/hedged_paths_numpy.py").path
        let (output, skipped) = try SimulationFixtures.python([script, "condor", "20000", "5"])
        if let skipped {
            try #require(ProcessInfo.processInfo.environment["CI"] == nil, "CI installs numpy and scipy: \(skipped)")
            print("skipping the numpy comparison: \(skipped)")
            return
        }
        let peer = try JSONSerialization.jsonObject(with: Data(try #require(output).utf8)) as! [String: Any]
        let peerMean = try #require(peer["mean"] as? Double), peerStd = try #require(peer["std"] as? Double)
        let meanError = (summary.hedged.stderr * summary.hedged.stderr + peerStd * peerStd / 20_000).squareRoot()
        #expect(abs(summary.hedged.mean - peerMean) < 3 * meanError, "hedgeplan \(summary.hedged.mean), numpy \(peerMean) ± \(meanError)")
        let stdError = (summary.hedged.std * summary.hedged.std / Double(2 * paths) + peerStd * peerStd / 40_000).squareRoot()
        #expect(abs(summary.hedged.std - peerStd) < 3 * stdError, "hedgeplan \(summary.hedged.std), numpy \(peerStd) ± \(stdError)")
        // The fees are the hedge's cost: about 0.05% of the traded notional, always paid.
        #expect(summary.components.fees < 0)
    }
}
