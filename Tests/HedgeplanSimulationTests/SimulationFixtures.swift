import Feeds
import Foundation
import PlanFormat
import HedgeplanCompiler
import HedgeplanIR
import Testing
@testable import HedgeplanSimulation
import HedgeplanTestSupport

enum SimulationFixtures {
    static let root = PackageRoot.url
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let now = Instant(iso8601: "2026-01-01T00:00:00Z")!

    /// A fixture strategy (Fixtures/NAME.yaml) or a bundled one (strategies/NAME.yaml), compiled.
    static func plan(_ name: String, bundled: Bool = false) throws -> HedgingPlan {
        let url = bundled ? root.appendingPathComponent("strategies/\(name).yaml") : fixtures.appendingPathComponent("\(name).yaml")
        let compiled = PlanCompiler.compile(path: url.path, now: now)
        return try #require(compiled.plan, "\(compiled.diagnostics.map(\.message))")
    }

    static func settings(
        _ plan: HedgingPlan, paths: Int, model: PathModel = .gbm, horizonMs: Int64, stepMs: Int64, volatility: Double? = nil,
        drift: Double = 0, seed: UInt64 = 1
    ) -> StressSettings {
        StressSettings(
            paths: paths, seed: seed, model: model, horizonMs: horizonMs, stepMs: stepMs, spot: plan.market.spot,
            volatility: volatility ?? plan.market.volatility, drift: drift, startMs: plan.clock.asOfMs ?? PathParameters.defaultStart)
    }

    static let day: Int64 = 86_400_000

    /// Standard normal CDF from the C library's erfc (independent of the Pricing module).
    static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// E[(S_T − K)+] when ln S_T ~ Normal(m, v): e^(m + v/2) N(d1) − K N(d1 − sqrt v).
    static func expectedCallPayoff(meanLog m: Double, varianceLog v: Double, strike K: Double) -> Double {
        let sd = v.squareRoot()
        let d1 = (m - log(K) + v) / sd
        return exp(m + v / 2) * normalCDF(d1) - K * normalCDF(d1 - sd)
    }

    /// Runs Python with a script and arguments; nil (with the reason) when Python or numpy is missing.
    static func python(_ arguments: [String]) throws -> (output: String?, skipped: String?) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return (nil, "python3 cannot be started: \(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            if errors.contains("ModuleNotFoundError") { return (nil, "numpy/scipy are not installed (pip install numpy scipy): \(errors)") }
            Issue.record("python3 \(arguments.joined(separator: " ")) failed: \(errors)")
            return (nil, nil)
        }
        return (String(decoding: data, as: UTF8.self), nil)
    }
}
