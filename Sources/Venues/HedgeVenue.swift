/// Which way a hedge trades BASE: `buy` pays QUOTE for BASE, `sell` receives QUOTE for BASE.
public enum TradeSide: Sendable, Hashable {
    case buy, sell
}

/// Why a runtime venue cannot fill: bad input, not enough liquidity, or an exact-engine
/// revert.
public enum VenueError: Error, Equatable, Sendable {
    /// Size not finite or not positive (BASE).
    case invalidSize(Double)
    /// A parameter out of range (a negative fee, reserves <= 0, a bad price range...).
    case invalidParameter(String)
    /// The venue holds less than asked: `available` is what it could give, in BASE.
    case insufficientLiquidity(available: Double)
    /// The exact engine reverted.
    case exact(UniswapMathError)
}

/// A simulated fill (or a quote for one), in QUOTE and BASE.
public struct Fill: Sendable, Equatable {
    public var side: TradeSide
    /// BASE bought or sold (> 0).
    public var base: Double
    /// QUOTE paid (buy) or received (sell), fee included.
    public var quote: Double
    /// The fee part of the trade, in QUOTE.
    public var fee: Double
    /// Venue mid price before the trade (QUOTE per BASE).
    public var midBefore: Double
    /// Venue mid price after the trade.
    public var midAfter: Double

    public init(side: TradeSide, base: Double, quote: Double, fee: Double, midBefore: Double, midAfter: Double) {
        self.side = side; self.base = base; self.quote = quote; self.fee = fee
        self.midBefore = midBefore; self.midAfter = midAfter
    }

    /// QUOTE per BASE actually paid or received, fee included.
    public var averagePrice: Double { quote / base }

    /// Cost against the mid, in QUOTE: what was paid beyond (or received short of) `base * mid`.
    /// Fees plus price impact; >= 0 on an AMM.
    public var costVersusMid: Double {
        side == .buy ? quote - base * midBefore : base * midBefore - quote
    }

    /// Relative cost against the mid, fee included: avg/mid - 1 for a buy, 1 - avg/mid for a
    /// sell. This is what `max_slippage` caps.
    public var slippage: Double { costVersusMid / (base * midBefore) }

    /// Relative cost against the mid with the fee taken out: the part due to moving the price.
    public var priceImpact: Double { (costVersusMid - fee) / (base * midBefore) }
}

/// A venue the router can send a hedge to. Quotes never change the venue; `execute` does
/// (your own trades move your prices).
public protocol HedgeVenue: Sendable {
    /// Mid price, QUOTE per BASE.
    var midPrice: Double { get }
    /// What trading `base` BASE would give now, without trading.
    func quote(_ side: TradeSide, base: Double) throws(VenueError) -> Fill
    /// Trades and moves the venue's state.
    mutating func execute(_ side: TradeSide, base: Double) throws(VenueError) -> Fill
    /// The most BASE that can trade with the marginal price, fee included, no worse than
    /// `marginalPrice` (at most for a buy, at least for a sell). May be approximate
    /// (floating point); the router uses it to equalise marginal prices, then quotes exactly.
    func sizeAtMarginalPrice(_ side: TradeSide, _ marginalPrice: Double) -> Double
    /// `sizeAtMarginalPrice` for one side as a value, the venue's state read once (the router
    /// asks for sizes at many prices). Default: `.venue`, which asks the venue each time.
    func marginalSizeCurve(_ side: TradeSide) -> MarginalSizeCurve
    /// The largest size whose fill stays within `maxSlippage` (fee included) of the mid.
    func largestSize(_ side: TradeSide, maxSlippage: Double) -> Double
}

extension HedgeVenue {
    /// Relative price impact of trading `base` (fee excluded).
    public func priceImpact(_ side: TradeSide, base: Double) throws(VenueError) -> Double {
        try quote(side, base: base).priceImpact
    }

    public func marginalSizeCurve(_ side: TradeSide) -> MarginalSizeCurve { .venue(side, self) }

    /// Default `largestSize`: see `largestSizeFromMarginalBound`.
    public func largestSize(_ side: TradeSide, maxSlippage: Double) -> Double {
        largestSizeFromMarginalBound(side, maxSlippage: maxSlippage)
    }

    /// Whether an exact quote of `size` stays within `maxSlippage` (fee included); a size of
    /// zero always does, a size the venue cannot fill never does.
    func fitsSlippage(_ side: TradeSide, _ size: Double, maxSlippage: Double) -> Bool {
        guard size > 0 else { return true }
        guard let fill = try? quote(side, base: size) else { return false }
        return fill.slippage <= maxSlippage
    }

    /// Bisection on exact quotes (slippage grows with size on an AMM), from the size whose
    /// marginal price reaches the cap (a lower bound, since the average price is better than
    /// the marginal one) upward. Relative precision 1e-10. Some 40 exact quotes: venues with
    /// a floating-point model of their fills start closer (`largestSize(_:maxSlippage:near:fee:quoteDecimals:)`).
    func largestSizeFromMarginalBound(_ side: TradeSide, maxSlippage: Double) -> Double {
        let mid = midPrice
        let capPrice = side == .buy ? mid * (1 + maxSlippage) : mid * (1 - maxSlippage)
        var low = sizeAtMarginalPrice(side, capPrice)
        if !fitsSlippage(side, low, maxSlippage: maxSlippage) { low = 0 }
        var high = max(low * 2, low + 1e-9)
        var growth = 0
        while fitsSlippage(side, high, maxSlippage: maxSlippage) {
            low = high; high *= 2; growth += 1
            if growth > 200 { return .infinity }
        }
        return Self.bisectSlippageCap(low: low, high: high) { fitsSlippage(side, $0, maxSlippage: maxSlippage) }
    }

    /// `largestSize` from a floating-point estimate of the cap (BASE): the exact boundary lies
    /// within the estimate's own error plus the exact engine's rounding, so the search starts
    /// from a bracket that narrow, verified with exact quotes (the low end fits, the high end
    /// does not; widened eightfold until it is), and bisects it to the same 1e-10 relative
    /// precision as `largestSizeFromMarginalBound` — about 7-12 exact quotes instead of 40.
    /// The result is a size whose exact fill is within the cap.
    ///
    /// The bracket's half-width comes from the rounding: a fill's QUOTE is rounded to a raw
    /// unit (10^-quoteDecimals), which moves its slippage by about unit / (size · mid), while
    /// a relative change ε of the size moves the slippage by about ε · (maxSlippage - fee)
    /// (impact grows linearly with size); two units' worth on each side, and at least 1e-10.
    /// Near the boundary, that rounding makes "fits" flicker over a band of that width: any
    /// size where it flips is the cap to the engine's own precision, so this search and the
    /// marginal-bound one agree to that band, not always to the last bit.
    func largestSize(_ side: TradeSide, maxSlippage: Double, near estimate: Double, fee: Double, quoteDecimals: Int) -> Double {
        guard estimate.isFinite, estimate > 0 else { return largestSizeFromMarginalBound(side, maxSlippage: maxSlippage) }
        let quoteUnit = 1 / TokenUnits.power10(quoteDecimals)
        let impact = max(maxSlippage - fee, 1e-6)
        var halfWidth = max(1e-10, 2 * quoteUnit / (estimate * midPrice * impact))
        var low = estimate * (1 - halfWidth), high = estimate * (1 + halfWidth)
        var highChecked = false
        while !fitsSlippage(side, low, maxSlippage: maxSlippage) {
            high = low  // does not fit: a valid high end already
            highChecked = true
            halfWidth *= 8
            guard halfWidth < 0.5 else { return largestSizeFromMarginalBound(side, maxSlippage: maxSlippage) }
            low = estimate * (1 - halfWidth)
        }
        while !highChecked && fitsSlippage(side, high, maxSlippage: maxSlippage) {
            low = high
            halfWidth *= 8
            guard halfWidth < 0.5 else { return largestSizeFromMarginalBound(side, maxSlippage: maxSlippage) }
            high = estimate * (1 + halfWidth)
        }
        return Self.bisectSlippageCap(low: low, high: high) { fitsSlippage(side, $0, maxSlippage: maxSlippage) }
    }

    /// Bisects [low, high] (`fits(low)`, not `fits(high)`) to a relative width of 1e-10 and
    /// returns the fitting end.
    static func bisectSlippageCap(low: Double, high: Double, _ fits: (Double) -> Bool) -> Double {
        var low = low, high = high
        for _ in 0..<100 {
            if high - low <= 1e-10 * high { break }
            let middle = (low + high) / 2
            if fits(middle) { low = middle } else { high = middle }
        }
        return low
    }
}

/// Conversions between human units (`Double` BASE or QUOTE) and raw token integers.
enum TokenUnits {
    static func raw(_ amount: Double, decimals: Int) throws(VenueError) -> UInt256 {
        let scaled = (amount * power10(decimals)).rounded()
        guard scaled.isFinite, scaled >= 0, let raw = UInt256(exactly: scaled) else { throw .invalidSize(amount) }
        return raw
    }

    static func human(_ raw: UInt256, decimals: Int) -> Double { Double(raw) / power10(decimals) }
    static func human(_ raw: Int256, decimals: Int) -> Double { Double(raw) / power10(decimals) }

    /// 10^n as the loop `1.0 * 10 * 10 ...` (n times, then 1/x for a negative n) computes it.
    /// Every power up to 10^22 is an exact `Double` and every step of that loop is exact, so
    /// the literals below are the loop's very results; a quote calls this up to six times,
    /// and the loop (a chain of up to 18 dependent multiplications for an 18-decimal token)
    /// was a third of a constant-product quote.
    @inline(__always)
    static func power10(_ n: Int) -> Double {
        let magnitude = abs(n)
        let result: Double
        switch magnitude {
        case 0: result = 1
        case 1: result = 1e1
        case 2: result = 1e2
        case 3: result = 1e3
        case 4: result = 1e4
        case 5: result = 1e5
        case 6: result = 1e6
        case 7: result = 1e7
        case 8: result = 1e8
        case 9: result = 1e9
        case 10: result = 1e10
        case 11: result = 1e11
        case 12: result = 1e12
        case 13: result = 1e13
        case 14: result = 1e14
        case 15: result = 1e15
        case 16: result = 1e16
        case 17: result = 1e17
        case 18: result = 1e18
        case 19: result = 1e19
        case 20: result = 1e20
        case 21: result = 1e21
        case 22: result = 1e22
        default:
            // Beyond 10^22 the loop rounds at each step: keep its exact sequence of roundings.
            var power = 1e22
            for _ in 22..<magnitude { power *= 10 }
            result = power
        }
        return n >= 0 ? result : 1 / result
    }

    static func validSize(_ base: Double) throws(VenueError) {
        guard base.isFinite, base > 0 else { throw .invalidSize(base) }
    }

    /// A fee fraction (0.003 = 0.3%) in pips, the exact engines' unit.
    static func pips(_ fee: Double) throws(VenueError) -> Int {
        guard fee.isFinite, fee >= 0, fee < 1 else { throw .invalidParameter("fee must be in [0, 1): \(fee)") }
        return Int((fee * 1_000_000).rounded())
    }
}

/// Runs an exact-engine computation, turning its revert into a `VenueError`.
@inline(__always)
func exact<T>(_ body: () throws(UniswapMathError) -> T) throws(VenueError) -> T {
    do { return try body() } catch { throw .exact(error) }
}
