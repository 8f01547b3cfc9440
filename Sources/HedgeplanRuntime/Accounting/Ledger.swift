/// Accounting to the cent: every QUOTE that moves is booked to one P&L component, so the
/// components add up to the change in equity by construction, and a test checks it on
/// every step.
///
/// Equity = cash + marks of open option legs + value of the structure's other legs against
/// their entry + hedge position × spot. Components (cumulative, QUOTE):
/// - `options`: option marks plus premiums paid or received plus settlements;
/// - `underlying`: the structure's spot, perp, future and liquidity legs against entry, a
///   liquidity position counted as the tokens it held at entry (x0 (S - S0));
/// - `impermanentLoss`: what a liquidity position is worth against holding its entry
///   tokens, V_pool(S) - (x0 S + y0), never positive; `lpFees`: fees it earned (cash);
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
    public var impermanentLoss = 0.0
    public var lpFees = 0.0
    /// The book held a liquidity position: reports then show `impermanent_loss` and `lp_fees`.
    public var hasLiquidity = false

    public init() {}

    public var total: Double { options + underlying + impermanentLoss + lpFees + hedge + fees + slippage + gas + funding }
    public var costs: Double { fees + slippage + gas + funding }

    /// Named amounts in a stable order, for reports; `impermanent_loss` and `lp_fees` only
    /// for books that held a liquidity position.
    public var named: [(name: String, amount: Double)] {
        let liquidity = hasLiquidity ? [("impermanent_loss", impermanentLoss), ("lp_fees", lpFees)] : []
        return [("option", options), ("underlying", underlying)] + liquidity
            + [("hedge", hedge), ("fees", fees), ("slippage", slippage), ("gas", gas), ("funding", funding)]
    }
}

/// One movement of cash, as the ledger books it.
enum LedgerEntry {
    /// An option bought (`quantity` > 0) or sold at `price` QUOTE per BASE.
    case optionTrade(quantity: Double, price: Double)
    /// An option leg settled at expiry: `quantity` × intrinsic value.
    case optionSettlement(quantity: Double, intrinsic: Double)
    /// A spot, perp, future or liquidity leg of the structure closed or settled: its value
    /// against entry, QUOTE, of which `impermanentLoss` is a liquidity position's loss
    /// against holding its entry tokens.
    case underlyingRealized(amount: Double, impermanentLoss: Double = 0)
    /// A liquidity position opened (no cash moves: its capital is its value).
    case liquidityOpened
    /// Fees a liquidity position earned, QUOTE, paid out as cash.
    case liquidityFees(Double)
    /// A hedge fill of `base` BASE (signed, positive bought) marked at the feed's `spot`;
    /// `quoteCash` is what the fill actually paid (negative) or received, fee included;
    /// `impact` the price impact against the feed's price, QUOTE.
    case hedgeFill(base: Double, spot: Double, quoteCash: Double, fee: Double, impact: Double, gas: Double)
    /// Perp funding paid (positive) or received.
    case funding(Double)
}

/// The book's cash, by where it came from. `book(_:)` is the only way cash moves.
struct Ledger: Sendable {
    /// QUOTE, cumulative, by where it came from.
    private(set) var optionCash = 0.0
    private(set) var underlyingCash = 0.0
    /// Hedge trades at the mid: −Σ size × mid.
    private(set) var hedgeCash = 0.0
    private(set) var fees = 0.0
    private(set) var slippage = 0.0
    private(set) var gas = 0.0
    private(set) var funding = 0.0
    private(set) var impermanentLoss = 0.0
    private(set) var lpFees = 0.0
    private(set) var hasLiquidity = false
    /// BASE.
    private(set) var hedgePosition = 0.0
    /// Cash as it actually moves (premiums, settlements, what fills paid or received with
    /// their fees, gas, funding), kept apart from the components so that the invariant
    /// "components add up to equity" checks the bookkeeping instead of restating it.
    private(set) var rawCash = 0.0

    mutating func book(_ entry: LedgerEntry) {
        switch entry {
        case .optionTrade(let quantity, let price):
            optionCash -= quantity * price
            rawCash -= quantity * price
        case .optionSettlement(let quantity, let intrinsic):
            optionCash += quantity * intrinsic
            rawCash += quantity * intrinsic
        case .underlyingRealized(let amount, let loss):
            underlyingCash += amount - loss
            impermanentLoss += loss
            rawCash += amount
        case .liquidityOpened:
            hasLiquidity = true
        case .liquidityFees(let amount):
            lpFees += amount
            rawCash += amount
        case .hedgeFill(let base, let spot, let quoteCash, let fee, let impact, let gas):
            hedgePosition += base
            hedgeCash -= base * spot
            fees += fee
            slippage += impact
            self.gas += gas
            rawCash += quoteCash - gas
        case .funding(let payment):
            funding += payment
            rawCash -= payment
        }
    }

    /// `openImpermanentLoss`: the open liquidity positions' part of `underlyingValue`.
    func components(optionMarks: Double, underlyingValue: Double, openImpermanentLoss: Double, spot: Double) -> PnLComponents {
        var c = PnLComponents()
        c.options = optionCash + optionMarks
        c.underlying = underlyingCash + underlyingValue - openImpermanentLoss
        c.impermanentLoss = impermanentLoss + openImpermanentLoss
        c.lpFees = lpFees
        c.hasLiquidity = hasLiquidity
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
