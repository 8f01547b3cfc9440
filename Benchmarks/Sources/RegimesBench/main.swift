import Foundation
import Pricing

// Fits the Gaussian regime model (Baum-Welch, 10 starts) to a CSV price history and prints
// the time per fit. Usage: RegimesBench FEED.csv [--states K] [--repeat N]
// With --repeat 1 (a whole-process timer times it) it fits once and prints the
// log-likelihood, so the run can be checked against the hmmlearn peer
// (Benchmarks/peers/hmmlearn_peer.py) on the same returns.

var arguments = CommandLine.arguments.dropFirst()
var path: String?
var states = 2
var repeats = 5
var options = BaumWelch.Options()
while let a = arguments.popFirst() {
    switch a {
    case "--states": states = Int(arguments.popFirst() ?? "") ?? states
    case "--repeat": repeats = max(1, Int(arguments.popFirst() ?? "") ?? repeats)
    case "--burn-in": options.burnInIterations = Int(arguments.popFirst() ?? "") ?? options.burnInIterations
    default: path = a
    }
}
guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
    FileHandle.standardError.write("usage: RegimesBench FEED.csv [--states K] [--repeat N]\n".data(using: .utf8)!)
    exit(64)
}
// The bundled feeds: date,open,high,low,close,volume with a header; the close is column 5.
let closes = text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
    Double(line.split(separator: ",", omittingEmptySubsequences: false)[4])
}
let returns = RegimeAnalysis.logReturns(closes)
var seconds: [Double] = []
var fit: BaumWelch.Fit?
for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    fit = try BaumWelch.fit(returns, states: states, options: options)
    seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
seconds.sort()
let f = fit!
print(String(format: "regimes swift: %d returns, %d states, 10 starts: median %.1f ms, min %.1f ms per fit; loglik %.6f, %d iterations, converged %@, vols %@",
             returns.count, states, seconds[seconds.count / 2] * 1000, seconds[0] * 1000, f.logLikelihood, f.iterations,
             f.converged ? "yes" : "no", f.model.variances.map { String(format: "%.6g", ($0 * 8760).squareRoot()) }.joined(separator: ",")))
print("start log-likelihoods after burn-in:", f.startLogLikelihoods.map { String(format: "%.3f", $0) }.joined(separator: " "))
