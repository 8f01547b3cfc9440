import Foundation
import HedgeplanCompiler
import HedgeplanFuzzing
import HedgeplanIR

/// Strategy YAML: `StrategyProperties` on every input, and a dry run of each one that compiles.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStrategy(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let verdict = StrategyProperties.check(text: text, path: "fuzz.yaml", now: FuzzStrategyFixtures.now, history: FuzzStrategyFixtures.history)
    var problems = verdict.problems
    if let plan = verdict.plan { problems += StrategyProperties.dryRunProblems(plan, seed: 1).problems }
    if !problems.isEmpty { fatalError("broken properties:\n" + problems.joined(separator: "\n")) }
    return 0
}

enum FuzzStrategyFixtures {
    static let now = Instant(iso8601: "2026-11-25T12:00:00Z")!
    /// Hourly ETH closes from the bundled example feed, for strategies that fit a model to a history.
    static let history: PriceHistory = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = (try? String(contentsOf: root.appendingPathComponent("Examples/feeds/ethereum.csv"), encoding: .utf8)) ?? ""
        let closes = text.split(separator: "\n").compactMap { line -> Double? in
            let fields = line.split(separator: ",")
            return fields.count >= 5 ? Double(fields[4]) : nil
        }
        return PriceHistory(prices: closes, stepSeconds: 3_600, name: "Examples/feeds/ethereum.csv")
    }()
}
