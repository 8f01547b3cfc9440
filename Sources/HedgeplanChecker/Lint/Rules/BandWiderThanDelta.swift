import Foundation
import HedgeplanDiagnostics
import HedgeplanIR

/// A delta band wider than the position's whole delta exposure at inception, Σ|leg delta|.
///
/// Net delta can never be further from zero than the sum of the legs' absolute deltas, so
/// a band at least that wide is never left and the hedge would not trade until the legs'
/// deltas grow past it. Only `trigger: band` and `hybrid` use the band.
public struct BandWiderThanDelta: LintRule {
    public static let id: RuleID = "band-wider-than-delta"
    public static let defaultSeverity = Severity.warning
    public static let rationale = "A band wider than the position's total delta is never left, so the hedge never trades."

    public init() {}

    /// Each leg's delta at inception, BASE, signed.
    public static func legDeltas(_ analysis: StrategyAnalysis) -> [Double] {
        let model = analysis.model
        return analysis.legs.map { leg in
            switch leg.terms {
            case .option(let kind, let strike, let years): return leg.quantity * model.value(kind, strike: strike, years: years).delta
            case .linear: return leg.quantity
            case .future(_, let years): return leg.quantity * exp(model.rate * years)
            case .liquidity(let position, _): return position.delta(at: model.spot)
            }
        }
    }

    public func check(_ context: LintContext) -> [Diagnostic] {
        guard let analysis = context.analysis, let delta = context.strategy.hedge?.delta, let band = delta.band,
            delta.trigger.value == .band || delta.trigger.value == .hybrid
        else { return [] }
        let exposure = Self.legDeltas(analysis).reduce(0) { $0 + abs($1) }
        guard band.value >= exposure else { return [] }
        return [finding(Self.message(band: band.value, exposure: exposure, context), at: band.location)]
    }
}

// MARK: Messages

extension BandWiderThanDelta {
    fileprivate static func message(band: Double, exposure: Double, _ context: LintContext) -> String {
        "delta band ±\(LintNumber.format(band)) \(context.base) is at least the position's whole delta exposure, "
            + "Σ|leg delta| = \(LintNumber.format(exposure, decimals: 3)) \(context.base) at inception: net delta cannot leave "
            + "the band, so the hedge would never trade; narrow the band below \(LintNumber.format(exposure, decimals: 3)) \(context.base)"
    }
}
