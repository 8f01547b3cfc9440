import HedgeplanRuntime

/// One cycle of a run's option structure: from an opening (the first tick, or a roll) to the
/// next opening, or to the run's end. Money in QUOTE, positive received; times in ms since
/// the epoch.
public struct OptionCycle: Sendable, Equatable {
    /// How the cycle's options ended.
    public enum Ending: String, Sendable {
        /// All expired and settled at intrinsic value.
        case settled
        /// Closed at the model's price by the roll that opened the next cycle.
        case rolled
        /// Closed at the model's price by a `flatten` breaker.
        case flattened
        /// Some were still open at the run's last tick: marked to the model there.
        case open
    }

    /// 1-based.
    public var number: Int
    public var start: Int64
    /// When the last of its options settled or was closed; the run's last tick when open.
    public var end: Int64
    public var ending: Ending
    /// Premiums of the options opened at `start`: received (short) positive, paid negative.
    public var premium: Double
    /// Premiums of vega-hedge options traded during the cycle.
    public var vegaHedges: Double
    /// Settlements at expiry and closes (roll, breaker) of the cycle's options: paid negative.
    public var payout: Double
    /// Model value of the options still open at the run's last tick (the last cycle only).
    public var markedAtEnd: Double
    /// The hedge's P&L from this cycle's opening to the next one's (or the run's end), at the
    /// feed's price, before costs: the `hedge` P&L component over the cycle.
    public var hedge: Double
    /// Fees, price impact (slippage) and gas of the hedge fills in that span, negative paid.
    /// Funding accrues per tick and is in the run's total only.
    public var tradingCosts: Double

    /// The cycle's `option` P&L: premium, vega hedges, payout and the mark at the end.
    public var optionPnL: Double { premium + vegaHedges + payout + markedAtEnd }
    /// Options, hedge and trading costs.
    public var net: Double { optionPnL + hedge + tradingCosts }
}

/// The option cycles of a run, derived from its trades: every opening (reason `open`, or the
/// last trades of a roll, one per option leg of the plan) starts a cycle; settlements,
/// roll closes and breaker closes of options belong to the cycle open before them; vega-hedge
/// trades to the cycle in which they happen. Each trade's cash is `±quantity × price` (a
/// sale or a short's settlement received positive), so the cycles' option P&L adds up to the
/// run's `option` component, and their hedge P&L and trading costs to `hedge` and
/// fees + slippage + gas.
public enum OptionCycles {
    /// The cycles of `result`, in order; empty when the structure has no options.
    public static func of(_ result: RunResult) -> [OptionCycle] {
        let trades = result.trades
        let legsPerOpening = trades.filter { $0.isOption && $0.reason == .open }.count
        guard legsPerOpening > 0 else { return [] }
        // Which roll trades open the next cycle: the last `legsPerOpening` option trades of
        // each roll instant (the roll closes what is open first, then opens).
        var opensCycle = [Bool](repeating: false, count: trades.count)
        var i = 0
        while i < trades.count {
            let t = trades[i]
            if t.isOption && t.reason == .open { opensCycle[i] = true }
            if t.isOption && t.reason == .roll {
                var j = i
                var rollTrades: [Int] = []
                while j < trades.count, trades[j].time == t.time {
                    if trades[j].isOption && trades[j].reason == .roll { rollTrades.append(j) }
                    j += 1
                }
                for k in rollTrades.suffix(legsPerOpening) { opensCycle[k] = true }
                i = j
                continue
            }
            i += 1
        }

        var cycles: [OptionCycle] = []
        var hedge = HedgeAccount()
        var optionCash = 0.0
        for (index, trade) in trades.enumerated() {
            let spot = trade.spot ?? trade.price
            if opensCycle[index], cycles.last?.start != trade.time {
                if var last = cycles.popLast() {
                    last.hedge = hedge.value(at: spot) - last.hedge
                    cycles.append(last)
                }
                cycles.append(OptionCycle(
                    number: cycles.count + 1, start: trade.time, end: trade.time, ending: .open, premium: 0, vegaHedges: 0,
                    payout: 0, markedAtEnd: 0, hedge: hedge.value(at: spot), tradingCosts: 0))
            }
            guard !cycles.isEmpty else {
                hedge.book(trade)
                continue
            }
            let n = cycles.count - 1
            if trade.isOption {
                let cash = trade.cash
                optionCash += cash
                if opensCycle[index] {
                    cycles[n].premium += cash
                } else if trade.reason == .vega {
                    cycles[n].vegaHedges += cash
                } else {
                    cycles[n].payout += cash
                    cycles[n].end = trade.time
                    cycles[n].ending = switch trade.reason {
                    case .settle: .settled
                    case .breaker: .flattened
                    default: .rolled
                    }
                }
            } else if trade.isHedgeFill {
                cycles[n].tradingCosts -= trade.tradingCost
            }
            hedge.book(trade)
        }
        guard var last = cycles.popLast() else { return [] }
        last.hedge = hedge.value(at: result.finalSpot) - last.hedge
        if result.openLegs.contains(where: { $0.instrument == "call" || $0.instrument == "put" }) {
            // The options' marks are not trades: what the run's option component holds beyond
            // the trades' cash is their value at the last tick.
            last.markedAtEnd = result.pnl.options - optionCash
            last.ending = .open
            last.end = result.lastTime ?? last.end
        }
        cycles.append(last)
        return cycles
    }

    /// The hedge's cash at the feed's price and its position: its P&L at any spot.
    struct HedgeAccount {
        var cash = 0.0
        /// BASE.
        var position = 0.0

        mutating func book(_ trade: TradeRecord) {
            guard trade.isHedgeFill else { return }
            let signed = trade.isBuy ? trade.quantity : -trade.quantity
            cash -= signed * (trade.spot ?? trade.price)
            position += signed
        }

        func value(at spot: Double) -> Double { cash + position * spot }
    }
}

extension TradeRecord {
    var isOption: Bool { instrument == "call" || instrument == "put" }

    /// A fill of the hedge (a rebalance, or the hedge closed by a breaker), not a leg of the
    /// structure (those trade at the feed's price, venue `feed`).
    var isHedgeFill: Bool {
        (instrument == "spot" || instrument == "perp") && (reason == .rebalance || (reason == .breaker && venue != "feed"))
    }

    /// QUOTE received, as the ledger books it: `+quantity × price` for a sale (or a long
    /// option's settlement), `−quantity × price` for a purchase (or a short's settlement).
    var cash: Double { (isBuy ? -1 : 1) * quantity * price }

    /// Fee, price impact against the feed's price and gas of a hedge fill, QUOTE (positive
    /// paid): the fill's price includes its fee and impact.
    var tradingCost: Double {
        guard let spot else { return fee + gas }
        return (isBuy ? 1 : -1) * quantity * (price - spot) + gas
    }
}
