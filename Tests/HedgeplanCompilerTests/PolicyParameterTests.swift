import Foundation
import HedgeplanTestSupport
import PlanFormat
import HedgeplanChecker
import HedgeplanIR
import Pricing
import Testing
@testable import HedgeplanCompiler

/// Each policy's parameters against values worked out independently (Python, by hand).
struct PolicyParameterTests {
    /// H = (3/2 · e^{-rτ} · λ · S · Γ² / γ)^{1/3}, computed in Python:
    /// (1.5*exp(-0.04*7/365)*0.0005*3000*0.0121**2/1)**(1/3) = 0.06904624004332255 and
    /// (1.5*exp(-0.05*30/365)*0.001*90000*0.002**2/2)**(1/3) = 0.06454456290410403.
    @Test(arguments: [
        (0.0121, 3000.0, 0.0005, 1.0, 0.04, 7.0 / 365, 0.06904624004332255),
        (0.002, 90_000.0, 0.001, 2.0, 0.05, 30.0 / 365, 0.06454456290410403),
    ])
    func whalleyWilmottHalfWidth(gamma: Double, spot: Double, cost: Double, aversion: Double, rate: Double, tau: Double, expected: Double) {
        let h = WhalleyWilmott.halfWidth(gamma: gamma, spot: spot, costRate: cost, riskAversion: aversion, rate: rate, yearsToExpiry: tau)
        #expect(abs(h - expected) < 1e-15)
    }

    @Test func whalleyWilmottInThePlanUsesTheBookAndTheCheapestVenue() throws {
        // The short straddle hedges on its perp (fee 0.05%) with risk aversion from the file.
        let plan = try #require(Fixtures.compile("eth-short-straddle-hedged.yaml").plan)
        let trigger = try #require(plan.hedge?.delta?.trigger)
        #expect(trigger.kind == .whalleyWilmott)
        let cost = try #require(trigger.costRate)
        let aversion = try #require(trigger.riskAversion)
        let expected = WhalleyWilmott.halfWidth(
            gamma: plan.inception.gamma, spot: plan.market.spot, costRate: cost, riskAversion: aversion,
            rate: plan.market.rate, yearsToExpiry: 14.0 / 365)
        #expect(cost == 0.0005)
        #expect(trigger.inceptionHalfWidth == expected)
    }

    /// One cost model (issue 10, item 8): a whalley-wilmott hedge on a pool pays gas on every
    /// trade, so λ = fee + gas / (H S) at the width H it sizes, the fixed point lint suggests.
    /// Independent numbers (Python, scipy):
    ///
    ///     d1 = (log(S/K) + (r + sigma**2/2) T) / (sigma sqrt(T)); S = K = 3000, sigma 0.6, r 0.04, T = 14/365
    ///     Gamma = -40 norm.pdf(d1) / (S sigma sqrt(T))         # -0.045150252909425856
    ///     gas = 25e-9 * 150000 * 3000                           # 11.25 USDC a pool trade
    ///     H = lambda lam: (1.5 exp(-r T) lam S Gamma**2)**(1/3)
    ///     brentq(lambda b: H(0.0005 + gas/(b S)) - b, 1e-6, 10)  # 0.436634695519219
    ///     lambda = 0.0005 + gas/(0.436634695519219 * 3000)     # 0.009088415072102164
    ///
    /// Before, the plan carried λ = 0.05% (the fee alone) and H = 0.16607 ETH, a band whose
    /// every trade pays 11.25 USDC of gas on 498 USDC of notional.
    @Test func whalleyWilmottOnAPoolCountsGasAsLintDoes() throws {
        let text = """
            hedgeplan: 1
            name: ww-pool
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60%, rate: 4% }
            structure:
              straddle: { side: short, quantity: 20, strike: atm, expiry: 14d }
            hedge:
              instrument: spot
              delta: { target: 0, trigger: whalley-wilmott, risk_aversion: 1 }
            execution:
              venues:
                - { name: pool, kind: constant-product, reserves: { base: 100000, quote: 300000000 }, fee: 0.05% }
              gas: { price: 25 gwei, per_trade: 150000, native: ETH }
            """
        let trigger = try #require(try Self.compile(text).hedge?.delta?.trigger)
        #expect(abs(try #require(trigger.inceptionHalfWidth) - 0.436634695519219) < 1e-9)
        #expect(abs(try #require(trigger.costRate) - 0.009088415072102164) < 1e-11)

        // The same hedge on a perp pays no gas: λ is the fee, H the textbook 0.16606528659823885.
        let perp = text.replacingOccurrences(of: "instrument: spot", with: "instrument: perp")
            .replacingOccurrences(of: "    - { name: pool", with: "    - { name: perp, kind: perp, fee: 0.05% }\n    - { name: pool")
        let perpTrigger = try #require(try Self.compile(perp).hedge?.delta?.trigger)
        #expect(perpTrigger.costRate == 0.0005)
        #expect(abs(try #require(perpTrigger.inceptionHalfWidth) - 0.16606528659823885) < 1e-9)
    }

    /// A pool hedge whose gas exceeds the optimal band's notional cannot pay for itself: the
    /// compiler says so at the trigger instead of writing a cost rate above 100%.
    @Test func whalleyWilmottRefusesGasAboveTheTradeItPaysFor() throws {
        let text = """
            hedgeplan: 1
            name: ww-pool-dear
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60%, rate: 4% }
            structure:
              straddle: { side: short, quantity: 0.0001, strike: atm, expiry: 14d }
            hedge:
              instrument: spot
              delta: { target: 0, trigger: whalley-wilmott }
            execution:
              venues:
                - { name: pool, kind: constant-product, reserves: { base: 100000, quote: 300000000 }, fee: 0.05% }
              gas: { price: 25 gwei, per_trade: 150000, native: ETH }
            """
        let loaded = StrategyLoader.load(text: text, path: "ww.yaml", now: Fixtures.now)
        let strategy = try #require(loaded.strategy)
        let analysis = try #require(Checker.check(strategy).analysis)
        let input = CompileInput(strategy: strategy, analysis: analysis, sourcePath: "ww.yaml", sourceBytes: Data(text.utf8))
        guard case .failure(let failure) = PlanCompiler.compile(input) else {
            Issue.record("a cost rate above 100% compiled")
            return
        }
        let error = try #require(failure.diagnostics.first)
        #expect(error.message.contains("one trade's gas (11.25 USDC)"), "\(error.message)")
        #expect(error.location.line == 9)
    }

    static func compile(_ text: String) throws -> HedgingPlan {
        let loaded = StrategyLoader.load(text: text, path: "ww.yaml", now: Fixtures.now)
        let strategy = try #require(loaded.strategy, "\(loaded.diagnostics.map(\.message))")
        let checked = Checker.check(strategy)
        let analysis = try #require(checked.analysis)
        let input = CompileInput(strategy: strategy, analysis: analysis, sourcePath: "ww.yaml", sourceBytes: Data(text.utf8))
        switch PlanCompiler.compile(input) {
        case .success(let plan): return plan
        case .failure(let failure):
            Issue.record("\(failure.diagnostics.map(\.message))")
            throw failure
        }
    }

    /// σ² after returns 0.01, -0.02, 0.005 from 0.0004 with λ = 0.94, by hand:
    /// 0.94·0.0004 + 0.06·0.0001 = 0.000382; 0.94·0.000382 + 0.06·0.0004 = 0.00038308;
    /// 0.94·0.00038308 + 0.06·0.000025 = 0.0003615952.
    @Test func ewmaUpdates() {
        var ewma = EWMAVolatility(decay: 0.94, initialVariance: 0.0004)
        for r in [0.01, -0.02, 0.005] { ewma.update(logReturn: r) }
        #expect(abs(ewma.variance - 0.0003615952) < 1e-18)
        #expect(abs(ewma.annualized(observationsPerYear: 365) - (0.0003615952 * 365).squareRoot()) < 1e-15)
    }

    /// A GARCH(1,1) path simulated with known parameters: the fit recovers them.
    @Test func garchFitRecoversSimulatedParameters() throws {
        var state: UInt64 = 7
        func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return (Double((z ^ (z >> 31)) >> 11) + 0.5) / Double(1 << 53)
        }
        let (omega, alpha, beta) = (2e-6, 0.08, 0.9)
        var variance = omega / (1 - alpha - beta)
        var returns: [Double] = []
        for _ in 0..<20_000 {
            let z = (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform())
            let r = variance.squareRoot() * z
            returns.append(r)
            variance = omega + alpha * r * r + beta * variance
        }
        let fit = try GARCH11.fit(returns)
        #expect(abs(fit.alpha - alpha) < 0.02, "alpha \(fit.alpha)")
        #expect(abs(fit.beta - beta) < 0.03, "beta \(fit.beta)")
        #expect(abs(fit.longRunVariance / (omega / (1 - alpha - beta)) - 1) < 0.15)
        // The fit is a maximum: nudging the parameters lowers the likelihood.
        let best = fit.logLikelihood(returns)
        #expect(GARCH11(omega: fit.omega, alpha: fit.alpha + 0.02, beta: fit.beta - 0.02).logLikelihood(returns) < best)
        #expect(GARCH11(omega: fit.omega, alpha: fit.alpha - 0.02, beta: fit.beta + 0.01).logLikelihood(returns) < best)
    }

    @Test func garchNeedsEnoughReturns() {
        #expect(throws: GARCH11.FitError.tooFewReturns(3)) { try GARCH11.fit([0.01, 0.02, -0.01]) }
    }

    @Test func garchPlanIsFittedOnTheBundledHistory() throws {
        let plan = try #require(Fixtures.compile("eth-lp-hedge-univ3.yaml").plan)
        let adapter = try #require(plan.hedge?.delta?.volatilityAdapter)
        #expect(adapter.model == .garch)
        let (a, b) = (try #require(adapter.alpha), try #require(adapter.beta))
        #expect(a > 0 && b > 0 && a + b < 1)
        #expect(adapter.fittedStepSeconds == 3_600)
    }
}

/// Changes that do not change meaning (comments, key order, spacing, flow or block style)
/// do not change the plan, apart from the recorded hash of the source bytes.
struct IrrelevantChangeTests {
    static let original = """
        hedgeplan: 1
        name: condor
        underlying: ETH/USDC
        market: { as_of: 2026-11-27T08:00:00Z, spot: 3000, volatility: 65%, rate: 4% }
        structure:
          iron-condor: { quantity: 10, puts: [2500, 2700], calls: [3300, 3500], expiry: 7d }
        hedge:
          instrument: perp
          delta: { trigger: band, band: 0.5 }
        execution:
          venues: [{ name: perp, kind: perp, fee: 0.05%, funding: 10% }]
        """

    static let reformatted = """
        # The same strategy, written differently.
        name: condor            # keys in another order
        hedgeplan: 1
        execution:
            venues:
              - name: perp
                kind: perp
                funding: 0.10
                fee: "0.05%"
        underlying: "ETH/USDC"
        structure:
            iron-condor:
                expiry: 7d
                quantity: 10.0
                calls: [ 3300, 3500 ]
                puts:  [ 2500, 2700 ]
        hedge: { delta: { band: 0.5, trigger: band }, instrument: perp }
        market:
            rate: 0.04
            volatility: 0.65
            spot: 3000
            as_of: "2026-11-27T08:00:00Z"
        """

    @Test func onlyTheSourceHashDiffers() throws {
        let folder = try ScratchFolder.make("hedgeplan-irrelevant")
        defer { try? FileManager.default.removeItem(at: folder) }
        var plans: [HedgingPlan] = []
        for (index, text) in [Self.original, Self.reformatted].enumerated() {
            let path = folder.appendingPathComponent("s\(index).yaml").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let compiled = PlanCompiler.compile(path: path, now: Fixtures.now)
            plans.append(try #require(compiled.plan, "\(compiled.diagnostics.map(\.message))"))
        }
        #expect(plans[0].source.sha256 != plans[1].source.sha256)
        for index in plans.indices { plans[index].source = SourceInfo(path: "s.yaml", sha256: "") }
        #expect(PlanCoding.encode(plans[0]) == PlanCoding.encode(plans[1]))
    }
}
