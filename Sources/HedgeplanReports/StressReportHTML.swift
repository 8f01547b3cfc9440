import HedgeplanCharts
import HedgeplanFormatting
import HedgeplanSimulation
import HedgeplanTime

/// `hedgeplan stress --report FILE.html` (and `merge --report`): one self-contained page
/// with the hedged and unhedged P&L histograms (VaR and ES marked), the statistics table,
/// the mean cost split and the worst paths with the command that replays each.
/// Inline CSS and SVG only, deterministic (no generation time), like the dry-run report.
public struct StressReportHTML: Sendable {
    public var summary: StressSummary

    public init(_ summary: StressSummary) { self.summary = summary }

    private var header: StressHeader { summary.header }
    func e(_ text: String) -> String { HTMLText.escape(text) }

    public func render() -> String {
        let h = header
        let report = StressReport(summary)
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"hedgeplan stress\">\n"
        out += "<title>\(e(h.strategy)) · stress</title>\n"
        out += "<style>\n\(RunReportHTML.css)</style>\n</head>\n<body>\n<main>\n"
        out += "<header>\n<p class=\"kicker\">Monte Carlo · \(e(h.base))/\(e(h.quote))</p>\n<h1>\(e(h.strategy))</h1>\n"
        out += "<p>\(HTMLText.count(h.paths)) paths, model <code>\(e(h.model))</code>, horizon \(HTMLText.duration(milliseconds: h.horizonMs)) in \(HTMLText.duration(milliseconds: h.stepMs)) steps, from \(HTMLText.money(h.spot)) at \(HTMLText.time(h.startMs)), seed \(h.seed). Spec <code>\(h.specSHA256.prefix(16))…</code></p>\n</header>\n"
        out += statistics(report)
        out += "<section>\n<h2>P&amp;L per path</h2>\n" + histogram() + "</section>\n"
        out += costs(report)
        out += worst()
        out += "<footer>Every path runs through the same engine as <code>hedgeplan dry-run</code>; the unhedged column is the same structure on the same paths with no hedge and no breaker. Money in \(e(h.quote)); VaR and ES are losses (positive); ± is one standard error.</footer>\n"
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    func statistics(_ report: StressReport) -> String {
        let a = summary.hedged, b = summary.unhedged
        var out = "<section>\n<h2>Risk after hedging</h2>\n<table>\n<thead><tr><th></th><th class=\"num\">hedged</th><th class=\"num\">unhedged</th></tr></thead>\n<tbody>\n"
        func row(_ name: String, _ x: Double, _ xe: ErrorBar, _ y: Double, _ ye: ErrorBar) {
            func cell(_ v: Double, _ err: ErrorBar) -> String {
                let error = err.suffix("± ", HTMLText.money)
                return "<td class=\"num\">\(HTMLText.money(v))\(error.isEmpty ? "" : " <small>\(error)</small>")</td>"
            }
            out += "<tr><th>\(e(name))</th>\(cell(x, xe))\(cell(y, ye))</tr>\n"
        }
        row("mean", report.shownComponents.total, .stderr(a.stderr), b.mean, .stderr(b.stderr))
        row("std", a.std, .none, b.std, .none)
        for (ta, tb) in zip(a.tails, b.tails) {
            let pct = NumberFormat.percent(ta.level, decimals: 0)
            row("VaR \(pct)", ta.valueAtRisk, .stderr(ta.valueAtRiskStderr), tb.valueAtRisk, .stderr(tb.valueAtRiskStderr))
            row("ES \(pct)", ta.expectedShortfall, .defined(ta.definedShortfallStderr), tb.expectedShortfall, .defined(tb.definedShortfallStderr))
        }
        for (i, level) in Distribution.quantileLevels.enumerated() {
            row("quantile \(NumberFormat.percent(level, decimals: 0))", a.quantiles[i], .none, b.quantiles[i], .none)
        }
        row("worst", a.min, .none, b.min, .none)
        row("best", a.max, .none, b.max, .none)
        out += "</tbody>\n</table>\n</section>\n"
        return out
    }

    func histogram() -> String {
        let hist = summary.histogram
        guard hist.edges.count > 1 else { return "<p>No paths.</p>\n" }
        // Step lines over the bins (density per path), closed at both ends.
        func line(_ counts: [Int]) -> (x: [Double], y: [Double]) {
            var x: [Double] = [hist.edges[0]], y: [Double] = [0]
            let n = Double(max(1, summary.hedged.count))
            for (i, c) in counts.enumerated() {
                x.append(hist.edges[i]); y.append(Double(c) / n)
                x.append(hist.edges[i + 1]); y.append(Double(c) / n)
            }
            x.append(hist.edges[hist.edges.count - 1]); y.append(0)
            return (x, y)
        }
        let hedged = line(hist.hedged), unhedged = line(hist.unhedged)
        var references: [ReferenceLine] = []
        for t in summary.hedged.tails {
            let pct = NumberFormat.percent(t.level, decimals: 0)
            references.append(.vertical(at: -t.valueAtRisk, label: "VaR \(pct)", style: .strike))
            references.append(.vertical(at: -t.expectedShortfall, label: "ES \(pct)", style: .breakeven))
        }
        references.append(.vertical(at: 0, label: "0", style: .zero))
        let chart = Chart(
            title: "Hedged and unhedged P&L at the horizon", subtitle: "share of paths per bin; VaR and ES of the hedged plan marked",
            x: .linear("P&L", unit: header.quote), y: .linear("Share of paths", format: .percent, includesZero: true),
            series: [Series("hedged", x: hedged.x, y: hedged.y), Series("unhedged", x: unhedged.x, y: unhedged.y, dashed: true)],
            referenceLines: references)
        return chart.render() + "\n"
    }

    func costs(_ report: StressReport) -> String {
        let shown = report.shownComponents
        var out = "<section>\n<h2>Mean P&amp;L by component (hedged)</h2>\n<table>\n<tbody>\n"
        for (name, amount) in zip(shown.names, shown.amounts) {
            out += "<tr><th>\(e(name))</th><td class=\"num\">\(HTMLText.money(amount))</td></tr>\n"
        }
        out += "<tr><th>total</th><td class=\"num\">\(HTMLText.money(shown.total))</td></tr>\n"
        out += "<tr><th>costs</th><td class=\"num\">\(HTMLText.money(shown.costs))</td></tr>\n"
        out += "</tbody>\n</table>\n"
        if header.hedged {
            out += "<p>\(NumberFormat.fixed(summary.hedgesMean, decimals: 1)) rebalances per path on average, \(summary.hedgesMax) at most.</p>\n"
        }
        if !header.conditions.isEmpty {
            let parts = zip(header.conditions, summary.breakerPaths).map { "\(e($0)): \(HTMLText.count($1)) paths" }
            out += "<p>Breakers tripped — \(parts.joined(separator: ", ")).</p>\n"
        }
        return out + "</section>\n"
    }

    func worst() -> String {
        var out = "<section>\n<h2>Worst paths</h2>\n<table>\n<thead><tr><th>path</th><th class=\"num\">hedged P&amp;L</th><th>replay</th></tr></thead>\n<tbody>\n"
        for w in summary.worst {
            out += "<tr><td>#\(w.path)</td><td class=\"num\">\(HTMLText.money(w.pnl))</td><td><code>hedgeplan dry-run PLAN\(header.rebase ? " --rebase" : "") --feed '\(e(w.feed))'</code></td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }
}
