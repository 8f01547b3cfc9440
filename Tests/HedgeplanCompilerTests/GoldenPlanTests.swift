import Foundation
import HedgePlan
import HedgeplanIR
import Testing
@testable import HedgeplanCompiler

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden = root.appendingPathComponent("Tests/HedgeplanCompilerTests/Golden")
    static let now = Instant(iso8601: "2026-11-25T12:00:00Z")!

    static var strategies: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("strategies").path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// Hourly ETH closes from the bundled example feed, read with a plain line split (an
    /// independent reader: the test does not use the Feeds library).
    static let ethHistory: PriceHistory = {
        let text = (try? String(contentsOf: root.appendingPathComponent("Examples/feeds/ethereum.csv"), encoding: .utf8)) ?? ""
        let closes = text.split(separator: "\n").compactMap { line -> Double? in
            let fields = line.split(separator: ",")
            return fields.count >= 5 ? Double(fields[4]) : nil
        }
        return PriceHistory(prices: closes, stepSeconds: 3_600, name: "Examples/feeds/ethereum.csv")
    }()

    /// Compiles as a user at the package root would (the plan names `strategies/FILE`),
    /// reading the file by its absolute path: tests run in parallel and never change the
    /// working directory.
    static func compile(_ file: String, history: PriceHistory? = ethHistory) -> CompiledStrategy {
        let text = (try? String(contentsOf: root.appendingPathComponent("strategies/\(file)"), encoding: .utf8)) ?? ""
        return PlanCompiler.compile(text: text, path: "strategies/\(file)", now: now, history: history)
    }
}

/// Every bundled strategy compiles to its golden plan (`HEDGEPLAN_RECORD=1 swift test`
/// re-records them; review the diff), and each golden plan round-trips byte for byte.
struct GoldenPlanTests {
    @Test(arguments: Fixtures.strategies)
    func compilesToItsGoldenPlan(_ file: String) throws {
        let compiled = Fixtures.compile(file)
        let plan = try #require(compiled.plan, "\(compiled.diagnostics.map(\.message))")
        let bytes = PlanCoding.encode(plan)
        let golden = Fixtures.golden.appendingPathComponent(file.replacingOccurrences(of: ".yaml", with: ".plan.json"))
        if ProcessInfo.processInfo.environment["HEDGEPLAN_RECORD"] == "1" {
            try bytes.write(to: golden)
        }
        let expected = try Data(contentsOf: golden)
        #expect(bytes == expected, "plan for \(file) differs from its golden file; re-record with HEDGEPLAN_RECORD=1 and review")
        #expect(PlanCoding.encode(try PlanCoding.decode(expected)) == expected)
    }

    @Test func compilingTwiceGivesTheSameBytes() throws {
        for file in Fixtures.strategies {
            let a = try #require(Fixtures.compile(file).plan)
            let b = try #require(Fixtures.compile(file).plan)
            #expect(PlanCoding.encode(a) == PlanCoding.encode(b))
        }
    }

    @Test func garchWithoutHistoryIsALocatedError() throws {
        let compiled = Fixtures.compile("eth-lp-hedge-univ3.yaml", history: nil)
        #expect(compiled.plan == nil)
        let error = try #require(compiled.diagnostics.first { $0.rule == .compile })
        #expect(error.location.line == 47)  // `volatility: garch` in the strategy
        #expect(error.message.contains("--history"))
    }
}
