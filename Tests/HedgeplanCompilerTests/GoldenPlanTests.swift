import Foundation
import PlanFormat
import HedgeplanIR
import Testing
@testable import HedgeplanCompiler
import HedgeplanTestSupport
import HedgeplanCompiledFixtures

enum Fixtures {
    static let root = PackageRoot.url
    static let golden = root.appendingPathComponent("Tests/HedgeplanCompilerTests/Golden")
    static let now = BundledStrategies.now
    static var strategies: [String] { BundledStrategies.names }
    static var ethHistory: PriceHistory { BundledStrategies.ethHistory }

    /// Compiles as a user at the package root would (the plan names `strategies/FILE`).
    static func compile(_ file: String, history: PriceHistory? = BundledStrategies.ethHistory) -> CompiledStrategy {
        BundledStrategies.compile(file, history: history)
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
        #expect(Golden.mismatch(bytes, golden: golden) == nil, "plan for \(file)")
        let expected = try Data(contentsOf: golden)
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

    /// A history whose rows were all rejected (a `;` export with decimal commas) fails the
    /// fit at the strategy's line, and the message points at the history's first bad row.
    @Test func aHistoryWithRejectedRowsNamesTheFirstWhenTheFitFails() throws {
        let dir = try ScratchFolder.make("history")
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("europe.csv").path
        try "timestamp;price\n2024-01-01T00:00:00Z;3000,5\n2024-01-01T01:00:00Z;3001,5\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let compiled = Fixtures.compile("eth-lp-hedge-univ3.yaml", history: try PriceHistory.load(csvPath: csv))
        #expect(compiled.plan == nil)
        let error = try #require(compiled.diagnostics.first { $0.rule == .compile })
        #expect(error.location.line == 47)
        #expect(error.message == "cannot fit GARCH(1,1) to \(csv): GARCH(1,1) needs at least 100 returns to fit, found 0; \(csv):2:2: 2 data rows were rejected, the first: malformed row: price `3000,5` is not a number (a decimal comma? write `3000.5`)")
    }
}
