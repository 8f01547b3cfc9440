import Feeds
import Foundation
import PlanFormat
import HedgeplanReports
import HedgeplanRuntime
import Testing
@testable import HedgeplanSimulation

/// Path k depends on (seed, k) alone: threads and shards never change a result, merged
/// shards print the unsharded bytes, and each worst path replays through the dry-run engine.
struct StressDeterminismTests {
    /// The bundled condor (Merton, pools, split routing, breakers, vega hedge) for one day.
    static func condor(paths: Int) throws -> (HedgingPlan, StressSettings) {
        let plan = try SimulationFixtures.plan("eth-iron-condor-perp-hedged", bundled: true)
        let jumps = JumpParameters(intensity: 3, meanLogJump: -0.04, jumpVolatility: 0.1)
        // A high volatility so that breakers trip and hedges trade on some paths.
        return (plan, SimulationFixtures.settings(plan, paths: paths, model: .merton(jumps), horizonMs: SimulationFixtures.day,
                                                  stepMs: 3_600_000, volatility: 1.5, drift: 0.04, seed: 2026))
    }

    /// The summary's ten worst paths, picked in one pass, are the first ten of all the paths
    /// sorted by hedged P&L then index: here with every P&L tied three ways (copies of each
    /// outcome under other path indices, in shuffled order), and with fewer paths than ten.
    @Test func theWorstPathsAreTheFirstOfTheSortedRun() throws {
        let (plan, settings) = try Self.condor(paths: 30)
        let run = try StressRunner(plan: plan, settings: settings).run(paths: Array(0..<30), threads: 1)
        var tied = run
        for copy in 1...2 {
            tied += run.map { PathOutcome(path: $0.path + 100 * copy, hedged: $0.hedged, unhedged: $0.unhedged) }
        }
        tied.shuffle()
        for outcomes in [run, tied, Array(run.prefix(4))] {
            let sorted = outcomes.sorted { ($0.hedged.pnl.total, $0.path) < ($1.hedged.pnl.total, $1.path) }
            #expect(StressSummary.lowest(10, of: outcomes) == Array(sorted.prefix(10)))
        }
        #expect(StressSummary.lowest(10, of: tied).map(\.path).count == 10)
    }

    @Test func threadsAndShardsGiveTheSameBytes() throws {
        let (plan, settings) = try Self.condor(paths: 42)
        let header = StressHeader(plan: plan, settings: settings)
        let runner = StressRunner(plan: plan, settings: settings)
        let one = try runner.run(paths: Array(0..<42), threads: 1)
        for threads in [2, 4] { #expect(try runner.run(paths: Array(0..<42), threads: threads) == one) }
        let reference = StressReport(StressSummary(header: header, outcomes: one)).json()
        #expect(reference.contains("\"hedges\""))
        // The run exercises what it claims to: trades and at least one breaker.
        #expect(one.contains { $0.hedged.hedges > 0 })
        for shards in [1, 3, 7] {
            var files: [(file: String, shard: StressShard)] = []
            for index in 0..<shards {
                let outcomes = try runner.run(paths: StressShard.paths(total: 42, shards: shards, index: index), threads: 2)
                let bytes = StressShard(header: header, shards: shards, shardIndex: index, outcomes: outcomes).encoded()
                files.append(("shard-\(index).json", try StressShard.decode(bytes, file: "shard-\(index).json")))
            }
            for order in [files, files.reversed(), files.shuffled()] {
                let (mergedHeader, merged) = try StressShard.merge(order)
                #expect(merged == one)
                #expect(StressReport(StressSummary(header: mergedHeader, outcomes: merged)).json() == reference)
            }
        }
    }

    @Test func mergeRefusesAnotherRunAMissingShardAndADuplicate() throws {
        let (plan, settings) = try Self.condor(paths: 6)
        var other = settings
        other.seed = 7
        func shard(_ s: StressSettings, _ index: Int, of count: Int) throws -> StressShard {
            let outcomes = try StressRunner(plan: plan, settings: s).run(paths: StressShard.paths(total: 6, shards: count, index: index), threads: 1)
            return StressShard(header: StressHeader(plan: plan, settings: s), shards: count, shardIndex: index, outcomes: outcomes)
        }
        let a0 = try shard(settings, 0, of: 2), a1 = try shard(settings, 1, of: 2), b1 = try shard(other, 1, of: 2)
        #expect(throws: MergeProblem(file: "b1.json", message: "a different run from a0.json (spec_sha256 \(b1.header.specSHA256.prefix(12))… against \(a0.header.specSHA256.prefix(12))…): other plan or settings")) {
            try StressShard.merge([("a0.json", a0), ("b1.json", b1)])
        }
        #expect(throws: MergeProblem(file: "a0.json", message: "1 of 2 shards missing: 1")) {
            try StressShard.merge([("a0.json", a0)])
        }
        #expect(throws: MergeProblem(file: "again.json", message: "duplicate: shard 1 of 2 is also a1.json")) {
            try StressShard.merge([("a0.json", a0), ("a1.json", a1), ("again.json", a1)])
        }
        var damaged = a1
        damaged.outcomes.removeLast()
        #expect(throws: MergeProblem(file: "damaged.json", message: "holds 2 paths, not the 3 of shard 1 of 2 (damaged or edited)")) {
            try StressShard.merge([("a0.json", a0), ("damaged.json", damaged)])
        }
        #expect(throws: MergeProblem.self) { try StressShard.decode(Data("{}".utf8), file: "empty.json") }
    }

    /// Each worst path's feed string, parsed as `dry-run --feed` parses it, replays the path
    /// through the interpreter to the same P&L, bit for bit.
    @Test(arguments: ["gbm", "merton", "bootstrap", "regime"])
    func worstPathsReplayThroughDryRun(model: String) throws {
        let (plan, base) = try Self.condor(paths: 12)
        var settings = base
        switch model {
        case "gbm": settings.model = .gbm
        case "bootstrap":
            let file = SimulationFixtures.root.appendingPathComponent("Examples/feeds/ethereum.csv").path
            let sample = try ReturnSample.load(path: file)
            settings.model = .bootstrap(file: file, sample: sample, meanBlock: sample.defaultMeanBlock)
            settings.stepMs = sample.stepMs
        case "regime": settings.model = .regime(file: "eth.csv", regimes: RegimePathTests.eth, stepMs: 3_600_000)
        default: break
        }
        let header = StressHeader(plan: plan, settings: settings)
        let outcomes = try StressRunner(plan: plan, settings: settings).run(paths: Array(0..<12), threads: 2)
        let summary = StressSummary(header: header, outcomes: outcomes)
        #expect(summary.worst.count == 10)
        #expect(summary.worst.map(\.pnl) == summary.worst.map(\.pnl).sorted())
        for worst in summary.worst.prefix(3) {
            #expect(try FeedSpec.parse(worst.feed) == settings.feed(path: worst.path))
            var interpreter = Interpreter(plan: plan)
            let result: RunResult = try {
                switch try FeedSpec.parse(worst.feed).makeSource() {
                case var s as GBMPath: return try interpreter.run(&s)
                case var s as MertonPath: return try interpreter.run(&s)
                case var s as BootstrapPath: return try interpreter.run(&s)
                case var s as RegimePath: return try interpreter.run(&s)
                default: throw CocoaError(.featureUnsupported)
                }
            }()
            #expect(result.pnl.total == worst.pnl, "path \(worst.path): replay \(result.pnl.total), stress \(worst.pnl)")
        }
    }

    /// Paths step copies of two books opened once at the shared first tick. A copy must not
    /// carry anything from an earlier path: each path's outcome equals a fresh engine run of
    /// the same ticks (plan opened at its first tick), whatever ran before it and in any order.
    @Test func pathsFromTheSharedOpeningEqualFreshRuns() throws {
        let (plan, settings) = try Self.condor(paths: 6)
        let runner = StressRunner(plan: plan, settings: settings)
        #expect(runner.openings != nil)
        for k in [3, 0, 5, 3, 1, 0] {
            let ticks = try StressRunner.ticks(path: k, settings: settings)
            var feed = ticks
            var fresh = StressRunner.interpreter(plan, settings)
            let expected = try fresh.finalBook(&feed).outcome()
            var bareFeed = ticks
            var bare = StressRunner.interpreter(runner.unhedgedPlan, settings)
            let unhedged = try bare.finalBook(&bareFeed).outcome().pnl.total
            #expect(try runner.outcome(path: k) == PathOutcome(path: k, hedged: expected, unhedged: unhedged))
            #expect(expected.hedges > 0, "path \(k) should rebalance, or the test checks nothing of the hedge")
        }
    }

    @Test func pathSeedsDependOnTheRunSeedAndTheIndexOnly() {
        #expect(PathSeed.seed(run: 1, path: 0) == PathSeed.seed(run: 1, path: 0))
        let seeds = Set((0..<10_000).map { PathSeed.seed(run: 1, path: $0) })
        #expect(seeds.count == 10_000)
        #expect(PathSeed.seed(run: 1, path: 5) != PathSeed.seed(run: 2, path: 5))
    }

    /// VaR, ES and quantiles as numpy computes them (np.quantile's default, linear).
    @Test func distributionMatchesHandComputedFigures() {
        // 1..100 shuffled: the 5% quantile is 1 + 0.05·99 = 5.95; VaR 95% = −5.95 (a gain).
        let values = (1...100).map(Double.init).shuffled()
        let d = Distribution(values.map { -$0 })
        #expect(d.mean == -50.5)
        #expect(abs(d.std - 29.011491975882016) < 1e-12)
        #expect(abs(d.quantiles[1] - (-95.05)) < 1e-9)  // 5%: −100 + 0.05·99
        let tail95 = d.tails[0]
        #expect(abs(tail95.valueAtRisk - 95.05) < 1e-9)
        // P&L at or below −95.05: −100…−96, mean loss 98.
        #expect(abs(tail95.expectedShortfall - 98) < 1e-12)
    }
}
