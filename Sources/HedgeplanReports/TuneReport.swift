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
            var fields: [String: JSONValue] = [
                "policy": Self.json(.mapping(c.policy.fields)),
                "cost": StressReport.cents(c.figures.cost), "std": StressReport.cents(c.figures.std),
                "es99": StressReport.cents(c.figures.es99), "hedges": .number(StressReport.round(c.figures.hedges, 2)),
                "mean": StressReport.cents(c.figures.mean), "objective": StressReport.cents(c.objective), "pareto": .bool(c.pareto),
                "stderr": .object([
                    "cost": StressReport.cents(c.figures.costStderr), "std": StressReport.cents(c.figures.stdStderr),
                    "es99": c.figures.es99Stderr.map(StressReport.cents) ?? .null,
                ]),
            ]
            if let share = c.figures.liquidatedShare { fields["liquidated_share"] = .number(StressReport.round(share, 4)) }
            return .object(fields)
        }
        let h = result.header
        var fields: [String: JSONValue] = [
            "format": .string("hedgeplan-tune"), "version": .int(1), "spec_sha256": .string(result.specSHA256),
            "strategy": .string(h.strategy), "units": .object(["money": .string(h.quote), "quantity": .string(h.base)]),
            "paths": .int(h.paths), "seed": .int(Int(h.seed)), "model": .string(h.model),
            "horizon_seconds": .int(Int(h.horizonMs / 1000)), "step_seconds": .number(Double(h.stepMs) / 1000),
            "objective": .string(result.objective.text), "recommended": .int(result.recommended),
            "candidates": .array(candidates),
        ]
        if let m = result.member {
            fields["portfolio"] = .object([
                "name": .string(m.portfolio), "member": .string(m.member), "copies": .int(m.copies),
                "crowd": .array(m.crowd.map { .string($0) }),
            ])
        }
        return JSONValue.object(fields).serialized()
    }

    public func text() -> String {
        let h = result.header
        var out = "\(h.strategy)  \(h.base)/\(h.quote)  tune\n"
        out += "paths         \(NumberFormat.grouped(h.paths)) \(h.model) paths, the same for every candidate; seed \(h.seed)\n"
        if let m = result.member {
            out += "member        \(m.member) × \(m.copies): every copy takes the candidate; figures per copy\n"
            out += "crowd         " + (m.crowd.isEmpty ? "none" : m.crowd.joined(separator: ", ")) + " (their own policies)\n"
        }
        out += "objective     \(result.objective.text) (minimised; \(h.quote) per path\(result.member == nil ? "" : " and copy"))\n\n"
        let width = max(20, result.candidates.map(\.policy.flowText.count).max() ?? 0) + 2
        // Each figure with its standard error (n/a where none is defined: ES of one tail
        // path); the columns as wide as their widest cell.
        let cells = result.candidates.map { c in
            [(c.figures.cost, c.figures.costStderr), (c.figures.std, c.figures.stdStderr), (c.figures.es99, c.figures.es99Stderr)]
                .map { Money.grouped($0.0, decimals: 2) + ErrorBar.defined($0.1).suffix(" ±") { Money.grouped($0, decimals: 1) } }
        }
        let columns = (0..<3).map { k in max(17, (cells.map { $0[k].count }.max() ?? 0) + 2) }
        out += "  #  " + "policy".padding(toLength: width, withPad: " ", startingAt: 0)
            + zip(["cost", "std", "ES 99%"], columns).map { $0.leftPadded($1) }.joined()
            + ["hedges", "objective"].map { $0.leftPadded(11) }.joined() + (result.member == nil ? "" : "liquidated".leftPadded(12)) + "  pareto\n"
        for (i, c) in result.candidates.enumerated() {
            let mark = i == result.recommended ? "*" : " "
            let policy = c.policy.flowText
            out += "\(mark)" + "\(i)".leftPadded(2) + "  " + policy.padding(toLength: width, withPad: " ", startingAt: 0)
            out += zip(cells[i], columns).map { $0.leftPadded($1) }.joined()
            out += NumberFormat.fixed(c.figures.hedges, decimals: 1).leftPadded(11) + Money.grouped(c.objective, decimals: 2).leftPadded(11)
            if let share = c.figures.liquidatedShare { out += NumberFormat.percent(share, decimals: 1).leftPadded(12) }
            out += c.pareto ? "  yes\n" : "\n"
        }
        let best = result.candidates[result.recommended]
        out += "\nrecommended   #\(result.recommended): hedge.delta \(best.policy.flowText)\n"
        out += "              (cost: mean fees + slippage + gas + funding paid; std and ES 99% of hedged P&L; ± one standard error; pareto: no candidate is both cheaper and tighter"
            + (result.member == nil ? ")\n" : "; liquidated: the mean share of the member's copies liquidated per path)\n")
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
            y: .linear("Std of hedged P&L", unit: result.header.quote),
            series: [
                Series("candidates", kind: .scatter, x: all.map(\.figures.cost), y: all.map(\.figures.std)),
                Series("Pareto frontier", x: pareto.map(\.figures.cost), y: pareto.map(\.figures.std)),
                Series("recommended", kind: .scatter, x: [best.figures.cost], y: [best.figures.std], markerRadius: 6),
            ])
        return chart.render() + "\n"
    }
}

extension TuneReport {
    /// `tune --report FILE.html`: the candidates' table and the frontier, self-contained.
    public func html() -> String {
        let h = result.header
        let e = HTMLText.escape
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"hedgeplan tune\">\n"
        out += "<title>\(e(h.strategy)) · tune</title>\n<style>\n\(RunReportHTML.css)</style>\n</head>\n<body>\n<main>\n"
        out += "<header>\n<p class=\"kicker\">Hedge policy frontier · \(e(h.base))/\(e(h.quote))</p>\n<h1>\(e(h.strategy))</h1>\n"
        out += "<p>\(HTMLText.count(h.paths)) <code>\(e(h.model))</code> paths, the same for every candidate, seed \(h.seed); objective <code>\(e(result.objective.text))</code>, minimised.</p>\n</header>\n"
        out += "<section>\n" + frontierSVG() + "</section>\n"
        out += "<section>\n<h2>Candidates</h2>\n<table>\n<thead><tr><th>#</th><th>hedge.delta</th><th class=\"num\">cost</th><th class=\"num\">std</th><th class=\"num\">ES 99%</th><th class=\"num\">rebalances</th><th class=\"num\">objective</th><th>Pareto</th></tr></thead>\n<tbody>\n"
        for (i, c) in result.candidates.enumerated() {
            let f = c.figures
            let cell = { (v: Double, err: Double?) in
                "<td class=\"num\">\(HTMLText.money(v)) <small>\(ErrorBar.defined(err).suffix("± ", HTMLText.money))</small></td>"
            }
            out += "<tr><td>\(i == result.recommended ? "<strong>\(i) ★</strong>" : "\(i)")</td><td><code>\(e(c.policy.flowText))</code></td>"
            out += cell(f.cost, f.costStderr) + cell(f.std, f.stdStderr) + cell(f.es99, f.es99Stderr)
            out += "<td class=\"num\">\(HTMLText.number(f.hedges))</td><td class=\"num\">\(HTMLText.money(c.objective))</td><td>\(c.pareto ? "yes" : "")</td></tr>\n"
        }
        out += "</tbody>\n</table>\n<p>Cost: mean fees + slippage + gas + funding paid per path; std and ES 99% of the hedged P&amp;L per path; ± one standard error. Money in \(e(h.quote)).</p>\n</section>\n"
        out += "</main>\n</body>\n</html>\n"
        return out
    }
}
