import HedgeplanCharts
import HedgeplanFormatting
import HedgeplanJSON
import HedgeplanSimulation

/// `hedgeplan tune` output: the candidates' table (cost, std, ES 99%, rebalances, objective,
/// Pareto), the JSON object `simulation.md` fixes, and the cost / std frontier as SVG.
/// Money in QUOTE per path, to the cent.
public struct TuneReport: Sendable {
    public var result: TuneResult

    public init(_ result: TuneResult) { self.result = result }

    /// A policy as JSON, keys and values as the language writes them (numbers as numbers).
    static func json(_ value: HedgePolicy.Value) -> JSONValue {
        switch value {
        case .text(let t): Double(t).map { $0.isFinite ? JSONValue.number($0) : .string(t) } ?? .string(t)
        case .mapping(let m): .object(Dictionary(m.map { ($0.0, json($0.1)) }, uniquingKeysWith: { a, _ in a }))
        }
    }

    public func json() -> String {
        let candidates: [JSONValue] = result.candidates.map { c in
            .object([
                "policy": Self.json(.mapping(c.policy.fields)),
                "cost": StressReport.cents(c.figures.cost), "std": StressReport.cents(c.figures.std),
                "es99": StressReport.cents(c.figures.es99), "hedges": .number(StressReport.round(c.figures.hedges, 2)),
                "mean": StressReport.cents(c.figures.mean), "objective": StressReport.cents(c.objective), "pareto": .bool(c.pareto),
            ])
        }
        let h = result.header
        return JSONValue.object([
            "format": .string("hedgeplan-tune"), "version": .int(1), "spec_sha256": .string(result.specSHA256),
            "strategy": .string(h.strategy), "units": .object(["money": .string(h.quote), "quantity": .string(h.base)]),
            "paths": .int(h.paths), "seed": .int(Int(h.seed)), "model": .string(h.model),
            "horizon_seconds": .int(Int(h.horizonMs / 1000)), "step_seconds": .number(Double(h.stepMs) / 1000),
            "objective": .string(result.objective.text), "recommended": .int(result.recommended),
            "candidates": .array(candidates),
        ]).serialized()
    }

    public func text() -> String {
        let h = result.header
        var out = "\(h.strategy)  \(h.base)/\(h.quote)  tune\n"
        out += "paths         \(NumberFormat.grouped(h.paths)) \(h.model) paths, the same for every candidate; seed \(h.seed)\n"
        out += "objective     \(result.objective.text) (minimised; \(h.quote) per path)\n\n"
        out += "  #  " + "policy".padding(toLength: 62, withPad: " ", startingAt: 0)
            + ["cost", "std", "ES 99%", "hedges", "objective"].map { $0.leftPadded(11) }.joined() + "  pareto\n"
        for (i, c) in result.candidates.enumerated() {
            let mark = i == result.recommended ? "*" : " "
            let policy = c.policy.flowText
            out += "\(mark)" + "\(i)".leftPadded(2) + "  " + (policy.count > 62 ? String(policy.prefix(61)) + "…" : policy.padding(toLength: 62, withPad: " ", startingAt: 0))
            out += [c.figures.cost, c.figures.std, c.figures.es99].map { Money.grouped($0, decimals: 2).leftPadded(11) }.joined()
            out += NumberFormat.fixed(c.figures.hedges, decimals: 1).leftPadded(11) + Money.grouped(c.objective, decimals: 2).leftPadded(11)
            out += c.pareto ? "  yes\n" : "\n"
        }
        let best = result.candidates[result.recommended]
        out += "\nrecommended   #\(result.recommended): hedge.delta \(best.policy.flowText)\n"
        out += "              (cost: mean fees + slippage + gas + funding paid; std and ES 99% of hedged P&L; pareto: no candidate is both cheaper and tighter)\n"
        return out
    }

    /// Cost against std, one point per candidate, the Pareto set joined and the
    /// recommendation marked.
    public func frontierSVG() -> String {
        let all = result.candidates
        let pareto = all.filter(\.pareto).sorted { $0.figures.cost < $1.figures.cost }
        let best = all[result.recommended]
        let chart = Chart(
            title: "Cost against tracking: \(result.header.strategy)",
            subtitle: "each point a hedge policy on the same \(NumberFormat.grouped(result.header.paths)) paths; the line joins the Pareto set",
            x: .linear("Mean cost per path", unit: result.header.quote, includesZero: true),
            y: .linear("Std of hedged P&L", unit: result.header.quote, includesZero: true),
            series: [
                Series("candidates", kind: .scatter, x: all.map(\.figures.cost), y: all.map(\.figures.std)),
                Series("Pareto frontier", x: pareto.map(\.figures.cost), y: pareto.map(\.figures.std)),
                Series("recommended", kind: .scatter, x: [best.figures.cost], y: [best.figures.std], markerRadius: 6),
            ])
        return chart.render() + "\n"
    }
}
