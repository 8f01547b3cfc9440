import HedgeplanFormatting
import HedgeplanRuntime

/// The report's "Return and risk" section (`RunPerformance`): return on the drawdown
/// breaker's capital base, the volatility of daily equity changes and a Sharpe-like ratio,
/// with their units and the reminder that they describe the past.
extension RunReportHTML {
    var firstPrice: Double? { result.series.line("price")?.values.first ?? result.trades.first?.spot }

    func performanceSection() -> String {
        guard let firstPrice, plan != nil else { return "" }
        let p = RunPerformance(result, plan: plan, firstPrice: firstPrice)
        let days = p.dailyChanges.count
        var rows: [(String, String)] = [
            ("Capital base", "\(HTMLText.money(p.capitalBase)) \(e(quote)) <span class=\"muted\">\(p.baseRule.rawValue) at the feed's first price, the drawdown breaker's base</span>"),
            ("Return", "\(HTMLText.percent(p.totalReturn)) <span class=\"muted\">total P&amp;L ÷ capital base, over \(HTMLText.duration(milliseconds: (result.lastTime ?? 0) - (result.firstTime ?? 0)))</span>"),
            ("Max drawdown", "\(HTMLText.money(result.equity.maxDrawdown)) \(e(quote)) (\(HTMLText.percent(result.equity.maxDrawdown / p.capitalBase)) of the base) <span class=\"muted\">from the running peak of equity</span>"),
        ]
        if let volatility = p.annualisedVolatility, let ofBase = p.annualisedVolatilityOfBase {
            rows.append(("Volatility", "\(HTMLText.money(volatility)) \(e(quote)) per year (\(HTMLText.percent(ofBase)) of the base) <span class=\"muted\">standard deviation of daily equity changes × √365</span>"))
        } else {
            rows.append(("Volatility", "<span class=\"muted\">needs at least two daily equity changes (this run has \(days))</span>"))
        }
        if let sharpe = p.sharpeLike {
            rows.append(("Sharpe-like ratio", "\(HTMLText.typographic(NumberFormat.fixed(sharpe, decimals: 2))) <span class=\"muted\">mean ÷ standard deviation of daily equity changes × √365, no risk-free rate; unitless</span>"))
        } else {
            rows.append(("Sharpe-like ratio", "<span class=\"muted\">needs at least two daily equity changes that differ</span>"))
        }
        var out = "<section>\n<h2>Return and risk</h2>\n<table class=\"facts-table\">\n<tbody>\n"
        for (label, value) in rows { out += "<tr><th scope=\"row\">\(label)</th><td>\(value)</td></tr>\n" }
        out += "</tbody>\n</table>\n"
        out += "<p class=\"hint\">From \(HTMLText.count(days)) daily change\(days == 1 ? "" : "s") of equity (UTC day closes, marked to model). "
        out += "These figures describe this simulated past only; they are not a forecast.</p>\n"
        return out + "</section>\n"
    }
}
