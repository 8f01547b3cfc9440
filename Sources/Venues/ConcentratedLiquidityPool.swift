#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A concentrated-liquidity pool (like Uniswap v3) in BASE/QUOTE units: positions of
/// liquidity L on price ranges, swapped through the exact v3 engine (`UniswapV3Pool`), so
/// fills cross initialized ticks with the contract's rounding. The pool's state carries from
/// one trade to the next.
///
/// Conventions: BASE is token0 and QUOTE token1, so the engine's price (token1 per token0,
/// raw) is QUOTE per BASE scaled by 10^(quoteDecimals - baseDecimals). Liquidity is given in
/// sqrt(BASE * QUOTE) units (as in `Pricing.LiquidityPosition`) and scaled to raw units by
/// 10^((baseDecimals + quoteDecimals)/2). Range ends are rounded to the nearest usable tick
/// (a multiple of the tick spacing), so a range [2400, 3600] becomes the nearest ticks' prices.
public struct ConcentratedLiquidityPool: HedgeVenue, Equatable {
    /// One liquidity position: L on [lower, upper] (QUOTE per BASE).
    public struct Position: Sendable, Equatable {
        public var lower: Double
        public var upper: Double
        /// Liquidity in sqrt(BASE * QUOTE).
        public var liquidity: Double
        public init(lower: Double, upper: Double, liquidity: Double) {
            self.lower = lower; self.upper = upper; self.liquidity = liquidity
        }
    }

    public private(set) var engine: UniswapV3Pool
    public let baseDecimals: Int
    public let quoteDecimals: Int
    /// The engine's initialized ticks in floating point, for the walks below (swaps leave
    /// them unchanged, so this is computed once).
    let ladder: TickLadder

    /// Uniswap's tick spacing for a fee tier: 0.01% -> 1, 0.05% -> 10, 0.30% -> 60, 1% -> 200;
    /// other fees get 60.
    public static func defaultTickSpacing(feePips: Int) -> Int {
        switch feePips {
        case 100: return 1
        case 500: return 10
        case 3000: return 60
        case 10_000: return 200
        default: return 60
        }
    }

    /// - Parameters: `price` is the starting mid (QUOTE per BASE, e.g. the feed's spot), `fee`
    ///   a fraction (0.0005 = 0.05%), `tickSpacing` nil for the fee tier's default.
    public init(
        positions: [Position], fee: Double, price: Double, tickSpacing: Int? = nil,
        baseDecimals: Int = 18, quoteDecimals: Int = 6
    ) throws(VenueError) {
        let feePips = try TokenUnits.pips(fee)
        let spacing = tickSpacing ?? Self.defaultTickSpacing(feePips: feePips)
        self.baseDecimals = baseDecimals
        self.quoteDecimals = quoteDecimals
        let sqrtPrice = try Self.sqrtPriceX96(price: price, baseDecimals: baseDecimals, quoteDecimals: quoteDecimals)
        var engine = try exact { () throws(UniswapMathError) in try UniswapV3Pool(feePips: feePips, tickSpacing: spacing, sqrtPriceX96: sqrtPrice) }
        let liquidityScale = TokenUnits.power10(baseDecimals + quoteDecimals).squareRoot()
        for position in positions {
            guard position.lower > 0, position.upper > position.lower, position.liquidity > 0, position.liquidity.isFinite else {
                throw .invalidParameter("a position needs 0 < low < high and liquidity > 0")
            }
            let lower = Self.usableTick(price: position.lower, spacing: spacing, baseDecimals: baseDecimals, quoteDecimals: quoteDecimals)
            var upper = Self.usableTick(price: position.upper, spacing: spacing, baseDecimals: baseDecimals, quoteDecimals: quoteDecimals)
            if upper <= lower { upper = lower + spacing }
            guard let raw = UInt256(exactly: (position.liquidity * liquidityScale).rounded()) else {
                throw .invalidParameter("liquidity out of range")
            }
            _ = try exact { () throws(UniswapMathError) in try engine.mint(tickLower: lower, tickUpper: upper, liquidity: raw) }
        }
        self.engine = engine
        self.ladder = TickLadder(engine.ticks)
    }

    /// A pool around an exact engine (for tests and for pools built from on-chain state).
    public init(engine: UniswapV3Pool, baseDecimals: Int = 18, quoteDecimals: Int = 6) {
        self.engine = engine
        self.baseDecimals = baseDecimals
        self.quoteDecimals = quoteDecimals
        self.ladder = TickLadder(engine.ticks)
    }

    public var fee: Double { Double(engine.feePips) / 1_000_000 }

    /// QUOTE per BASE at the pool's sqrt price.
    public var midPrice: Double { Self.price(sqrtPriceX96: engine.sqrtPriceX96, baseDecimals: baseDecimals, quoteDecimals: quoteDecimals) }

    /// Raw price scale: QUOTE per BASE = raw price * 10^(baseDecimals - quoteDecimals).
    static func rawScale(_ baseDecimals: Int, _ quoteDecimals: Int) -> Double { TokenUnits.power10(baseDecimals - quoteDecimals) }

    public static func price(sqrtPriceX96: UInt256, baseDecimals: Int, quoteDecimals: Int) -> Double {
        let root = Double(sqrtPriceX96) / 79_228_162_514_264_337_593_543_950_336.0
        return root * root * rawScale(baseDecimals, quoteDecimals)
    }

    static func sqrtPriceX96(price: Double, baseDecimals: Int, quoteDecimals: Int) throws(VenueError) -> UInt256 {
        guard price > 0, price.isFinite else { throw .invalidParameter("price must be positive") }
        let root = (price / rawScale(baseDecimals, quoteDecimals)).squareRoot() * 79_228_162_514_264_337_593_543_950_336.0
        guard let value = UInt256(exactly: root.rounded()), value >= TickMath.minSqrtRatio, value < TickMath.maxSqrtRatio else {
            throw .invalidParameter("price \(price) outside the engine's range")
        }
        return value
    }

    /// Nearest multiple of `spacing` to log_1.0001(raw price), inside the usable tick range.
    static func usableTick(price: Double, spacing: Int, baseDecimals: Int, quoteDecimals: Int) -> Int {
        let tick = log(price / rawScale(baseDecimals, quoteDecimals)) / log(1.0001)
        let rounded = Int((tick / Double(spacing)).rounded()) * spacing
        let minUsable = (TickMath.minTick / spacing) * spacing, maxUsable = (TickMath.maxTick / spacing) * spacing
        return min(max(rounded, minUsable), maxUsable)
    }

    public func quote(_ side: TradeSide, base: Double) throws(VenueError) -> Fill {
        var copy = self
        return try copy.execute(side, base: base)
    }

    /// Buying is an exact output of `base` token0 (token1 in); selling an exact input of
    /// `base` token0. Throws `insufficientLiquidity` when the ranges cannot fill it all
    /// (the pool is left unchanged).
    public mutating func execute(_ side: TradeSide, base: Double) throws(VenueError) -> Fill {
        try TokenUnits.validSize(base)
        let mid = midPrice
        let baseRaw = try TokenUnits.raw(base, decimals: baseDecimals)
        guard baseRaw > 0 else { throw .invalidSize(base) }
        var next = engine
        let buy = side == .buy
        let result = try exact { () throws(UniswapMathError) in
            let amount = try EVMWord.int256(baseRaw)
            return try next.swap(
                zeroForOne: !buy, amountSpecified: buy ? -amount : amount,
                sqrtPriceLimitX96: buy ? TickMath.maxSqrtRatio - 1 : TickMath.minSqrtRatio + 1)
        }
        let baseMoved = result.amount0.magnitude
        guard baseMoved == baseRaw else {
            throw .insufficientLiquidity(available: TokenUnits.human(baseMoved, decimals: baseDecimals))
        }
        engine = next
        let quote = TokenUnits.human(result.amount1.magnitude, decimals: quoteDecimals)
        let feeQuote: Double
        if buy {
            feeQuote = TokenUnits.human(result.feeAmount, decimals: quoteDecimals)
        } else {
            // Fee taken in BASE, valued at the price the rest of the BASE got.
            let feeBase = TokenUnits.human(result.feeAmount, decimals: baseDecimals)
            feeQuote = feeBase * quote / (base - feeBase)
        }
        return Fill(side: side, base: base, quote: quote, fee: feeQuote, midBefore: mid, midAfter: midPrice)
    }

    /// Floating-point walk over the initialized ticks (`ConcentratedWalk`): BASE between the
    /// current price and the pool price at which the marginal price (fee included) reaches
    /// `price`.
    public func sizeAtMarginalPrice(_ side: TradeSide, _ price: Double) -> Double {
        marginalSizeCurve(side).size(at: price)
    }

    public func marginalSizeCurve(_ side: TradeSide) -> MarginalSizeCurve {
        .concentrated(ConcentratedWalk(
            side: side, keep: 1 - fee, rawScale: Self.rawScale(baseDecimals, quoteDecimals),
            baseScale: TokenUnits.power10(baseDecimals),
            currentSqrt: Double(engine.sqrtPriceX96) / 79_228_162_514_264_337_593_543_950_336.0,
            liquidity: Double(engine.liquidity), ladder: ladder, firstAbove: ladder.firstIndex(above: engine.tick)))
    }

    /// The largest size within `maxSlippage`, found with exact quotes from a floating-point
    /// first estimate (`slippageCapEstimate`) rather than from the marginal-price bound: the
    /// estimate is within a few raw units of the exact boundary, so a handful of exact quotes
    /// verify and refine it to the protocol's 1e-10 relative precision.
    public func largestSize(_ side: TradeSide, maxSlippage: Double) -> Double {
        largestSize(side, maxSlippage: maxSlippage, near: slippageCapEstimate(side, maxSlippage: maxSlippage), fee: fee, quoteDecimals: quoteDecimals)
    }

    /// Floating-point solution of "average price, fee included, = the cap", BASE; 0 when
    /// no positive size fits (the cap is below the fee).
    ///
    /// Walking range by range from the current sqrt price r0 with liquidity L, the token0 and
    /// token1 moved so far (Δ, Y, raw) grow as Δ + L(1/r0 - 1/r) and Y + L(r - r0) (buy; a
    /// sell mirrors it). A buy pays Y/(1-f) for Δ, within the cap while Y <= C·Δ with
    /// C = mid·(1+s)(1-f) (raw price); a sell gets Y for Δ/(1-f), within it while Y >= C·Δ
    /// with C = mid·(1-s)/(1-f). In the range where the sign flips, Y = C·Δ is the quadratic
    /// L r² - B r + C L = 0 (roots multiply to C): a buy takes the larger root, a sell the
    /// smaller, each written in the form that does not cancel.
    func slippageCapEstimate(_ side: TradeSide, maxSlippage: Double) -> Double {
        let keep = 1 - fee
        let startSqrt = Double(engine.sqrtPriceX96) / 79_228_162_514_264_337_593_543_950_336.0
        let midRaw = startSqrt * startSqrt
        let rungs = ladder.rungs
        var index = ladder.firstIndex(above: engine.tick)
        var liquidity = Double(engine.liquidity)
        var sqrtPrice = startSqrt
        var token0 = 0.0, token1 = 0.0
        let token0Scale = TokenUnits.power10(baseDecimals)
        if side == .buy {
            let capRatio = midRaw * (1 + maxSlippage) * keep
            guard capRatio > midRaw else { return 0 }
            while true {
                let end = index < rungs.count ? rungs[index].sqrtPrice : Double.infinity
                if liquidity > 0 {
                    let token0End = token0 + liquidity * (1 / sqrtPrice - 1 / end)
                    let token1End = token1 + liquidity * (end - sqrtPrice)
                    if !(token1End <= capRatio * token0End) {
                        let b = liquidity * sqrtPrice + capRatio * token0 + capRatio * liquidity / sqrtPrice - token1
                        let discriminant = max(0, b * b - 4 * capRatio * liquidity * liquidity)
                        let root = (b + discriminant.squareRoot()) / (2 * liquidity)
                        return (token0 + liquidity * (1 / sqrtPrice - 1 / root)) / token0Scale
                    }
                    token0 = token0End; token1 = token1End
                }
                guard index < rungs.count else { return token0 / token0Scale }  // all the pool holds
                sqrtPrice = end
                liquidity += rungs[index].liquidityNet
                index += 1
            }
        } else {
            let capRatio = midRaw * (1 - maxSlippage) / keep
            guard capRatio < midRaw else { return 0 }
            while true {
                let end = index > 0 ? rungs[index - 1].sqrtPrice : 0
                if liquidity > 0 {
                    let token0End = token0 + liquidity * (1 / end - 1 / sqrtPrice)
                    let token1End = token1 + liquidity * (sqrtPrice - end)
                    if !(token1End >= capRatio * token0End) {
                        let b = token1 + liquidity * sqrtPrice + capRatio * liquidity / sqrtPrice - capRatio * token0
                        let discriminant = max(0, b * b - 4 * capRatio * liquidity * liquidity)
                        let root = 2 * capRatio * liquidity / (b + discriminant.squareRoot())
                        return (token0 + liquidity * (1 / root - 1 / sqrtPrice)) / keep / token0Scale
                    }
                    token0 = token0End; token1 = token1End
                }
                guard index > 0 else { return token0 / keep / token0Scale }
                index -= 1
                sqrtPrice = end
                liquidity -= rungs[index].liquidityNet
            }
        }
    }
}
