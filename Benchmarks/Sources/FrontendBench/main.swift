import Foundation
import HedgeplanChecker
import HedgeplanCompiler
import HedgeplanIR
import Pricing

// Front end, checker and compiler speed, release build: parse + check of one strategy, all
// bundled strategies in one process, exact analysis of a 4-leg strategy, compile, and a
// GARCH(1,1) fit on 10,000 returns. Run from the repository root.

func monotonicSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Best time per iteration over `rounds` rounds of `iterations`.
func measure(_ iterations: Int, rounds: Int = 5, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = monotonicSeconds()
        for _ in 0..<iterations { body() }
        best = min(best, (monotonicSeconds() - start) / Double(iterations))
    }
    return best
}

let now = Instant(iso8601: "2026-11-25T12:00:00Z")!
let files = try FileManager.default.contentsOfDirectory(atPath: "strategies").filter { $0.hasSuffix(".yaml") }.sorted().map { "strategies/\($0)" }
let typical = "strategies/eth-iron-condor-perp-hedged.yaml"
let text = try String(contentsOfFile: typical, encoding: .utf8)

let parseOnly = measure(2_000) { _ = StrategyLoader.load(text: text, path: typical, now: now) }
print("frontend parse+decode \(typical) " + String(format: "%.1f us", parseOnly * 1e6))
let loaded = StrategyLoader.load(text: text, path: typical, now: now)
let check = measure(2_000) { _ = Checker.check(loaded.strategy!) }
print(String(format: "checker check (exact payoff, greeks, 3 scenarios, Merton) %8.1f us", check * 1e6))
let validateAll = measure(20) { for f in files { _ = Checker.validate(path: f, now: now) } }
print(String(format: "validate all %d bundled strategies in-process %8.2f ms", files.count, validateAll * 1e3))

let analysis = Checker.check(loaded.strategy!).analysis!
let exact = measure(200_000) {
    if let payoff = PiecewiseLinearPayoff(legs: analysis.legs) { _ = ExactPayoffAnalysis.analyze(payoff, horizonYears: 0.02) }
}
print(String(format: "exact payoff analysis of the 4-leg iron condor %8.2f us", exact * 1e6))

let compileTypical = measure(200) { _ = PlanCompiler.compile(path: typical, now: now) }
print("compile \(typical) (read, check, compile) " + String(format: "%.2f ms", compileTypical * 1e3))

var state: UInt64 = 3
var returns: [Double] = []
for _ in 0..<10_000 {
    state = state &* 6364136223846793005 &+ 1442695040888963407
    let u1 = (Double(state >> 11) + 0.5) / Double(1 << 53)
    state = state &* 6364136223846793005 &+ 1442695040888963407
    let u2 = (Double(state >> 11) + 0.5) / Double(1 << 53)
    returns.append(0.01 * (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2))
}
let garch = measure(20) { _ = try? GARCH11.fit(returns) }
print(String(format: "GARCH(1,1) fit on 10,000 returns %8.2f ms", garch * 1e3))
let history = PriceHistory(logReturns: returns, stepSeconds: 3600, name: "synthetic")
let compileGarch = measure(20) { _ = PlanCompiler.compile(path: "strategies/eth-lp-hedge-univ3.yaml", now: now, history: history) }
print(String(format: "compile strategies/eth-lp-hedge-univ3.yaml with GARCH on 10,000 returns %8.2f ms", compileGarch * 1e3))
