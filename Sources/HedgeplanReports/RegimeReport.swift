import Foundation
import HedgeplanCharts
import HedgeplanJSON
import Pricing

/// The renderings of `hedgeplan regimes`: a text table, the JSON of simulation.md, and an
/// SVG of the price over the filtered probability of the most volatile regime.
public struct RegimeReport: Sendable {
    public let analysis: RegimeAnalysis
    /// The feed's name, for titles.
    public let source: String
    /// What in the history changes the returns the model sees (rows skipped, gaps): in the
    /// JSON, so that a script reads them; the text output leaves them to standard error.
    public var warnings: [String] = []

    public init(_ analysis: RegimeAnalysis, source: String) {
        self.analysis = analysis
        self.source = source
    }

    /// The keys of simulation.md (`hedgeplan regimes`): volatilities and drifts annualised
    /// (fractions, 0.65 = 65%), durations in hours, log-likelihoods in nats; and beside
    /// them whether the fit converged, in how many iterations, and the warnings.
    public func json() -> String {
        let a = analysis
        let object: [String: JSONValue] = [
            "observations": .int(a.observations),
            "step_seconds": .number(a.stepSeconds),
            "states": .array(a.states.map { state in
                .object([
                    "volatility": .number(state.volatility), "mean": .number(state.mean),
                    "probability": .number(state.probability), "duration_hours": .number(state.durationHours),
                ])
            }),
            "transition": .array(a.model.transition.map { .array($0.map(JSONValue.number)) }),
            "loglik": .number(a.fit.logLikelihood),
            "bic": .number(a.fit.bic),
            "garch": .object(["loglik": .number(a.garch.logLikelihood), "bic": .number(a.garch.bic)]),
            "constant": .object(["loglik": .number(a.constant.logLikelihood), "bic": .number(a.constant.bic)]),
            "current": .array(a.current.map(JSONValue.number)),
            "converged": .bool(a.fit.converged),
            "iterations": .int(a.fit.iterations),
            "warnings": .array(warnings.map(JSONValue.string)),
        ]
        return JSONValue.object(object).serialized()
    }

    /// A table per state, the transition matrix, and the three models side by side.
    public func text() -> String {
        let a = analysis
        let k = a.states.count
        var out = "\(source): \(a.observations) log returns, one every \(Self.duration(a.stepSeconds))\n"
        out += "\(k)-state Gaussian regime model (Baum-Welch, \(a.fit.startLogLikelihoods.count) starts, "
        out += "\(a.fit.iterations) iterations, \(a.fit.converged ? "converged" : "NOT converged"))\n\n"
        out += Self.row(["state", "volatility", "drift", "share of time", "expected stay", "now"]) + "\n"
        for (index, state) in a.states.enumerated() {
            out += Self.row([
                Self.stateName(index, of: k), Self.percent(state.volatility), Self.percent(state.mean),
                Self.percent(state.probability), Self.duration(state.durationHours * 3600), Self.percent(a.current[index]),
            ]) + "\n"
        }
        out += "\ntransition probabilities per step (row: from, column: to)\n"
        out += Self.row([""] + (0..<k).map { Self.stateName($0, of: k) }) + "\n"
        for (i, row) in a.model.transition.enumerated() {
            out += Self.row([Self.stateName(i, of: k)] + row.map { String(format: "%.4f", $0) }) + "\n"
        }
        out += "\nmodel comparison (same returns, Gaussian density; lower BIC is better)\n"
        let columns = [22, 12, 16, 16]
        out += Self.row(["model", "parameters", "log-likelihood", "BIC"], widths: columns) + "\n"
        let models: [(String, Int, Double, Double)] = [
            ("regimes (\(k) states)", a.model.parameterCount, a.fit.logLikelihood, a.fit.bic),
            ("GARCH(1,1)", a.garch.parameters, a.garch.logLikelihood, a.garch.bic),
            ("constant volatility", a.constant.parameters, a.constant.logLikelihood, a.constant.bic),
        ]
        let best = models.min { $0.3 < $1.3 }!.0
        for m in models {
            out += Self.row([m.0, "\(m.1)", String(format: "%.2f", m.2), String(format: "%.2f", m.3)], widths: columns)
                + (m.0 == best ? "  best" : "") + "\n"
        }
        return out
    }

    /// Price on top; below, the filtered probability of each regime but the calmest, the
    /// most volatile one shaded. `times` are milliseconds since the epoch, one per price
    /// (the returns run from the second price on).
    public func svg(times: [Double], prices: [Double]) -> String {
        let a = analysis
        let k = a.states.count
        let x = Array(times.dropFirst())
        let width = 900.0
        var priceAxis = Axis("Price")
        if let lo = prices.min(), let hi = prices.max() {
            let nice = NiceScale(min: lo, max: hi, targetTicks: 6, loose: true)
            priceAxis.domain = nice.lower...nice.upper
        }
        let price = Chart(
            title: "Price", subtitle: source, x: .time(), y: priceAxis,
            series: [Series("Price", x: times, y: prices, color: Color(hex: 0x1F2328), lineWidth: 1.25)],
            showsLegend: false, size: Chart.Size(width: width, height: 300), idPrefix: "regimes-price")
        var series: [Series] = []
        for state in stride(from: k - 1, to: 0, by: -1) {
            let name = "\(Self.stateName(state, of: k)) regime (\(Self.percent(a.states[state].volatility)) vol)"
            series.append(Series(name, kind: state == k - 1 ? .area : .line, x: x, y: a.filtered[state],
                                 color: state == k - 1 ? Color(hex: 0xD55E00) : Color(hex: 0xE69F00), lineWidth: 1))
        }
        let regime = Chart(
            title: "Filtered regime probability", subtitle: "P(regime | returns so far): forward filter, causal",
            x: .time(), y: Axis("Probability", format: .percent, domain: 0...1, includesZero: true),
            series: series, showsLegend: true, size: Chart.Size(width: width, height: 220), idPrefix: "regimes-probability")
        let states = a.states.enumerated().map { "\(Self.stateName($0.offset, of: k)) \(Self.percent($0.element.volatility))" }
        return ChartStack(
            title: "Volatility regimes", subtitle: "\(k)-state Gaussian HMM: " + states.joined(separator: ", "),
            panels: [price, regime], width: width, idPrefix: "regimes").render()
    }

    static func stateName(_ index: Int, of count: Int) -> String {
        count == 2 ? ["calm", "turbulent"][index] : count == 3 ? ["calm", "normal", "turbulent"][index] : "state \(index + 1)"
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    static func duration(_ seconds: Double) -> String {
        if seconds >= 86_400 * 2 { return String(format: "%.1f days", seconds / 86_400) }
        if seconds >= 3600 { return String(format: "%.1f h", seconds / 3600) }
        if seconds >= 60 { return String(format: "%.0f min", seconds / 60) }
        return String(format: "%.0f s", seconds)
    }

    /// Cells right-aligned in columns of `widths` characters (the first left-aligned).
    static func row(_ cells: [String], widths: [Int] = [22, 12, 12, 14, 14, 8]) -> String {
        return cells.enumerated().map { i, cell in
            let w = i < widths.count ? widths[i] : 12
            let padding = String(repeating: " ", count: max(1, w - cell.count))
            return i == 0 ? cell + padding : padding + cell
        }.joined()
    }
}
