import HedgeplanFormatting
import HedgeplanRuntime

/// The report's per-roll table: one row per option cycle (`OptionCycles`), with premium in,
/// payout at settlement or close, the hedge's P&L and trading costs over the cycle, and a
/// total row equal to the run's components.
extension RunReportHTML {
    func cyclesSection() -> String {
        let cycles = OptionCycles.of(result)
        guard !cycles.isEmpty else { return "" }
        let showsVega = cycles.contains { $0.vegaHedges != 0 }
        let showsMark = cycles.contains { $0.markedAtEnd != 0 }
        var out = "<section>\n<h2>Cycles</h2>\n"
        out += "<p class=\"hint\">\(HTMLText.count(cycles.count)) cycle\(cycles.count == 1 ? "" : "s") of the option structure"
        out += result.rolls > 0 ? " (\(HTMLText.count(result.rolls)) roll\(result.rolls == 1 ? "" : "s"))" : ""
        out += ". \(e(quote)); received positive, paid negative.</p>\n"
        out += "<div class=\"scroll\"><table class=\"cycles\">\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Opened</th>"
        out += "<th scope=\"col\">Ended</th><th scope=\"col\" class=\"num\">Premium</th>"
        if showsVega { out += "<th scope=\"col\" class=\"num\">Vega hedges</th>" }
        out += "<th scope=\"col\" class=\"num\">Payout</th>"
        if showsMark { out += "<th scope=\"col\" class=\"num\">Marked at end</th>" }
        out += "<th scope=\"col\" class=\"num\">Options</th><th scope=\"col\" class=\"num\">Hedge</th>"
        out += "<th scope=\"col\" class=\"num\">Trading costs</th><th scope=\"col\" class=\"num\">Net</th></tr></thead>\n<tbody>\n"
        func cells(_ c: ShownCycle) -> String {
            var cells = moneyCell(c.premium)
            if showsVega { cells += moneyCell(c.vegaHedges) }
            cells += moneyCell(c.payout)
            if showsMark { cells += moneyCell(c.markedAtEnd) }
            return cells + moneyCell(c.options) + moneyCell(c.hedge) + moneyCell(c.tradingCosts) + moneyCell(c.net)
        }
        func row(_ cycle: OptionCycle) -> String {
            "<td>\(HTMLText.time(cycle.start))</td><td>\(HTMLText.time(cycle.end)) <span class=\"muted\">\(cycle.ending.rawValue)</span></td>"
                + cells(ShownCycle(cycle))
        }
        let columns = 9 + (showsVega ? 1 : 0) + (showsMark ? 1 : 0)
        out += LongList(cycles).rows(
            row: { "<tr><td>\($0.number)</td>\(row($0))</tr>\n" },
            omitted: { "<tr class=\"omitted\"><td colspan=\"\(columns)\">… \(HTMLText.count($0)) cycles not shown …</td></tr>\n" })
        let total = cycles.reduce(into: OptionCycle(
            number: 0, start: 0, end: 0, ending: .open, premium: 0, vegaHedges: 0, payout: 0, markedAtEnd: 0, hedge: 0,
            tradingCosts: 0)) { sum, c in
            sum.premium += c.premium
            sum.vegaHedges += c.vegaHedges
            sum.payout += c.payout
            sum.markedAtEnd += c.markedAtEnd
            sum.hedge += c.hedge
            sum.tradingCosts += c.tradingCosts
        }
        out += "</tbody>\n<tfoot><tr class=\"total\"><th scope=\"row\" colspan=\"3\">All cycles</th>"
        out += cells(ShownCycle(total: total, shownAs: DisplayedPnL(result.pnl)))
        out += "</tr></tfoot>\n</table></div>\n"
        out += "<p class=\"hint\">Options = premium + payout\(showsVega ? " + vega hedges" : "")\(showsMark ? " + the open options' model value at the last tick" : "")"
        out += ": the run's option P&amp;L. Hedge: the hedge at the feed's price from one opening to the next. "
        out += "Trading costs: the hedge fills' fees, price impact and gas; funding is in the run's total only.</p>\n"
        return out + "</section>\n"
    }
}

/// A cycle's amounts as the table shows them, in whole cents that add up as shown
/// (`CentAllocation`): options + hedge + trading costs = net, and premium + vega hedges +
/// payout + mark = options. The two levels are allocated in turn, options first as a whole.
struct ShownCycle {
    let premium, vegaHedges, payout, markedAtEnd, hedge, tradingCosts: Double
    let options, net: Double

    init(_ cycle: OptionCycle) {
        let (top, total) = CentAllocation.cents([Self.optionParts(of: cycle).reduce(0, +), cycle.hedge, cycle.tradingCosts])
        self.init(cycle, optionsCents: top[0], hedgeCents: top[1], costCents: top[2], netCents: total)
    }

    /// The "All cycles" row: options, hedge and trading costs (fees, slippage and gas) as the
    /// run's own P&L table shows them, so that the page agrees with itself to the cent.
    /// Allocated on their own, the same amounts showed options 1,421.56 here and 1,421.57
    /// there (the run's table shares its cents with funding, which this one leaves out).
    init(total cycle: OptionCycle, shownAs run: DisplayedPnL) {
        let cents = { (names: [String]) in names.compactMap(run.amountIfShown).reduce(0) { $0 + ($1 * 100).rounded() } }
        let (options, hedge, costs) = (cents(["option"]), cents(["hedge"]), cents(["fees", "slippage", "gas"]))
        self.init(cycle, optionsCents: options, hedgeCents: hedge, costCents: costs, netCents: options + hedge + costs)
    }

    private init(_ cycle: OptionCycle, optionsCents: Double, hedgeCents: Double, costCents: Double, netCents: Double) {
        let shown = CentAllocation.cents(Self.optionParts(of: cycle), addingUpTo: optionsCents).map { $0 / 100 }
        (premium, vegaHedges, payout, markedAtEnd) = (shown[0], shown[1], shown[2], shown[3])
        (options, hedge, tradingCosts, net) = (optionsCents / 100, hedgeCents / 100, costCents / 100, netCents / 100)
    }

    /// What the options cell adds up: premium, vega hedges, payout, mark, in the table's order.
    private static func optionParts(of cycle: OptionCycle) -> [Double] {
        [cycle.premium, cycle.vegaHedges, cycle.payout, cycle.markedAtEnd]
    }
}
