import Feeds
import Foundation
import PlanFormat
import HedgeplanSimulation

/// The number approvers sign: the 99% expected shortfall of the hedged P&L at the horizon
/// (QUOTE, a loss as a positive amount), from `stress` of the current and the proposed plan
/// on the policy's paths, each with its own market model (`stress`'s default). The same
/// seed gives the same paths and the same bits on any machine and any thread count, so
/// anyone can recompute it (`matches`: to half a cent, across hedgeplan versions).
public struct RiskFigure: Codable, Equatable, Sendable {
    public var paths: Int
    public var seed: UInt64
    public var horizonSeconds: Int64
    public var stepSeconds: Int64
    /// ES99 of the hedged P&L, QUOTE: current plan, proposed plan, and proposed - current.
    public var es99Current: Double
    public var es99Proposed: Double
    public var deltaEs99: Double

    public init(paths: Int, seed: UInt64, horizonSeconds: Int64, stepSeconds: Int64, es99Current: Double, es99Proposed: Double, deltaEs99: Double) {
        self.paths = paths
        self.seed = seed
        self.horizonSeconds = horizonSeconds
        self.stepSeconds = stepSeconds
        self.es99Current = es99Current
        self.es99Proposed = es99Proposed
        self.deltaEs99 = deltaEs99
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case cannotRun(which: String, reason: String)
        public var description: String {
            switch self {
            case .cannotRun(let which, let reason): "cannot run the \(which) plan on the policy's stress paths: \(reason)"
            }
        }
    }

    public static func compute(current: HedgingPlan, proposed: HedgingPlan, settings: GovernancePolicy.RiskSettings,
                               threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws(Failure) -> RiskFigure {
        let now = try es99(current, settings, threads: threads, which: "current")
        let next = try es99(proposed, settings, threads: threads, which: "proposed")
        return RiskFigure(paths: settings.paths, seed: settings.seed, horizonSeconds: settings.horizonSeconds,
                          stepSeconds: settings.stepSeconds, es99Current: now, es99Proposed: next, deltaEs99: next - now)
    }

    /// `stress PLAN --paths N --seed S --horizon H --step D`'s ES at 99%.
    public static func es99(_ plan: HedgingPlan, _ settings: GovernancePolicy.RiskSettings, threads: Int, which: String) throws(Failure) -> Double {
        let stress = StressSettings(
            paths: settings.paths, seed: settings.seed, model: PathModel(planMarket: plan.market),
            horizonMs: settings.horizonSeconds * 1000, stepMs: settings.stepSeconds * 1000, spot: plan.market.spot,
            volatility: plan.market.volatility, drift: plan.market.rate, startMs: plan.clock.asOfMs ?? PathParameters.defaultStart)
        let runner = StressRunner(plan: plan.withoutActivation, settings: stress)
        let outcomes: [PathOutcome]
        do {
            outcomes = try runner.run(paths: Array(0..<settings.paths), threads: threads)
        } catch {
            throw .cannotRun(which: which, reason: "\(error)")
        }
        let tails = Distribution(outcomes.map(\.hedged.pnl.total)).tails
        // Distribution.tailLevels holds 0.99 by definition.
        return tails.first { $0.level == 0.99 }!.expectedShortfall
    }

    /// How far a recomputed figure may be from the recorded one, QUOTE: half a cent. The same
    /// build gives the same bits; another build or version of hedgeplan may differ in the last
    /// bits of a sum of thousands of paths (1e-11 relative), which must not void a proposal,
    /// while any edit a person would make (a cent or more) is refused.
    public static let tolerance = 0.005

    /// Whether `other` holds the same settings and, to half a cent, the same figures.
    public func matches(_ other: RiskFigure) -> Bool {
        paths == other.paths && seed == other.seed && horizonSeconds == other.horizonSeconds && stepSeconds == other.stepSeconds
            && abs(es99Current - other.es99Current) <= Self.tolerance && abs(es99Proposed - other.es99Proposed) <= Self.tolerance
            && abs(deltaEs99 - other.deltaEs99) <= Self.tolerance
    }
}
