import ArgumentParser
import Feeds
import HedgePlan
import HedgeplanIR
import HedgeplanSimulation

/// `stress`'s model options, read against the plan: every default comes from the plan
/// (its market model, spot, volatility and rate; its first expiry for the horizon), and
/// every override is checked with a usage error (exit 64) that names the flag.
struct StressSettingsOptions {
    var model: String?
    var horizon: String?
    var step: String?
    var spot: Double?
    var vol: String?
    var drift: String?

    static let defaultStepMs: Int64 = 3_600_000

    func settings(plan: HedgingPlan, paths: Int, seed: UInt64) throws -> StressSettings {
        let pathModel = try self.pathModel(plan: plan)
        var stepMs = try step.map { try Self.milliseconds($0, flag: "--step") } ?? Self.defaultStepMs
        if case .bootstrap(let file, let sample, _) = pathModel {
            if step != nil, stepMs != sample.stepMs {
                throw ValidationError("--step \(step!): a bootstrap steps at its history's step, \(TimestampFormatter.duration(sample.stepMs)) for \(file)")
            }
            stepMs = sample.stepMs
            if vol != nil || drift != nil { throw ValidationError("--vol and --drift do not apply to a bootstrap: it resamples the history's own returns") }
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
            return .merton(try Self.jumps(plan))
        }
        switch model {
        case "gbm": return .gbm
        case "merton": return .merton(try Self.jumps(plan))
        default:
            if model.hasPrefix("bootstrap:") {
                let file = String(model.dropFirst(10))
                guard !file.isEmpty else { throw ValidationError("--model bootstrap: needs a history file, as in bootstrap:Examples/feeds/ethereum.csv") }
                do {
                    let sample = try ReturnSample.load(path: file)
                    return .bootstrap(file: file, sample: sample, meanBlock: sample.defaultMeanBlock)
                } catch {
                    throw CommandFailure.feed(file, error)
                }
            }
            if model.hasPrefix("regime:") {
                throw ValidationError("--model regime:FEED is not available yet (the regime model comes with `hedge.delta.adapt.volatility: regime`); use gbm, merton or bootstrap:FEED.csv")
            }
            throw ValidationError("--model `\(model)`: expected gbm, merton or bootstrap:FEED.csv")
        }
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
        guard let d = HedgeplanIR.Duration(parsing: text), d.seconds > 0, d.seconds <= 100 * Duration.secondsPerYear else {
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
