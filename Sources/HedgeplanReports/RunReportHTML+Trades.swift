import HedgeplanRuntime

/// The report's trade list: a summary by reason, then every trade (or, past 200, the first
/// and last 100 with a line saying how many are left out).
extension RunReportHTML {
    func tradesSection() -> String {
        let trades = result.trades
        guard !trades.isEmpty else { return "" }
        var out = "<section>\n<h2>Trades</h2>\n"
        out += "<table class=\"trade-summary\">\n<thead><tr><th scope=\"col\">Reason</th><th scope=\"col\" class=\"num\">Trades</th>"
        out += "<th scope=\"col\" class=\"num\">Bought (\(e(base)))</th><th scope=\"col\" class=\"num\">Sold (\(e(base)))</th>"
        out += "<th scope=\"col\" class=\"num\">Cash (\(e(quote)))</th><th scope=\"col\" class=\"num\">Fees + gas (\(e(quote)))</th></tr></thead>\n<tbody>\n"
        for summary in TradeSummary.byReason(trades) {
            out += "<tr><th scope=\"row\">\(e(summary.reason.rawValue))</th><td class=\"num\">\(HTMLText.count(summary.count))</td>"
            out += "<td class=\"num\">\(HTMLText.number(summary.bought))</td><td class=\"num\">\(HTMLText.number(summary.sold))</td>"
            out += moneyCell(summary.cash) + moneyCell(-summary.feesAndGas) + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += "<p class=\"hint\">Bought and sold count options and hedge alike, in \(e(base)) (a liquidity position counts 1). "
        out += "Cash: sales and settlements received positive, purchases paid negative, at the trade's price (a fill's price includes its fee and impact).</p>\n"
        let list = LongList(trades)
        out += "<h3>\(list.isCut ? "First and last 100 of \(HTMLText.count(trades.count)) trades" : "All \(HTMLText.count(trades.count)) trade\(trades.count == 1 ? "" : "s")")</h3>\n"
        out += "<div class=\"scroll\"><table class=\"trades\">\n<thead><tr><th scope=\"col\">Time</th><th scope=\"col\">Reason</th>"
        out += "<th scope=\"col\">Instrument</th><th scope=\"col\">Side</th><th scope=\"col\" class=\"num\">Quantity</th>"
        out += "<th scope=\"col\" class=\"num\">Price</th><th scope=\"col\">Venue</th><th scope=\"col\" class=\"num\">Fee</th>"
        out += "<th scope=\"col\" class=\"num\">Gas</th></tr></thead>\n<tbody>\n"
        out += list.rows(
            row: { t in
                "<tr><td>\(HTMLText.time(t.time))</td><td>\(e(t.reason.rawValue))</td><td>\(e(t.instrument))</td>"
                    + "<td>\(t.isBuy ? "buy" : "sell")</td><td class=\"num\">\(HTMLText.number(t.quantity))</td>"
                    + "<td class=\"num\">\(HTMLText.money(t.price))</td><td><code>\(e(t.venue))</code></td>"
                    + "<td class=\"num\">\(HTMLText.money(t.fee))</td><td class=\"num\">\(HTMLText.money(t.gas))</td></tr>\n"
            },
            omitted: { "<tr class=\"omitted\"><td colspan=\"9\">… \(HTMLText.count($0)) trades not shown …</td></tr>\n" })
        out += "</tbody>\n</table></div>\n"
        out += "<p class=\"hint\">Quantities in \(e(base)), prices in \(e(quote)) per \(e(base)): an option's at the model, "
        out += "a settlement's its intrinsic value, a fill's its average (fee included). `dry-run --format json` lists every trade.</p>\n"
        return out + "</section>\n"
    }
}

/// Trades of one reason, added up.
struct TradeSummary: Equatable {
    var reason: TradeRecord.Reason
    var count = 0
    /// BASE.
    var bought = 0.0
    var sold = 0.0
    /// QUOTE, received positive.
    var cash = 0.0
    /// QUOTE, paid positive.
    var feesAndGas = 0.0

    /// One summary per reason that occurs, in the order reasons first occur.
    static func byReason(_ trades: [TradeRecord]) -> [TradeSummary] {
        var summaries: [TradeSummary] = []
        for trade in trades {
            let i = summaries.firstIndex { $0.reason == trade.reason } ?? {
                summaries.append(TradeSummary(reason: trade.reason))
                return summaries.count - 1
            }()
            summaries[i].count += 1
            if trade.isBuy { summaries[i].bought += trade.quantity } else { summaries[i].sold += trade.quantity }
            summaries[i].cash += trade.cash
            summaries[i].feesAndGas += trade.fee + trade.gas
        }
        return summaries
    }
}
