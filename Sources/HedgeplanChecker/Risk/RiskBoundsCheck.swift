import HedgeplanDiagnostics
import HedgeplanIR
import HedgeplanFormatting

/// Proves the declared risk bounds or reports why not, at the node that declares them,
/// with the amount and the spot: `defined_risk`, `max_loss`, greek bands and scenarios.
public enum RiskBoundsCheck {
    public static func check(_ analysis: StrategyAnalysis) -> [Diagnostic] {
        guard let risk = analysis.strategy.risk else { return [] }
        var diagnostics: [Diagnostic] = []
        let quote = analysis.strategy.underlying.value.quote
        let base = analysis.strategy.underlying.value.base
        let payoff = analysis.payoff
        let basis = payoff.isModelBased ? " (model-based, at the first expiry)" : ""

        if let defined = risk.definedRisk, defined.value, payoff.maxLoss == nil {
            diagnostics.append(.error(
                .riskBound,
                "`defined_risk: true`, but the loss at expiry is unbounded: the P&L falls by \(Money.plain(-payoff.slopeAtInfinity)) \(quote) per 1 \(quote) of spot as spot rises (a net short of \(Money.plain(-payoff.slopeAtInfinity)) \(base) above the highest strike)",
                at: defined.location))
        }
        if let declared = risk.maxLoss {
            if let loss = payoff.maxLoss {
                if loss.amount > declared.value + 0.005 {
                    let place = loss.regions.map(\.description).joined(separator: " and ")
                    diagnostics.append(.error(
                        .riskBound,
                        "max loss \(Money.format(loss.amount, quote)) \(place) exceeds the declared \(Money.format(declared.value, quote)) by \(Money.format(loss.amount - declared.value, quote))\(basis)",
                        at: declared.location))
                }
            } else {
                diagnostics.append(.error(
                    .riskBound,
                    "the loss at expiry is unbounded as spot rises (slope \(Money.plain(payoff.slopeAtInfinity)) \(base)), so no max_loss holds; the declared bound is \(Money.format(declared.value, quote))",
                    at: declared.location))
            }
        }
        for greek in Greek.allCases {
            guard let band = risk.greeks[greek] else { continue }
            let value = analysis.greeks[greek]
            let unit = PositionGreeks.unit(greek, analysis.strategy.underlying.value)
            if value < band.value.low || value > band.value.high {
                let distance = value < band.value.low ? band.value.low - value : value - band.value.high
                diagnostics.append(.error(
                    .greekBand,
                    "\(greek.rawValue) at inception is \(Self.number(value)) \(unit), outside the declared [\(Self.number(band.value.low)), \(Self.number(band.value.high))] by \(Self.number(distance))",
                    at: band.location))
            }
        }
        for result in analysis.scenarios {
            guard let declared = risk.maxLoss, -result.pnl > declared.value + 0.005 else { continue }
            diagnostics.append(.error(
                .scenario,
                "scenario \(result.label) loses \(Money.format(-result.pnl, quote)), more than max_loss \(Money.format(declared.value, quote)) by \(Money.format(-result.pnl - declared.value, quote)) (\(analysis.model.modelName) model)",
                at: result.scenario.location))
        }
        return diagnostics
    }

    /// Greeks to four decimals, or four significant digits when smaller: `5`, `-0.1044`, `0.00012`.
    static func number(_ x: Double) -> String {
        if x != 0, abs(x) < 0.01 { return NumberFormat.significant(x, digits: 4) }
        let rounded = (x * 1e4).rounded() / 1e4
        return abs(rounded) >= 1000 ? Money.grouped(rounded, decimals: rounded == rounded.rounded() ? 0 : 2) : NumberFormat.asWritten(rounded)
    }
}

extension RuleID {
    /// `defined_risk` or `max_loss` does not hold.
    public static let riskBound: RuleID = "risk-bound"
    /// A greek at inception is outside its declared band.
    public static let greekBand: RuleID = "greek-band"
    /// A stress scenario loses more than `max_loss`.
    public static let scenario: RuleID = "scenario"
    /// The plan cannot be executed as declared (no venue offers the hedge instrument).
    public static let feasibility: RuleID = "feasibility"
}
