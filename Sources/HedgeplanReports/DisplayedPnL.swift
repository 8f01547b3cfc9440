import HedgeplanFormatting
import HedgeplanRuntime

/// The P&L components as every report shows them: in cents that add up to the total shown
/// (`CentAllocation`), with costs the sum of the cost components shown.
struct DisplayedPnL {
    let names: [String]
    /// QUOTE, whole cents.
    let amounts: [Double]
    let total: Double
    let costs: Double

    init(_ pnl: PnLComponents) {
        let named = pnl.named
        let (parts, total) = CentAllocation.cents(named.map(\.amount))
        names = named.map(\.name)
        amounts = parts.map { $0 / 100 }
        self.total = total / 100
        let costNames: Set = ["fees", "slippage", "gas", "funding"]
        costs = zip(names, parts).filter { costNames.contains($0.0) }.map(\.1).reduce(0, +) / 100
    }

    func amount(_ name: String) -> Double { amounts[names.firstIndex(of: name)!] }

    /// The amount of a component a run may not have (`impermanent_loss`, `lp_fees`).
    func amountIfShown(_ name: String) -> Double? { names.firstIndex(of: name).map { amounts[$0] } }

    /// The text reports' table: one line per component, then total and costs, amounts
    /// right-aligned in QUOTE.
    var textTable: String {
        func line(_ name: String, _ amount: Double) -> String {
            "  " + name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + Money.grouped(amount, decimals: 2).leftPadded(16)
        }
        var out = ""
        for (name, amount) in zip(names, amounts) { out += line(name, amount) + "\n" }
        out += line("total", total) + "\n"
        out += line("costs", costs) + "  (fees + slippage + gas + funding)\n"
        return out
    }

    /// Width of the name column in text reports: 12, or wider for a longer name
    /// (`impermanent_loss`), so that no name is cut.
    var nameWidth: Int { max(12, (names.map(\.count).max() ?? 0) + 1) }
}
