import HedgeplanCharts
import HedgeplanFormatting
import HedgeplanRuntime

/// `hedgeplan dry-run PORTFOLIO.yaml --report FILE.html`: one self-contained page with each
/// shared pool's price against the feed's (liquidations marked where they left the mark),
/// the members' P&L, the crowd figures and the cascade, liquidation by liquidation. Inline
/// CSS and SVG only, deterministic, like the dry-run report. Money in QUOTE.
public struct PortfolioReportHTML: Sendable {
    public var result: PortfolioResult
    /// Rows of the cascade table at most (the count of all is always given).
    public var maxCascadeRows = 200

    public init(_ result: PortfolioResult) { self.result = result }

    func e(_ text: String) -> String { HTMLText.escape(text) }

    public func render() -> String {
        let r = result
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"hedgeplan dry-run (portfolio)\">\n"
        out += "<title>\(e(r.name)) · portfolio dry run</title>\n"
        out += "<style>\n\(RunReportHTML.css)</style>\n</head>\n<body>\n<main>\n"
        out += "<header>\n<p class=\"kicker\">Portfolio dry run · \(e(r.base))/\(e(r.quote))</p>\n<h1>\(e(r.name))</h1>\n"
        out += "<p>\(HTMLText.count(r.ticks)) ticks"
        if let first = r.firstTime, let last = r.lastTime { out += " from \(HTMLText.time(first)) to \(HTMLText.time(last))" }
        out += "; final spot \(HTMLText.money(r.finalSpot)) \(e(r.quote)).</p>\n</header>\n"
        out += poolChartSection()
        out += membersTable()
        out += crowdTable()
        out += cascadeTable()
        if !r.notes.isEmpty {
            out += "<section>\n<h2>Notes</h2>\n<ul>\n" + r.notes.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n</section>\n"
        }
        out += "<footer>Every copy of every member runs through the same engine as <code>hedgeplan dry-run</code>, on shared venues; money in \(e(r.quote)), to the cent.</footer>\n"
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    /// The pools' mids and the feed's price over the run, with each liquidation at the mark
    /// it left behind (its cascade round in the legend).
    public func poolChart() -> Chart? {
        guard let track = result.poolTrack, !track.times.isEmpty else { return nil }
        let x = track.times.map(Double.init)
        var series = [Series("Feed", x: x, y: track.feed, color: Color(hex: 0x1F2328), lineWidth: 1.25)]
        let palette = [Color(hex: 0x0072B2), Color(hex: 0x009E73), Color(hex: 0xCC79A7), Color(hex: 0xE69F00)]
        for (p, pool) in track.pools.enumerated() {
            series.append(Series("Pool \(pool)", x: x, y: track.mids.map { $0[p] }, color: palette[p % palette.count], lineWidth: 1.5))
        }
        let events = result.liquidationEvents
        if !events.isEmpty {
            series.append(Series("Liquidation (mark after it)", kind: .scatter, x: events.map { Double($0.time) },
                                 y: events.map(\.markAfter), color: Color(hex: 0xD55E00), markerRadius: events.count > 200 ? 2 : 3.5))
        }
        let prices = track.feed + track.mids.flatMap { $0 } + events.map(\.markAfter)
        var y = Axis("Price", unit: "\(result.quote) per \(result.base)")
        if let lo = prices.min(), let hi = prices.max() {
            let nice = NiceScale(min: lo, max: hi, targetTicks: 6, loose: true)
            y.domain = nice.lower...nice.upper
        }
        var xAxis = Axis.time("Time")
        if let first = x.first, let last = x.last, first < last { xAxis.domain = first...last }
        let c = result.crowd
        return Chart(
            title: "Shared pools against the feed",
            subtitle: "largest deviation \(HTMLText.number(c.maxPoolDeviationBps)) bps · \(HTMLText.count(c.liquidations)) liquidation\(c.liquidations == 1 ? "" : "s"), cascade depth \(c.maxCascadeDepth)",
            x: xAxis, y: y, series: series, size: Chart.Size(width: 920, height: 320), idPrefix: "chart-pools")
    }

    func poolChartSection() -> String {
        guard let chart = poolChart() else { return "" }
        return "<section>\n<h2>Pool price and the cascade</h2>\n<figure>\n" + chart.render() + "\n</figure>\n"
            + "<p class=\"hint\">Each pool's mid at the end of every tick, after the copies traded and the liquidation rounds; the arbitrageur closes the declared share of the gap to the feed before the next tick.</p>\n</section>\n"
    }

    func membersTable() -> String {
        let q = e(result.quote)
        var out = "<section>\n<h2>Members</h2>\n<table>\n<thead><tr><th scope=\"col\">Member</th><th scope=\"col\" class=\"num\">Copies</th>"
        out += "<th scope=\"col\" class=\"num\">Total (\(q))</th><th scope=\"col\" class=\"num\">Costs (\(q))</th>"
        out += "<th scope=\"col\" class=\"num\">Worst copy (\(q))</th><th scope=\"col\" class=\"num\">Rebalances</th><th scope=\"col\" class=\"num\">Liquidated</th></tr></thead>\n<tbody>\n"
        for m in result.members {
            let shown = DisplayedPnL(m.pnl)
            out += "<tr><th scope=\"row\">\(e(m.name))</th><td class=\"num\">\(HTMLText.count(m.copies))</td>"
            out += cell(shown.total) + cell(shown.costs) + (m.copyTotals.min().map(cell) ?? "<td class=\"num\">-</td>")
            out += "<td class=\"num\">\(HTMLText.count(m.hedges))</td><td class=\"num\">\(HTMLText.count(m.liquidations)) of \(HTMLText.count(m.copies))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n<p class=\"hint\">Totals and costs are summed over the member's copies; costs are fees, slippage, gas and funding (negative: paid).</p>\n</section>\n"
    }

    func crowdTable() -> String {
        let c = result.crowd
        let rows = [
            ("Largest pool deviation from the feed", "\(HTMLText.number(c.maxPoolDeviationBps)) bps"),
            ("Induced rebalances (another copy's trade moved the pool)", HTMLText.count(c.inducedRebalances)),
            ("Deepest cascade (rounds within one tick)", HTMLText.count(c.maxCascadeDepth)),
            ("Liquidations", HTMLText.count(c.liquidations)),
            ("Volume traded by the copies", "\(HTMLText.number(c.volume)) \(e(result.base))"),
        ]
        return "<section>\n<h2>The crowd</h2>\n<table>\n<tbody>\n"
            + rows.map { "<tr><th scope=\"row\">\($0.0)</th><td class=\"num\">\($0.1)</td></tr>\n" }.joined()
            + "</tbody>\n</table>\n</section>\n"
    }

    func cascadeTable() -> String {
        let events = result.liquidationEvents
        guard !events.isEmpty else { return "<section>\n<h2>The cascade</h2>\n<p>No copy was liquidated.</p>\n</section>\n" }
        let q = e(result.quote), b = e(result.base)
        var out = "<section>\n<h2>The cascade</h2>\n<table>\n<thead><tr><th scope=\"col\">Time</th><th scope=\"col\" class=\"num\">Round</th><th scope=\"col\">Member, copy</th>"
        out += "<th scope=\"col\" class=\"num\">Position (\(b))</th><th scope=\"col\" class=\"num\">Mark</th><th scope=\"col\" class=\"num\">Equity (\(q))</th>"
        out += "<th scope=\"col\" class=\"num\">Closed at</th><th scope=\"col\" class=\"num\">Mark after</th></tr></thead>\n<tbody>\n"
        for event in events.prefix(maxCascadeRows) {
            out += "<tr><td>\(HTMLText.time(event.time))</td><td class=\"num\">\(event.depth)</td><td>\(e(event.member)) #\(event.copy + 1)</td>"
            out += "<td class=\"num\">\(HTMLText.number(event.position))</td><td class=\"num\">\(HTMLText.money(event.mark))</td>"
            out += cell(event.equity) + "<td class=\"num\">\(HTMLText.money(event.averagePrice))</td><td class=\"num\">\(HTMLText.money(event.markAfter))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if events.count > maxCascadeRows {
            out += "<p class=\"hint\">The first \(HTMLText.count(maxCascadeRows)) of \(HTMLText.count(events.count)) liquidations.</p>\n"
        }
        out += "<p class=\"hint\">A copy is liquidated when its perp equity (collateral plus the hedge's P&amp;L at the mark) falls below the maintenance margin; its close moves the pool the perp marks to, which can push the next copy under within the same tick (the next round).</p>\n"
        return out + "</section>\n"
    }

    private func cell(_ amount: Double) -> String {
        let text = HTMLText.money(amount)
        return "<td class=\"num\(text.hasPrefix(NumberFormat.minusSign) ? " neg" : "")\">\(text)</td>"
    }
}
