import HedgeplanDiagnostics
import HedgeplanIR
import HedgeplanFormatting

/// A stress point revalued now under the strategy's model: spot and volatility move at
/// once, and the position's value changes by `pnl` QUOTE.
public struct ScenarioResult: Sendable {
    public var scenario: Scenario
    /// QUOTE per BASE after the shock.
    public var spot: Double
    /// Volatility after the shock, a fraction.
    public var volatility: Double
    /// Change in the position's model value, QUOTE (negative is a loss).
    public var pnl: Double

    public static func evaluate(_ scenario: Scenario, legs: [ResolvedLeg], model: ValuationModel) -> ScenarioResult {
        var spot = model.spot
        switch scenario.spot?.value {
        case .relative(let r): spot = model.spot * (1 + r)
        case .absolute(let s): spot = s
        case nil: break
        }
        var volatility = model.volatility
        switch scenario.volatility?.value {
        case .points(let p): volatility = max(0, model.volatility + p)
        case .relative(let r): volatility = max(0, model.volatility * (1 + r))
        case nil: break
        }
        var pnl = 0.0
        for leg in legs {
            pnl += leg.pnl(at: spot, after: 0, model: model, volatility: volatility)
                - leg.pnl(at: model.spot, after: 0, model: model)
        }
        return ScenarioResult(scenario: scenario, spot: spot, volatility: volatility, pnl: pnl)
    }

    /// `spot -30% (2,100), volatility +20pt (85%)`.
    public var label: String {
        var parts: [String] = []
        switch scenario.spot?.value {
        case .relative(let r): parts.append("spot \(r >= 0 ? "+" : "")\(NumberFormat.asWritten(r * 100))% (\(Money.plain(spot)))")
        case .absolute: parts.append("spot \(Money.plain(spot))")
        case nil: break
        }
        switch scenario.volatility?.value {
        case .points(let p): parts.append("volatility \(p >= 0 ? "+" : "")\(NumberFormat.asWritten((p * 100 * 1e9).rounded() / 1e9))pt (\(NumberFormat.asWritten((volatility * 1e4).rounded() / 100))%)")
        case .relative(let r): parts.append("volatility \(r >= 0 ? "+" : "")\(NumberFormat.asWritten(r * 100))% (\(NumberFormat.asWritten((volatility * 1e4).rounded() / 100))%)")
        case nil: break
        }
        return parts.joined(separator: ", ")
    }
}
