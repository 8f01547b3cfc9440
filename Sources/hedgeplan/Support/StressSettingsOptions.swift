import ArgumentParser
import Foundation
import Feeds
import PlanFormat
import HedgeplanDiagnostics
import HedgeplanIR
import HedgeplanSimulation
import enum Pricing.BaumWelch

/// The simulated paths of `stress` and `tune`: model, horizon, step, market overrides,
/// seed, threads and shards, read against the plan. Every default comes from the plan (its
/// market model, spot, volatility and rate; its first expiry for the horizon), and every
/// override is checked with a usage error (exit 64) that names the flag. Numeric values are
/// read unconditionally, so that `--drift -2%` is a value: by default swift-argument-parser
/// takes `-2%` for a flag and reports the value missing (and `--paths -5` the same).
struct StressSettingsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Price model: gbm, merton (with the plan's jumps), bootstrap:FEED.csv (stationary bootstrap of a history's log returns) or regime:FEED.csv (the 2-state regime model `hedgeplan regimes` fits to it). Default: the plan's market model.", valueName: "MODEL"))
    var model: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("How far each path runs, such as 7d or 30d. Default: to the plan's first expiry.", valueName: "DURATION"))
    var horizon: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Time between ticks, such as 1h or 5m. Default 1h; bootstrap and regime paths step at their history's step.", valueName: "DURATION"))
    var step: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Spot at the first tick, QUOTE per BASE. Default: the plan's market.spot.", valueName: "X"))
    var spot: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Annualised volatility of the paths, such as 65% or 0.65. Default: the plan's.", valueName: "VOL"))
    var vol: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Annualised drift, such as 0% or 0.04 (E[S_t] = spot e^(drift t)). Default: the plan's rate.", valueName: "DRIFT"))
    var drift: String?

    @Option(parsing: .unconditional, help: "Seed of the run, 0 to 2^53 - 1 (path k's randomness depends on the seed and k only).")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Worker threads. Default: every core.")
    var threads: Int?

    @Option(parsing: .unconditional, help: "Split the paths into N shards: this process runs the paths k with k mod N = I and writes a partial result for `hedgeplan merge`.")
    var shards: Int?

    @Option(name: .customLong("shard-index"), parsing: .unconditional, help: "Which shard this process runs, 0..<N (else $JOB_COMPLETION_INDEX, else $SLURM_ARRAY_TASK_ID - $SLURM_ARRAY_TASK_MIN).")
    var shardIndex: Int?

    static let largestSeed: UInt64 = (1 << 53) - 1

    func validate() throws {
        guard seed <= Self.largestSeed else { throw ValidationError("--seed must be at most 2^53 - 1 = \(Self.largestSeed), so that JSON readers read it exactly") }
        if let spot, !Tick.plausiblePrices.contains(spot) {
            throw ValidationError("--spot must be a price from 1e-12 to 1e12 (QUOTE per BASE, as every feed's), not \(spot)")
        }
        if let threads, !(1...1024).contains(threads) { throw ValidationError("--threads must be from 1 to 1024, not \(threads)") }
        if let shards, !(1...1_000_000).contains(shards) { throw ValidationError("--shards must be from 1 to 1,000,000, not \(shards)") }
        if shardIndex != nil, shards == nil { throw ValidationError("--shard-index needs --shards") }
    }

    /// This process's shard, when the run is sharded.
    func shard() throws -> (count: Int, index: Int)? {
        guard let shards else { return nil }
        return (shards, try ShardSelection.index(explicit: shardIndex, shards: shards, environment: ProcessInfo.processInfo.environment))
    }

    var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    static let defaultStepMs: Int64 = 3_600_000

    func settings(plan: HedgingPlan, paths: Int) throws -> StressSettings {
        let pathModel = try self.pathModel(plan: plan)
        var stepMs = try step.map { try Self.milliseconds($0, flag: "--step") } ?? Self.defaultStepMs
        switch pathModel {
        case .bootstrap(let file, let sample, _):
            if step != nil, stepMs != sample.stepMs {
                throw ValidationError("--step \(step!): a bootstrap steps at its history's step, \(TimestampFormatter.duration(sample.stepMs)) for \(file)")
            }
            stepMs = sample.stepMs
            if vol != nil || drift != nil { throw ValidationError("--vol and --drift do not apply to a bootstrap: it resamples the history's own returns") }
        case .regime(let file, _, let historyStep):
            if step != nil, stepMs != historyStep {
                throw ValidationError("--step \(step!): regime paths step at the step of the history they were fitted to, \(TimestampFormatter.duration(historyStep)) for \(file)")
            }
            stepMs = historyStep
            if vol != nil || drift != nil { throw ValidationError("--vol and --drift do not apply to regime paths: the fitted regimes set both") }
        case .gbm, .merton: break
        }
        let horizonMs = try horizon.map { try Self.milliseconds($0, flag: "--horizon") } ?? Self.firstExpiry(plan)
        guard horizonMs >= stepMs else {
            throw ValidationError("--horizon \(TimestampFormatter.duration(horizonMs)) is shorter than one step (\(TimestampFormatter.duration(stepMs)))")
        }
        guard horizonMs / stepMs <= 10_000_000 else {
            throw ValidationError("\(horizonMs / stepMs) steps per path: at most 10,000,000 (a longer --step, or a shorter --horizon)")
        }
        return StressSettings(
            paths: paths, seed: seed, model: pathModel, horizonMs: horizonMs, stepMs: stepMs, spot: spot ?? plan.market.spot,
            volatility: try vol.map { try Self.fraction($0, flag: "--vol", range: 0...10) } ?? plan.market.volatility,
            drift: try drift.map { try Self.fraction($0, flag: "--drift", range: -10...10) } ?? plan.market.rate,
            startMs: plan.clock.asOfMs ?? PathParameters.defaultStart)
    }

    func pathModel(plan: HedgingPlan) throws -> PathModel {
        guard let model else {
            guard plan.market.model.kind == .merton else { return .gbm }
            _ = try Self.jumps(plan)  // a merton plan without its jumps is refused, not run as gbm
            return PathModel(planMarket: plan.market)
        }
        switch model {
        case "gbm": return .gbm
        case "merton": return .merton(try Self.jumps(plan))
        default:
            if model.hasPrefix("bootstrap:") {
                let file = String(model.dropFirst(10))
                guard !file.isEmpty else { throw ValidationError("--model bootstrap: needs a history file, as in bootstrap:Examples/feeds/ethereum.csv") }
                let sample: ReturnSample
                do { sample = try ReturnSample.load(path: file) } catch { throw CommandFailure.feed(file, error) }
                Self.warnSkippedRows(sample, file: file)
                if let warning = sample.shortHistoryWarning {
                    Terminal.standardError.write("\(TerminalEscaping.escaped(file)): warning: \(warning)\n")
                }
                return .bootstrap(file: file, sample: sample, meanBlock: sample.defaultMeanBlock)
            }
            if model.hasPrefix("regime:") {
                let file = String(model.dropFirst(7))
                guard !file.isEmpty else { throw ValidationError("--model regime: needs a history file, as in regime:Examples/feeds/ethereum.csv") }
                let (regimes, stepMs) = try Self.fitRegimes(file)
                return .regime(file: file, regimes: regimes, stepMs: stepMs)
            }
            throw ValidationError("--model `\(model)`: expected gbm, merton, bootstrap:FEED.csv or regime:FEED.csv")
        }
    }

    /// The 2-state regime model `hedgeplan regimes` fits to the history (Baum-Welch, 10
    /// deterministic starts; `BaumWelch.fit` sorts the states by increasing variance), per
    /// step of the history, and that step (ms).
    static func fitRegimes(_ file: String) throws -> (RegimeParameters, Int64) {
        let sample: ReturnSample
        do { sample = try ReturnSample.load(path: file) } catch { throw CommandFailure.feed(file, error) }
        warnSkippedRows(sample, file: file)
        do {
            let model = try BaumWelch.fit(sample.logReturns, states: 2).model
            return (RegimeParameters(means: model.means, variances: model.variances, transition: model.transition), sample.stepMs)
        } catch {
            throw CommandFailure.input(.feed, file, "cannot fit a 2-state regime model: \(error)")
        }
    }

    /// Says on standard error which rows of a history were skipped: the paths resample or fit
    /// the rest, and a user who never hears of them trusts returns that are not the file's.
    static func warnSkippedRows(_ sample: ReturnSample, file: String) {
        guard let (line, message) = sample.skippedRowsWarning else { return }
        Terminal.standardError.write("\(TerminalEscaping.escaped(file)):\(line): warning: \(message)\n")
    }

    /// Merton jumps from the plan; a Black-Scholes plan has none to simulate.
    static func jumps(_ plan: HedgingPlan) throws -> JumpParameters {
        let m = plan.market.model
        guard m.kind == .merton, let intensity = m.jumpIntensity, let mean = m.jumpMeanLog, let vol = m.jumpVolatility else {
            throw ValidationError("--model merton: the plan's market model is \(m.kind.rawValue), with no jumps to simulate (declare `model: merton` and `jumps:` in the strategy)")
        }
        return JumpParameters(intensity: intensity, meanLogJump: mean, jumpVolatility: vol)
    }

    /// The plan's first expiry, from the start of the paths, ms.
    static func firstExpiry(_ plan: HedgingPlan) throws -> Int64 {
        let offsets = plan.legs.compactMap { leg -> Int64? in
            guard let e = leg.expiry else { return nil }
            if let instant = e.instantMs, let asOf = plan.clock.asOfMs { return instant - asOf }
            return e.offsetSeconds.map { $0 * 1000 }
        }
        guard let first = offsets.min(), first > 0 else {
            throw ValidationError("the plan has no leg with an expiry: give --horizon, such as 30d")
        }
        return first
    }

    static func milliseconds(_ text: String, flag: String) throws -> Int64 {
        guard let d = TimeSpan(parsing: text), d.seconds > 0, d.seconds <= 100 * TimeSpan.secondsPerYear else {
            throw ValidationError("\(flag) `\(text)`: expected a positive duration such as 30s, 5m, 1h, 7d (at most 100y)")
        }
        let ms = (d.seconds * 1000).rounded()
        guard ms >= 1 else { throw ValidationError("\(flag) `\(text)`: shorter than a millisecond") }
        return Int64(ms)
    }

    /// `65%` or `0.65`.
    static func fraction(_ text: String, flag: String, range: ClosedRange<Double>) throws -> Double {
        var body = Substring(text)
        var scale = 1.0
        if body.hasSuffix("%") { body = body.dropLast(); scale = 0.01 }
        guard let v = Double(body).map({ $0 * scale }), v.isFinite, range.contains(v) else {
            throw ValidationError("\(flag) `\(text)`: expected a fraction such as 0.65 or a percent such as 65%, from \(range.lowerBound) to \(range.upperBound)")
        }
        return v
    }
}
