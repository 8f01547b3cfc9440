import Benchmark
import Feeds
import Foundation
import HedgeplanCompiler
import HedgeplanDiagnostics
import HedgeplanIR
import HedgeplanRuntime
import PlanFormat

// Heap allocations per tick of the engine in steady state (issue 9): the dry-run workload of
// BENCHMARKS.md `## Engine` (Benchmarks/strategies/eth-condor-monthly.yaml: a perp-hedged
// iron condor, band 0.5 ETH, re-opened every 30 days) on one-minute GBM ticks, run as
// `dry-run` runs it (series, trades and the P&L path kept). package-benchmark's malloc
// interposer counts every malloc of one whole run; two run lengths are measured, so the
// difference divided by the extra ticks is the per-tick count once the run is under way
// (opening the book, growing the recorded series and each monthly roll are the rest).
// Run: swift package --package-path Benchmarks benchmark --target RuntimeAllocations

let strategyPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("strategies/eth-condor-monthly.yaml").path

/// The condor; with `band` other than 0.5 ETH written in instead (a band no move reaches
/// isolates the ticks that do not trade).
func condorPlan(band: String = "0.5") -> HedgingPlan {
    let text = try! String(contentsOfFile: strategyPath, encoding: .utf8).replacingOccurrences(of: "band: 0.5", with: "band: \(band)")
    let compiled = PlanCompiler.compile(text: text, path: strategyPath, now: Instant(iso8601: "2026-11-25T12:00:00Z")!)
    guard let plan = compiled.plan else { fatalError("\(strategyPath): \(compiled.diagnostics.map(\.message))") }
    return plan
}

/// One whole dry run on `minutes` one-minute GBM ticks (+1 for the first).
func dryRun(_ plan: HedgingPlan, minutes: Int) throws -> RunResult {
    var feed = GBMPath(PathParameters(spot: 3000, volatility: 0.6, days: Double(minutes) / 1440, step: 60_000, seed: 7))
    var interpreter = Interpreter(plan: plan)
    return try interpreter.run(&feed)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        scalingFactor: .one,
        maxDuration: .seconds(20),
        maxIterations: 5
    )
    for (label, band) in [("band 0.5 ETH", "0.5"), ("band 1000 ETH, never trades", "1000")] {
        let plan = condorPlan(band: band)
        for minutes in [100_000, 1_000_000] {
            Benchmark("dry-run, condor \(label), \(minutes) one-minute ticks") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try dryRun(plan, minutes: minutes))
                }
            }
        }
    }
}
