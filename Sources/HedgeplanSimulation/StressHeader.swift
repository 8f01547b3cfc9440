import Crypto
import Feeds
import Foundation
import PlanFormat

/// What a `stress` result says about how it was made: the plan's names and the settings,
/// with `specSHA256`, the hash that partial results must share to be merged. Shard files
/// carry it, so `merge` renders exactly what the unsharded run prints.
public struct StressHeader: Codable, Equatable, Sendable {
    public static let formatName = "hedgeplan-stress"
    public static let currentVersion = 1

    public var specSHA256: String
    public var strategy: String
    public var base: String
    public var quote: String
    public var paths: Int
    public var seed: UInt64
    /// `gbm`, `merton` or `bootstrap:FILE`.
    public var model: String
    /// Merton jumps: per year, mean and standard deviation of the log jump.
    public var jumps: [Double]?
    /// Bootstrap: mean block length, steps.
    public var meanBlock: Double?
    /// Regime paths: the fitted regimes.
    public var regimes: RegimeParameters?
    public var horizonMs: Int64
    public var stepMs: Int64
    public var spot: Double
    public var volatility: Double
    public var drift: Double
    public var startMs: Int64
    /// The breaker conditions the plan watches (each once, in declaration order).
    public var conditions: [String]
    /// Whether the plan hedges at all (an unhedged plan's two distributions coincide).
    public var hedged: Bool
    /// Absolute strikes far from the spot are scaled (`--rebase`) instead of refused.
    public var rebase: Bool

    /// `specSha256`: what `.convertFromSnakeCase` makes of `spec_sha256` (shard files).
    enum CodingKeys: String, CodingKey {
        case specSHA256 = "specSha256"
        case strategy, base, quote, paths, seed, model, jumps, meanBlock, regimes, horizonMs, stepMs, spot, volatility, drift, startMs
        case conditions, hedged, rebase
    }

    public init(plan: HedgingPlan, settings: StressSettings) {
        strategy = plan.strategy.name
        base = plan.strategy.base
        quote = plan.strategy.quote
        paths = settings.paths
        seed = settings.seed
        model = settings.model.name
        switch settings.model {
        case .gbm: break
        case .merton(let j): jumps = [j.intensity, j.meanLogJump, j.jumpVolatility]
        case .bootstrap(_, _, let block): meanBlock = block
        case .regime(_, let r, _): regimes = r
        }
        horizonMs = settings.horizonMs
        stepMs = settings.pathStepMs
        spot = settings.spot
        volatility = settings.volatility
        drift = settings.drift
        startMs = settings.startMs
        var seen = Set<String>()
        conditions = plan.safety.map(\.condition.rawValue).filter { seen.insert($0).inserted }
        hedged = plan.hedge != nil
        rebase = settings.runOptions.rebasesAbsoluteStrikes
        specSHA256 = ""
        specSHA256 = Self.hash(plan: plan, header: self, settings: settings)
    }

    /// SHA-256 of the plan's canonical bytes, this header's fields (hash left empty) and, for
    /// a bootstrap, the sample's returns (bit patterns): two runs with the same hash draw the
    /// same paths through the same plan. The strategy's path as typed is left out (the
    /// source's own SHA-256 stays in), so that shards started from other folders, or with an
    /// absolute path, still merge.
    static func hash(plan: HedgingPlan, header: StressHeader, settings: StressSettings) -> String {
        var hasher = SHA256()
        var anywhere = plan
        anywhere.source.path = ""
        hasher.update(data: PlanCoding.encode(anywhere))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // A header holds finite numbers and strings only: encoding cannot fail.
        hasher.update(data: try! encoder.encode(header))
        if case .bootstrap(_, let sample, _) = settings.model {
            var bits = sample.logReturns.map(\.bitPattern.littleEndian)
            bits.withUnsafeMutableBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
            withUnsafeBytes(of: sample.stepMs.littleEndian) { hasher.update(bufferPointer: $0) }
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The feed string of path k, for `dry-run --feed`: the same `PathFeed` the run drew
    /// the path from, rebuilt from the header's fields.
    public func feed(path k: Int) -> String {
        let feedModel: PathFeed.Model
        if let regimes {
            feedModel = .regime(regimes)
        } else if let jumps, jumps.count == 3 {
            feedModel = .merton(JumpParameters(intensity: jumps[0], meanLogJump: jumps[1], jumpVolatility: jumps[2]))
        } else if model.hasPrefix("bootstrap:") {
            feedModel = .bootstrap(file: String(model.dropFirst(10)), meanBlock: meanBlock)
        } else {
            feedModel = .gbm
        }
        return PathFeed.spec(feedModel, spot: spot, volatility: volatility, drift: drift, horizonMs: horizonMs, stepMs: stepMs,
                             startMs: startMs, seed: PathSeed.seed(run: seed, path: k)).text
    }
}
