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
    /// The largest size whose fill stays within `maxSlippage` (fee included) of the mid.
    func largestSize(_ side: TradeSide, maxSlippage: Double) -> Double
}

extension HedgeVenue {
    /// Relative price impact of trading `base` (fee excluded).
    public func priceImpact(_ side: TradeSide, base: Double) throws(VenueError) -> Double {
        try quote(side, base: base).priceImpact
    }

    /// Default `largestSize`: bisection on exact quotes (slippage grows with size on an
    /// AMM), from the size whose marginal price reaches the cap (a lower bound, since the
    /// average price is better than the marginal one) upward. Relative precision 1e-10.
    public func largestSize(_ side: TradeSide, maxSlippage: Double) -> Double {
        let mid = midPrice
        func fits(_ size: Double) -> Bool {
            guard size > 0 else { return true }
            guard let fill = try? quote(side, base: size) else { return false }
            return fill.slippage <= maxSlippage
        }
        let capPrice = side == .buy ? mid * (1 + maxSlippage) : mid * (1 - maxSlippage)
        var low = sizeAtMarginalPrice(side, capPrice)
        if !fits(low) { low = 0 }
        var high = max(low * 2, low + 1e-9)
        var growth = 0
        while fits(high) {
            low = high; high *= 2; growth += 1
            if growth > 200 { return .infinity }
        }
        for _ in 0..<100 {
            if high - low <= 1e-10 * high { break }
            let mid = (low + high) / 2
            if fits(mid) { low = mid } else { high = mid }
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

    static func power10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(n) { result *= 10 }
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
