import Foundation
import Testing
@testable import HedgeplanCharts

/// Writes the example charts to `$HEDGEPLAN_CHARTS_OUT` (a directory) for looking at them
/// as a user would; does nothing without it.
@Suite struct ExampleOutputTests {
    @Test func writeExamples() throws {
        guard let dir = ProcessInfo.processInfo.environment["HEDGEPLAN_CHARTS_OUT"] else { return }
        let url = URL(fileURLWithPath: dir)
        try ExampleCharts.ironCondor().render().write(to: url.appendingPathComponent("payoff.svg"), atomically: true, encoding: .utf8)
        let count = Int(ProcessInfo.processInfo.environment["HEDGEPLAN_CHARTS_TICKS"] ?? "") ?? 200_000
        try ExampleCharts.runStack(ExampleCharts.run(count: count)).render()
            .write(to: url.appendingPathComponent("run.svg"), atomically: true, encoding: .utf8)
    }
}
