import PlanFormat
import HedgeplanCharts
import HedgeplanFormatting
import HedgeplanRuntime

/// `hedgeplan dry-run --report FILE.html`: one self-contained HTML page about a run.
///
/// The page has a header (strategy, feed, span, ticks, notes), headline figures, the P&L
/// by component (QUOTE, to the cent) with its costs and total, hedging and risk figures,
/// return and risk figures, breaker events with their times, the strategy (legs, strikes,
/// hedge and safety policy, what is held at the end), inline SVG charts of price, net delta
/// before and after hedging, hedge position, cumulative P&L by component, equity with its
/// drawdown and costs, a per-cycle (per-roll) table and the trade list.
///
/// Self-contained: inline CSS and SVG only, no scripts, fonts or other files, so it works
/// offline and can be mailed or archived as is. Deterministic: the same result (and feed
/// label) gives the same bytes; no generation time is written. The layout follows the
/// window's width (charts scale through their `viewBox`) and prints on A4 or Letter.
public struct RunReportHTML: Sendable {
    public var result: RunResult
    /// What the run was fed, as the user named it (a file path or a `gbm:` spec); optional.
    public var feed: String?
    /// The plan that ran: its legs and policy, and the capital base of the return. Without
    /// it the page leaves those sections out.
    public var plan: HedgingPlan?

    public init(_ result: RunResult, feed: String? = nil, plan: HedgingPlan? = nil) {
        self.result = result
        self.feed = feed
        self.plan = plan
    }

    var base: String { result.base }
    var quote: String { result.quote }

    /// The complete document.
    public func render() -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"hedgeplan dry-run\">\n"
        out += "<title>\(e(result.strategy)) · dry run</title>\n"
        out += "<style>\n\(Self.css)</style>\n</head>\n<body>\n<main>\n"
        out += header()
        out += headline()
        out += "<div class=\"columns\">\n" + pnlTable() + hedgingTable() + "</div>\n"
        out += performanceSection()
        out += breakers()
        out += strategySection()
        out += charts()
        out += cyclesSection()
        out += tradesSection()
        out += feedIssues()
        out += "<footer>Simulated with <code>hedgeplan dry-run</code>: fills on venue models, "
        out += "options marked to the plan's model. Money in \(e(quote)), quantities in \(e(base)), times in UTC.</footer>\n"
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    func e(_ text: String) -> String { HTMLText.escape(text) }

    /// A number cell, with the `neg` class when negative.
    func moneyCell(_ amount: Double) -> String {
        let text = HTMLText.money(amount)
        return "<td class=\"num\(text.hasPrefix(NumberFormat.minusSign) ? " neg" : "")\">\(text)</td>"
    }

    // MARK: - Sections

    func header() -> String {
        let r = result
        var out = "<header>\n<p class=\"kicker\">Dry run · \(e(base))/\(e(quote))</p>\n"
        out += "<h1>\(e(r.strategy))</h1>\n<p class=\"facts\">"
        var facts: [String] = []
        if let feed { facts.append("Feed <code>\(e(feed))</code>") }
        if let first = r.firstTime, let last = r.lastTime {
            facts.append("\(HTMLText.time(first)) → \(HTMLText.time(last)) (\(HTMLText.duration(milliseconds: last - first)))")
        }
        facts.append("\(HTMLText.count(r.ticks)) tick\(r.ticks == 1 ? "" : "s")")
        if r.rejectedCount > 0 { facts.append("\(HTMLText.count(r.rejectedCount)) rows rejected") }
        if r.gaps > 0 { facts.append("\(HTMLText.count(r.gaps)) gap\(r.gaps == 1 ? "" : "s")") }
        out += facts.joined(separator: " · ") + "</p>\n"
        if !r.notes.isEmpty {
            out += "<ul class=\"notes\">\n"
            for note in r.notes { out += "<li>\(e(note))</li>\n" }
            out += "</ul>\n"
        }
        return out + "</header>\n"
    }

    /// Four headline figures: total P&L, costs, max drawdown, rebalances.
    func headline() -> String {
        let r = result
        func card(_ label: String, _ value: String, _ unit: String, negative: Bool = false) -> String {
            "<div class=\"card\"><div class=\"label\">\(label)</div><div class=\"value\(negative ? " neg" : "")\">\(value)"
                + "<span class=\"unit\"> \(e(unit))</span></div></div>\n"
        }
        var out = "<section class=\"cards\" aria-label=\"Headline figures\">\n"
        let shown = DisplayedPnL(r.pnl)
        out += card("Total P&amp;L", HTMLText.money(shown.total), quote, negative: shown.total < 0)
        out += card("Costs", HTMLText.money(shown.costs), quote, negative: shown.costs < 0)
        out += card("Max drawdown", HTMLText.money(r.maxDrawdown), quote)
        out += card("Rebalances", HTMLText.count(r.hedges), "\(HTMLText.count(r.fills)) fills")
        return out + "</section>\n"
    }

    /// P&L by component: market components, a subtotal, costs by kind, costs, total.
    func pnlTable() -> String {
        let p = DisplayedPnL(result.pnl)
        var out = "<section>\n<h2>P&amp;L by component</h2>\n<table class=\"pnl\">\n"
        out += "<thead><tr><th scope=\"col\">Component</th><th scope=\"col\" class=\"num\">\(e(quote))</th></tr></thead>\n<tbody>\n"
        func row(_ label: String, _ amount: Double, _ cls: String = "") -> String {
            "<tr\(cls.isEmpty ? "" : " class=\"\(cls)\"")><th scope=\"row\">\(label)</th>\(moneyCell(amount))</tr>\n"
        }
        out += row("Options", p.amount("option"))
        out += row("Underlying", p.amount("underlying"))
        // A liquidity position's impermanent loss and fee income, when the run held one.
        let impermanentLoss = p.amountIfShown("impermanent_loss"), lpFees = p.amountIfShown("lp_fees")
        if let impermanentLoss { out += row("Impermanent loss", impermanentLoss) }
        if let lpFees { out += row("LP fees", lpFees) }
        out += row("Hedge", p.amount("hedge"))
        let beforeCosts = p.amount("option") + p.amount("underlying") + (impermanentLoss ?? 0) + (lpFees ?? 0) + p.amount("hedge")
        out += row("Before costs", (beforeCosts * 100).rounded() / 100, "sub")
        out += row("Fees", p.amount("fees"), "indent")
        out += row("Slippage", p.amount("slippage"), "indent")
        out += row("Gas", p.amount("gas"), "indent")
        out += row("Funding", p.amount("funding"), "indent")
        out += row("Costs", p.costs, "sub")
        out += "</tbody>\n<tfoot>\n" + row("Total", p.total, "total") + "</tfoot>\n</table>\n"
        out += "<p class=\"hint\">Options are marked to the plan's model at the last tick; negative costs were paid.</p>\n"
        return out + "</section>\n"
    }

    func hedgingTable() -> String {
        let r = result
        var rows: [(String, String)] = [
            ("Rebalances", HTMLText.count(r.hedges)),
            ("Fills (child orders)", HTMLText.count(r.fills)),
            ("Volume traded", "\(HTMLText.number(r.hedgeVolume)) \(e(base))"),
            ("Max drawdown", "\(HTMLText.money(r.maxDrawdown)) \(e(quote))"),
            ("Breaker events", r.breakerEvents.isEmpty ? "none tripped" : HTMLText.count(r.breakerEvents.count)),
            ("Settlements, rolls", "\(HTMLText.count(r.settlements)), \(HTMLText.count(r.rolls))"),
            ("Final hedge position", "\(HTMLText.number(r.finalHedgePosition)) \(e(base))"),
            ("Final spot", "\(HTMLText.typographic(Money.plain(r.finalSpot))) \(e(quote)) per \(e(base))"),
        ]
        if r.hedgesDelta {
            rows.insert(("Tracking error", "\(HTMLText.number(r.trackingError)) \(e(base)) <span class=\"muted\">RMS of net delta − target</span>"), at: 3)
        } else {
            rows.insert(("Delta hedge", "none: the strategy is unhedged"), at: 0)
        }
        if r.unfilled > 0 { rows.append(("Unfilled hedge size", "\(HTMLText.number(r.unfilled)) \(e(base))")) }
        var out = "<section>\n<h2>Hedging and risk</h2>\n<table class=\"facts-table\">\n<tbody>\n"
        for (label, value) in rows { out += "<tr><th scope=\"row\">\(label)</th><td>\(value)</td></tr>\n" }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// Breaker events with their times (the first 50).
    func breakers() -> String {
        let events = result.breakerEvents
        guard !events.isEmpty else { return "" }
        var out = "<section>\n<h2>Circuit breakers</h2>\n<table class=\"events\">\n"
        out += "<thead><tr><th scope=\"col\">Time</th><th scope=\"col\">Condition</th><th scope=\"col\" class=\"num\">Measured</th><th scope=\"col\">Action</th></tr></thead>\n<tbody>\n"
        for event in events.prefix(50) {
            let measured = event.condition == "feed_stale" ? "\(HTMLText.count(Int(event.measured))) s" : HTMLText.percent(event.measured)
            out += "<tr><td>\(HTMLText.time(event.time))</td><td><code>\(e(event.condition))</code></td>"
            out += "<td class=\"num\">\(measured)</td><td>\(e(event.action))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if events.count > 50 { out += "<p class=\"hint\">and \(HTMLText.count(events.count - 50)) more.</p>\n" }
        return out + "</section>\n"
    }

    func charts() -> String {
        var out = "<section class=\"charts\">\n<h2>Charts</h2>\n"
        guard result.ticks > 0 else { return out + "<p class=\"hint\">The feed gave no ticks: nothing to draw.</p>\n</section>\n" }
        let charts = RunReportCharts(result)
        for chart in charts.all() {
            out += "<figure>\n" + chart.render() + "\n</figure>\n"
            if chart.idPrefix == "chart-pnl" { out += "<figure>\n" + charts.equityAndDrawdown().render() + "\n</figure>\n" }
        }
        return out + "</section>\n"
    }

    func feedIssues() -> String {
        let r = result
        guard !r.rejected.isEmpty else { return "" }
        var out = "<section>\n<h2>Rejected feed rows</h2>\n<p class=\"hint\">\(HTMLText.count(r.rejectedCount)) in all"
        out += r.rejected.count < r.rejectedCount ? "; the first \(r.rejected.count) below" : ""
        out += ".</p>\n<ul class=\"issues\">\n"
        for issue in r.rejected.prefix(20) { out += "<li>\(e("\(issue)"))</li>\n" }
        return out + "</ul>\n</section>\n"
    }

    // MARK: - Style

    /// Sober, system fonts, tabular figures; one column on narrow screens; print rules.
    static let css = """
        :root{color-scheme:light;--text:#1f2328;--muted:#59636e;--rule:#d8dee4;--faint:#eef1f4;--neg:#b42318}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;background:#fff;color:var(--text);font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}
        main{max-width:980px;margin:0 auto;padding:28px 24px 48px}
        h1{font-size:26px;line-height:1.2;margin:2px 0 6px;font-weight:650;overflow-wrap:anywhere}
        h2{font-size:17px;margin:32px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--rule);font-weight:600}
        code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
        .kicker{margin:0;color:var(--muted);font-size:13px;text-transform:uppercase;letter-spacing:.06em}
        .facts{margin:0;color:var(--muted)}
        .notes{margin:10px 0 0;padding-left:20px;color:var(--muted);font-size:14px}
        .cards{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:12px;margin:24px 0 0}
        .card{border:1px solid var(--rule);border-radius:6px;padding:10px 14px}
        .card .label{color:var(--muted);font-size:13px}
        .card .value{font-size:22px;font-weight:600;font-variant-numeric:tabular-nums;white-space:nowrap}
        .card .unit{font-size:13px;font-weight:400;color:var(--muted)}
        .columns{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.25fr);gap:0 40px}
        table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
        th,td{padding:5px 8px;text-align:left;vertical-align:baseline;border-bottom:1px solid var(--faint)}
        th:first-child,td:first-child{padding-left:0}
        th:last-child,td:last-child{padding-right:0}
        thead th{font-size:13px;color:var(--muted);font-weight:500;border-bottom:1px solid var(--rule)}
        tbody th{font-weight:400}
        .num{text-align:right;white-space:nowrap}
        .neg{color:var(--neg)}
        tr.indent th{padding-left:16px;color:var(--muted)}
        tr.sub th,tr.sub td{font-weight:600}
        tr.total th,tr.total td{font-weight:700;border-top:2px solid var(--text);border-bottom:none}
        .facts-table th{color:var(--muted);width:45%}
        .muted{color:var(--muted);font-size:13px}
        .hint{color:var(--muted);font-size:13px;margin:8px 0 0}
        .events td:first-child,.events code{white-space:nowrap;overflow-wrap:normal}
        .issues{font-size:14px;padding-left:20px}
        h3{font-size:15px;margin:20px 0 8px;font-weight:600}
        .scroll{overflow-x:auto}
        .cycles td,.trades td{white-space:nowrap}
        .cycles,.trades,.legs,.trade-summary{font-size:13.5px}
        tr.omitted td{text-align:center;color:var(--muted);font-style:italic}
        .policy{margin-top:16px}
        figure{margin:0 0 20px;break-inside:avoid;page-break-inside:avoid}
        figure svg{display:block;width:100%;height:auto}
        footer{margin-top:32px;padding-top:10px;border-top:1px solid var(--rule);color:var(--muted);font-size:13px}
        @media (max-width:720px){
          main{padding:18px 14px 36px}
          .cards{grid-template-columns:repeat(2,minmax(0,1fr))}
          .columns{grid-template-columns:minmax(0,1fr)}
          .card .value{font-size:19px}
          figure{overflow-x:auto}
          figure svg{min-width:760px}
        }
        @media print{
          @page{margin:14mm}
          body{font-size:10.5pt}
          main{max-width:none;padding:0}
          h2{break-after:avoid;page-break-after:avoid}
          .cards,table,figure{break-inside:avoid;page-break-inside:avoid}
          .card{border-color:#999}
        }

        """
}
