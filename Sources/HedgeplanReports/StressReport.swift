import Feeds
import HedgeplanFormatting
import HedgeplanJSON
import HedgeplanRuntime
import HedgeplanSimulation
import HedgeplanTime

/// `hedgeplan stress` and `merge` output: the table a risk manager reads, and the JSON
/// object `simulation.md` fixes. Money in QUOTE to the cent; losses (VaR, ES) as positive
/// amounts. Rendered from the summary alone, so a merged result prints the unsharded bytes.
public struct StressReport: Sendable {
    public var summary: StressSummary

    public init(_ summary: StressSummary) { self.summary = summary }

    private var header: StressHeader { summary.header }

    /// The mean components in cents that add up to the mean shown.
    var shownComponents: DisplayedPnL { DisplayedPnL(summary.components) }

    public func json() -> String {
        let h = header
        let shown = shownComponents
        var components: [String: JSONValue] = [:]
        for (name, amount) in zip(shown.names, shown.amounts) { components[name] = .number(amount) }
        var breakers: [String: JSONValue] = [:]
        for (name, count) in zip(h.conditions, summary.breakerPaths) { breakers[name] = .int(count) }
        var object: [String: JSONValue] = [
            "format": .string(StressHeader.formatName),
            "version": .int(StressHeader.currentVersion),
            "spec_sha256": .string(h.specSHA256),
            "strategy": .string(h.strategy),
            "units": .object(["money": .string(h.quote), "quantity": .string(h.base)]),
            "paths": .int(h.paths),
            "seed": .int(Int(h.seed)),
            "model": .string(h.model),
            "horizon_seconds": .int(Int(h.horizonMs / 1000)),
            "step_seconds": .number(Double(h.stepMs) / 1000),
            "spot": .number(h.spot),
            "start": .string(ISO8601.format(epochMilliseconds: h.startMs)),
            "pnl": Self.statistics(summary.hedged, mean: shown.total),
            "unhedged": Self.statistics(summary.unhedged, mean: nil),
            "components": .object(components),
            "hedges": .object(["mean": .number(Self.round(summary.hedgesMean, 2)), "max": .int(summary.hedgesMax)]),
            "breakers": .object(breakers),
            "worst": .array(summary.worst.map { w in
                .object(["path": .int(w.path), "pnl": Self.cents(w.pnl), "feed": .string(w.feed)])
            }),
        ]
        if !h.model.hasPrefix("bootstrap:") {
            object["volatility"] = .number(h.volatility)
            object["drift"] = .number(h.drift)
        }
        if let j = h.jumps, j.count == 3 {
            object["jumps"] = .object(["intensity": .number(j[0]), "mean": .number(j[1]), "volatility": .number(j[2])])
        }
        if let block = h.meanBlock { object["mean_block_steps"] = .number(block) }
        return JSONValue.object(object).serialized()
    }

    static func statistics(_ d: Distribution, mean: Double?) -> JSONValue {
        var quantiles: [String: JSONValue] = [:]
        for (level, q) in zip(Distribution.quantileLevels, d.quantiles) { quantiles[Self.level(level)] = cents(q) }
        var valueAtRisk: [String: JSONValue] = [:], shortfall: [String: JSONValue] = [:]
        var valueAtRiskError: [String: JSONValue] = [:], shortfallError: [String: JSONValue] = [:]
        for t in d.tails {
            valueAtRisk[level(t.level)] = cents(t.valueAtRisk)
            shortfall[level(t.level)] = cents(t.expectedShortfall)
            valueAtRiskError[level(t.level)] = cents(t.valueAtRiskStderr)
            shortfallError[level(t.level)] = t.definedShortfallStderr.map(cents) ?? .null
        }
        return .object([
            "mean": mean.map { .number($0) } ?? cents(d.mean), "std": cents(d.std), "stderr": cents(d.stderr),
            "min": cents(d.min), "max": cents(d.max), "quantiles": .object(quantiles), "var": .object(valueAtRisk),
            "es": .object(shortfall), "var_stderr": .object(valueAtRiskError), "es_stderr": .object(shortfallError),
        ])
    }

    static func level(_ p: Double) -> String { NumberFormat.asWritten(p) }
    static func round(_ x: Double, _ decimals: Int) -> Double {
        let scale = NumberFormat.powerOfTen(decimals)
        return (x * scale).rounded() / scale
    }
    static func cents(_ x: Double) -> JSONValue { .number(round(x, 2)) }

    public func text() -> String {
        let h = header
        let q = h.quote
        var out = "\(h.strategy)  \(h.base)/\(h.quote)  stress\n"
        out += "paths         \(NumberFormat.grouped(h.paths)) \(modelText), \(TimestampFormatter.duration(h.horizonMs)) horizon in \(TimestampFormatter.duration(h.stepMs)) steps, from \(Money.plain(h.spot)) at \(ISO8601.format(epochMilliseconds: h.startMs)), seed \(h.seed)\n"
        out += "spec          sha256 \(h.specSHA256)\n\n"
        let shown = shownComponents
        let columns = ["hedged", "unhedged"]
        out += "P&L per path (\(q))".padding(toLength: 22, withPad: " ", startingAt: 0)
            + columns.map { $0.leftPadded(24) }.joined() + "\n"
        func row(_ name: String, _ values: [(Double, ErrorBar)]) {
            out += "  " + name.padding(toLength: 20, withPad: " ", startingAt: 0)
            for (v, e) in values {
                let cell = Money.grouped(v, decimals: 2) + e.suffix(" ± ") { Money.grouped($0, decimals: 2) }
                // A space even when the cell is wider than its column: figures past 100,000
                // with their errors ran into each other ("6,245.10-247,070.24").
                out += " " + cell.leftPadded(23)
            }
            out += "\n"
        }
        let a = summary.hedged, b = summary.unhedged
        row("mean", [(shown.total, .stderr(a.stderr)), (b.mean, .stderr(b.stderr))])
        row("std", [(a.std, .none), (b.std, .none)])
        for (ta, tb) in zip(a.tails, b.tails) {
            let pct = NumberFormat.percent(ta.level, decimals: 0)
            row("VaR \(pct)", [(ta.valueAtRisk, .stderr(ta.valueAtRiskStderr)), (tb.valueAtRisk, .stderr(tb.valueAtRiskStderr))])
            row("ES \(pct)", [(ta.expectedShortfall, .defined(ta.definedShortfallStderr)), (tb.expectedShortfall, .defined(tb.definedShortfallStderr))])
        }
        for (i, level) in Distribution.quantileLevels.enumerated() {
            row("quantile \(NumberFormat.percent(level, decimals: 0))", [(a.quantiles[i], .none), (b.quantiles[i], .none)])
        }
        row("min", [(a.min, .none), (b.min, .none)])
        row("max", [(a.max, .none), (b.max, .none)])
        out += "  (± one standard error; VaR and ES are losses, positive; ES is the mean loss beyond VaR)\n\n"
        out += "mean P&L by component, hedged (\(q))\n"
        out += shown.textTable + "\n"
        if h.hedged {
            out += "hedging       \(NumberFormat.fixed(summary.hedgesMean, decimals: 1)) rebalances per path on average, \(summary.hedgesMax) at most\n"
        } else {
            out += "hedging       none: the plan has no hedge, so both columns are the same structure\n"
        }
        if h.conditions.isEmpty {
            out += "breakers      none in the plan\n"
        } else {
            let parts = zip(h.conditions, summary.breakerPaths).map { name, n in
                "\(name) on \(NumberFormat.grouped(n)) path\(n == 1 ? "" : "s") (\(NumberFormat.percent(Double(n) / Double(max(1, h.paths)), decimals: 1)))"
            }
            out += "breakers      tripped: " + parts.joined(separator: ", ") + "\n"
        }
        out += "\nworst paths (hedged P&L, \(q)); replay one with hedgeplan dry-run PLAN\(h.rebase ? " --rebase" : "") --feed '<feed>'\n"
        for w in summary.worst {
            out += "  " + "#\(w.path)".padding(toLength: 9, withPad: " ", startingAt: 0) + Money.grouped(w.pnl, decimals: 2).leftPadded(12) + "  " + w.feed + "\n"
        }
        return out
    }

    private var modelText: String {
        let h = header
        if let j = h.jumps, j.count == 3 {
            return "Merton paths (vol \(NumberFormat.percent(h.volatility, decimals: 1)), drift \(NumberFormat.percent(h.drift, decimals: 2)), \(NumberFormat.asWritten(j[0])) jumps/year of log-mean \(NumberFormat.asWritten(j[1])) and log-vol \(NumberFormat.asWritten(j[2])))"
        }
        if h.model.hasPrefix("regime:") {
            return "regime-switching paths of \(h.model.dropFirst(7)) (\(h.regimes?.means.count ?? 0) volatility regimes fitted to it)"
        }
        if h.model.hasPrefix("bootstrap:") {
            return "bootstrap paths of \(h.model.dropFirst(10)) (mean block \(NumberFormat.asWritten(h.meanBlock ?? 0)) steps)"
        }
        return "GBM paths (vol \(NumberFormat.percent(h.volatility, decimals: 1)), drift \(NumberFormat.percent(h.drift, decimals: 2)))"
    }
}
