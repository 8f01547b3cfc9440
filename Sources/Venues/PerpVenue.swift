import HedgeplanTime
/// A linear perpetual: fills at the mark (mid) price plus or minus a proportional fee, with
/// funding accruing on the open position over time.
///
/// No price impact: the perp is modelled as infinitely deep at the mark, so its cost is the
/// fee alone and a fill never moves the mark (the mark follows the feed via `updateMark`).
/// This is an optimistic model for large hedges; a `max_slippage` below the fee excludes
/// the perp entirely.
public struct PerpVenue: HedgeVenue, Equatable {
    /// Fee as a fraction of notional (0.0005 = 0.05%).
    public let fee: Double
    /// Annualised funding rate (0.10 = 10%/year), paid by longs to shorts when positive.
    public let annualFundingRate: Double
    /// Mark price, QUOTE per BASE.
    public private(set) var markPrice: Double
    /// Signed position in BASE (long > 0).
    public private(set) var position: Double = 0
    /// Funding paid so far by this position, QUOTE (negative = received).
    public private(set) var fundingPaid: Double = 0

    /// Seconds in the year funding is quoted over (365 days, as `1y` in the DSL).
    public static let secondsPerYear = YearLength.secondsValue

    public init(markPrice: Double, fee: Double, annualFundingRate: Double) throws(VenueError) {
        guard markPrice > 0, markPrice.isFinite else { throw .invalidParameter("mark price must be positive") }
        guard fee >= 0, fee < 1 else { throw .invalidParameter("fee must be in [0, 1)") }
        guard annualFundingRate.isFinite else { throw .invalidParameter("funding rate must be finite") }
        self.markPrice = markPrice
        self.fee = fee
        self.annualFundingRate = annualFundingRate
    }

    public var midPrice: Double { markPrice }

    /// Moves the mark to the feed's price (funding accrued before the move uses the old mark).
    public mutating func updateMark(_ price: Double) throws(VenueError) {
        guard price > 0, price.isFinite else { throw .invalidParameter("mark price must be positive") }
        markPrice = price
    }

    public func quote(_ side: TradeSide, base: Double) throws(VenueError) -> Fill {
        try TokenUnits.validSize(base)
        let notional = base * markPrice
        let feeQuote = notional * fee
        // A perp settles no notional; `quote` is the notional the position now carries, so
        // the fill's cost against the mid is the fee alone.
        return Fill(side: side, base: base, quote: side == .buy ? notional + feeQuote : notional - feeQuote,
                    fee: feeQuote, midBefore: markPrice, midAfter: markPrice)
    }

    public mutating func execute(_ side: TradeSide, base: Double) throws(VenueError) -> Fill {
        let fill = try quote(side, base: base)
        position += side == .buy ? base : -base
        return fill
    }

    /// Accrues funding over `seconds` at the current mark: position * mark * rate * dt/year,
    /// paid by longs when the rate is positive. Returns this period's payment (QUOTE, negative
    /// when received) and adds it to `fundingPaid`.
    @discardableResult
    public mutating func accrueFunding(seconds: Double) throws(VenueError) -> Double {
        guard seconds >= 0, seconds.isFinite else { throw .invalidParameter("funding period must be >= 0 seconds") }
        let payment = position * markPrice * annualFundingRate * seconds / Self.secondsPerYear
        fundingPaid += payment
        return payment
    }

    /// Flat marginal price: mark*(1+fee) to buy, mark*(1-fee) to sell; unlimited at or
    /// beyond it.
    public func sizeAtMarginalPrice(_ side: TradeSide, _ price: Double) -> Double {
        marginalSizeCurve(side).size(at: price)
    }

    public func marginalSizeCurve(_ side: TradeSide) -> MarginalSizeCurve {
        .flat(side, threshold: side == .buy ? markPrice * (1 + fee) : markPrice * (1 - fee))
    }

    /// Any size when the fee fits in the cap, none otherwise.
    public func largestSize(_ side: TradeSide, maxSlippage: Double) -> Double {
        fee <= maxSlippage ? .infinity : 0
    }
}
