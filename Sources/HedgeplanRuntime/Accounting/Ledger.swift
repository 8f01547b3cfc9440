/// Accounting to the cent: every QUOTE that moves is booked to one P&L component, so the
/// components add up to the change in equity by construction, and a test checks it on
/// every step.
///
/// Equity = cash + marks of open option legs + value of the structure's other legs against
/// their entry + hedge position × spot. Components (cumulative, QUOTE):
/// - `options`: option marks plus premiums paid or received plus settlements;
/// - `underlying`: the structure's spot, perp, future and liquidity legs against entry;
/// - `hedge`: the hedge position marked at the feed's price, trades booked at the mid;
/// - `fees`, `slippage` (price impact against the mid), `gas`, `funding`: costs, negative.
public struct PnLComponents: Codable, Equatable, Sendable {
    public var options = 0.0
    public var underlying = 0.0
    public var hedge = 0.0
    public var fees = 0.0
    public var slippage = 0.0
    public var gas = 0.0
    public var funding = 0.0

    public init() {}

    public var total: Double { options + underlying + hedge + fees + slippage + gas + funding }
    public var costs: Double { fees + slippage + gas + funding }

    /// Named amounts in a stable order, for reports.
    public var named: [(name: String, amount: Double)] {
        [("option", options), ("underlying", underlying), ("hedge", hedge), ("fees", fees), ("slippage", slippage),
         ("gas", gas), ("funding", funding)]
    }
}

struct Ledger: Sendable {
    /// QUOTE, cumulative, by where it came from.
    var optionCash = 0.0
    var underlyingCash = 0.0
    /// Hedge trades at the mid: −Σ size × mid.
    var hedgeCash = 0.0
    var fees = 0.0
    var slippage = 0.0
    var gas = 0.0
    var funding = 0.0
    /// BASE.
    var hedgePosition = 0.0
    /// Cash as it actually moves (premiums, settlements, what fills paid or received with
    /// their fees, gas, funding), kept apart from the components so that the invariant
    /// "components add up to equity" checks the bookkeeping instead of restating it.
    var rawCash = 0.0

    func components(optionMarks: Double, underlyingValue: Double, spot: Double) -> PnLComponents {
        var c = PnLComponents()
        c.options = optionCash + optionMarks
        c.underlying = underlyingCash + underlyingValue
        c.hedge = hedgeCash + hedgePosition * spot
        c.fees = -fees
        c.slippage = -slippage
        c.gas = -gas
        c.funding = -funding
        return c
    }

    func equity(optionMarks: Double, underlyingValue: Double, spot: Double) -> Double {
        rawCash + optionMarks + underlyingValue + hedgePosition * spot
    }
}
