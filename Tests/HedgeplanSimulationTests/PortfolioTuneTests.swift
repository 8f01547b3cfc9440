import Foundation
import HedgeplanCompiler
import HedgeplanIR
import PlanFormat
import Testing
@testable import HedgeplanSimulation

/// `tune PORTFOLIO --member`: the candidates replace one member line's policy on every copy,
/// the crowd keeps its own. Two independent checks: a lone copy with no shared venue is the
/// plan's own `tune` (another engine: the single-book interpreter, not the portfolio run);
/// and in a crowd, the member's own policy gives exactly what `stress PORTFOLIO` prints for it.
struct PortfolioTuneTests {
    static let straddle = SimulationFixtures.root.appendingPathComponent("Examples/portfolios/eth-short-straddle-perp.yaml").path

    /// The straddle member's strategy with each policy written in, compiled.
    static func candidates(_ policies: [String]) throws -> [(policy: HedgePolicy, plan: HedgingPlan)] {
        let text = try String(contentsOfFile: straddle, encoding: .utf8)
        return try policies.map { band in
            let policy = HedgePolicy([("trigger", .text("band")), ("band", .text(band))])
            let edited = try HedgeDeltaEdit.replacing(in: text, path: straddle, with: policy.flowText)
            let compiled = PlanCompiler.compile(text: edited, path: straddle, now: SimulationFixtures.now)
            return (policy, try #require(compiled.plan, "\(compiled.diagnostics.map(\.message))"))
        }
    }

    @Test func aLoneCopyWithoutSharedVenuesIsThePlansOwnTune() throws {
        let candidates = try Self.candidates(["1", "4"])
        let base = candidates[0].plan
        let setup = PortfolioSetup(
            name: "alone", members: [.init(name: "straddle", plan: base, copies: 1, collateral: 0)], venues: [], arbitrage: 0)
        let settings = SimulationFixtures.settings(
            base, paths: 24, horizonMs: 2 * SimulationFixtures.day, stepMs: 3_600_000, volatility: 0.9, seed: 5)
        let objective = try TuneObjective(parsing: "cost + 2*std")
        let crowd = PortfolioTuneRunner(setup: setup, member: 0, settings: settings, candidates: candidates)
        let portfolio = crowd.result(objective: objective, outcomes: try crowd.outcomes(threads: 2))
        let single = TuneRunner(settings: settings, candidates: candidates)
        let outcomes = try single.outcomes(paths: Array(0..<24), threads: 1)
        let header = StressHeader(plan: base, settings: settings)
        let plain = TuneRunner.result(
            header: header, objective: objective,
            candidates: zip(candidates, outcomes).map { (TuneShard.Candidate(policy: $0.0.policy, header: StressHeader(plan: $0.0.plan, settings: settings)), $0.1) })
        for (a, b) in zip(portfolio.candidates, plain.candidates) {
            #expect(a.policy == b.policy)
            #expect(abs(a.figures.cost - b.figures.cost) < 1e-9 * max(1, abs(b.figures.cost)))
            #expect(abs(a.figures.std - b.figures.std) < 1e-9 * b.figures.std)
            #expect(abs(a.figures.es99 - b.figures.es99) < 1e-9 * max(1, abs(b.figures.es99)))
            #expect(a.figures.hedges == b.figures.hedges)
            #expect(a.figures.liquidatedShare == 0)
        }
        // The policies are told apart: a band four times wider trades less.
        #expect(portfolio.candidates[1].figures.hedges < portfolio.candidates[0].figures.hedges)
        #expect(portfolio.recommended == plain.recommended)
        #expect(portfolio.member == .init(portfolio: "alone", member: "straddle", copies: 1, crowd: []))
    }

    @Test func inACrowdTheMembersOwnPolicyGivesItsStressFigures() throws {
        var setup = try PortfolioStressTests.setup()
        setup.members[0].copies = 6
        let settings = SimulationFixtures.settings(
            setup.members[0].plan, paths: 30, horizonMs: 2 * SimulationFixtures.day, stepMs: 3_600_000, volatility: 0.9, seed: 2)
        // The member's own policy (band 2, as its strategy writes it) and a tighter one.
        let candidates = try Self.candidates(["2", "0.5"])
        let runner = PortfolioTuneRunner(setup: setup, member: 0, settings: settings, candidates: candidates)
        let outcomes = try runner.outcomes(threads: 2)
        let result = runner.result(objective: try TuneObjective(parsing: "es99"), outcomes: outcomes)
        let stressed = try PortfolioStressRunner(setup: setup, settings: settings).run(paths: Array(0..<30), threads: 1)
        #expect(outcomes[0] == stressed)
        let summary = PortfolioStressSummary(setup: setup, outcomes: stressed)
        let own = result.candidates[0].figures
        #expect(own.es99 == PortfolioStressReportFigures.es99(summary.members[0].pnlPerCopy))
        #expect(own.std == summary.members[0].pnlPerCopy.std)
        #expect(own.mean == summary.members[0].pnlPerCopy.mean)
        #expect(abs(own.liquidatedShare! - summary.members[0].liquidations.mean / 6) < 1e-12)
        // Per copy: the line's costs over its 6 copies, averaged by hand.
        let cost = stressed.map { -$0.memberCosts[0] / 6 }.reduce(0, +) / 30
        #expect(abs(own.cost - cost) < 1e-9 * abs(cost))
        #expect(own.cost > 0)
        // The tighter band trades more often, and pays more for it.
        #expect(result.candidates[1].figures.hedges > own.hedges)
        #expect(result.candidates[1].figures.cost > own.cost)
        // The crowd kept its policy: the call writers' plan is the one the setup had.
        #expect(result.member?.crowd == ["eth-call-writer-spot-hedged.yaml × 5"])
    }

    @Test func theSpecHashCoversTheCrowd() throws {
        let setup = try PortfolioStressTests.setup()
        let settings = SimulationFixtures.settings(setup.members[0].plan, paths: 2, horizonMs: SimulationFixtures.day, stepMs: 3_600_000)
        let a = PortfolioTuneRunner(setup: setup, member: 0, settings: settings, candidates: []).header()
        var more = setup
        more.members[1].copies += 1
        let b = PortfolioTuneRunner(setup: more, member: 0, settings: settings, candidates: []).header()
        var deeper = setup
        deeper.arbitrage = 0.25
        let c = PortfolioTuneRunner(setup: deeper, member: 0, settings: settings, candidates: []).header()
        #expect(a.specSHA256 != b.specSHA256 && a.specSHA256 != c.specSHA256 && b.specSHA256 != c.specSHA256)
        #expect(a.strategy == "crowded-eth-hedgers: eth-short-straddle-perp.yaml")
    }
}
