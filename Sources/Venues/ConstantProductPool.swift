/// A constant-product pool (x*y = k, like Uniswap v2) in BASE/QUOTE units, filled with the
/// exact v2 integer math (`ConstantProductMath`) on raw token amounts, so a simulated fill
/// equals what the contract would pay to the last raw unit. The fee is taken from the input.
/// Reserves carry from one trade to the next.
public struct ConstantProductPool: HedgeVenue, Equatable {
    /// Fee in pips (0.30% = 3000).
    public let feePips: Int
    public let baseDecimals: Int
    public let quoteDecimals: Int
    /// Reserves in raw token units.
    public private(set) var reserveBaseRaw: UInt256
    public private(set) var reserveQuoteRaw: UInt256

    /// - Parameters: reserves in BASE and QUOTE, `fee` as a fraction (0.003 = 0.30%),
    ///   token decimals (ETH 18, USDC 6 by default).
    public init(base: Double, quote: Double, fee: Double, baseDecimals: Int = 18, quoteDecimals: Int = 6) throws(VenueError) {
        guard base > 0, quote > 0, base.isFinite, quote.isFinite else { throw .invalidParameter("reserves must be positive") }
        self.feePips = try TokenUnits.pips(fee)
        self.baseDecimals = baseDecimals
        self.quoteDecimals = quoteDecimals
        self.reserveBaseRaw = try TokenUnits.raw(base, decimals: baseDecimals)
        self.reserveQuoteRaw = try TokenUnits.raw(quote, decimals: quoteDecimals)
    }

    public var reserveBase: Double { TokenUnits.human(reserveBaseRaw, decimals: baseDecimals) }
    public var reserveQuote: Double { TokenUnits.human(reserveQuoteRaw, decimals: quoteDecimals) }
    public var fee: Double { Double(feePips) / 1_000_000 }
    /// Mid price: reserveQuote / reserveBase (QUOTE per BASE).
    public var midPrice: Double { reserveQuote / reserveBase }

    public func quote(_ side: TradeSide, base: Double) throws(VenueError) -> Fill {
        var copy = self
        return try copy.execute(side, base: base)
    }

    /// Buying takes exactly `base` out (`getAmountIn` for the QUOTE); selling puts exactly
    /// `base` in (`getAmountOut`).
    public mutating func execute(_ side: TradeSide, base: Double) throws(VenueError) -> Fill {
        try TokenUnits.validSize(base)
        let mid = midPrice
        let baseRaw = try TokenUnits.raw(base, decimals: baseDecimals)
        let quoteRaw: UInt256
        switch side {
        case .buy:
            guard baseRaw < reserveBaseRaw else { throw .insufficientLiquidity(available: reserveBase) }
            quoteRaw = try exact { () throws(UniswapMathError) in
                try ConstantProductMath.getAmountIn(amountOut: baseRaw, reserveIn: reserveQuoteRaw, reserveOut: reserveBaseRaw, feePips: feePips)
            }
            let newQuote = try exact { () throws(UniswapMathError) in try EVMWord.add(reserveQuoteRaw, quoteRaw) }
            reserveBaseRaw -= baseRaw
            reserveQuoteRaw = newQuote
        case .sell:
            quoteRaw = try exact { () throws(UniswapMathError) in
                try ConstantProductMath.getAmountOut(amountIn: baseRaw, reserveIn: reserveBaseRaw, reserveOut: reserveQuoteRaw, feePips: feePips)
            }
            reserveBaseRaw = try exact { () throws(UniswapMathError) in try EVMWord.add(reserveBaseRaw, baseRaw) }
            reserveQuoteRaw -= quoteRaw
        }
        let quote = TokenUnits.human(quoteRaw, decimals: quoteDecimals)
        // Fee on the input: a share `fee` of the QUOTE paid (buy), or of the BASE sold,
        // valued at the fill's own price before fee (sell).
        let feeQuote = side == .buy ? quote * fee : quote * fee / (1 - fee)
        return Fill(side: side, base: base, quote: quote, fee: feeQuote, midBefore: mid, midAfter: midPrice)
    }

    /// The largest size within `maxSlippage`, from the closed form below refined with exact
    /// quotes (see `HedgeVenue.largestSize(_:maxSlippage:near:fee:quoteDecimals:)`).
    public func largestSize(_ side: TradeSide, maxSlippage: Double) -> Double {
        largestSize(side, maxSlippage: maxSlippage, near: slippageCapEstimate(side, maxSlippage: maxSlippage), fee: fee, quoteDecimals: quoteDecimals)
    }

    /// The slippage cap on x*y = k in floating point, BASE (<= 0 when the cap is below the
    /// fee). Buying Δ pays y·Δ / ((x-Δ)(1-f)), an average x / ((x-Δ)(1-f)) times the mid,
    /// within 1+s of it for Δ <= x (1 - 1/((1+s)(1-f))); selling Δ gets y·Δ(1-f) / (x + Δ(1-f)),
    /// within 1-s of the mid for Δ <= (x(1-f)/(1-s) - x) / (1-f).
    func slippageCapEstimate(_ side: TradeSide, maxSlippage: Double) -> Double {
        let x = reserveBase, keep = 1 - fee
        switch side {
        case .buy: return x * (1 - 1 / ((1 + maxSlippage) * keep))
        case .sell: return (x * keep / (1 - maxSlippage) - x) / keep
        }
    }

    /// Closed form on x*y = k: buying Δ, the next unit costs k / ((x-Δ)^2 (1-f)); selling Δ,
    /// the next unit brings k (1-f) / (x + Δ(1-f))^2.
    public func sizeAtMarginalPrice(_ side: TradeSide, _ price: Double) -> Double {
        marginalSizeCurve(side).size(at: price)
    }

    public func marginalSizeCurve(_ side: TradeSide) -> MarginalSizeCurve {
        .constantProduct(side, reserveBase: reserveBase, invariant: reserveBase * reserveQuote, keep: 1 - fee)
    }
}
