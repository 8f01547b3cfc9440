/// A validated European option contract plus the market inputs needed to value it.
///
/// This is where invalid numbers are rejected (the throwing initialiser); once built, every
/// pricing function accepts it without further checks and never returns NaN.
/// - `spot`, `strike`: QUOTE per BASE, finite and > 0.
/// - `rate` (r) and `carry` (q): continuously compounded, per year, finite with |x| <= 10
///   (q is a dividend, carry, or funding yield; for a crypto perpetual-hedged book it is the
///   funding rate). The forward is S e^((r-q)T).
/// - `volatility` (sigma): per sqrt(year), finite, 0 <= sigma <= 10 (1000%).
/// - `timeToExpiry` (T): years, finite, 0 <= T <= 100. T = 0 means expiry now.
public struct EuropeanOption: Sendable, Hashable {
    public let kind: OptionKind
    public let spot: Double
    public let strike: Double
    public let rate: Double
    public let carry: Double
    public let volatility: Double
    public let timeToExpiry: Double

    public init(
        kind: OptionKind, spot: Double, strike: Double, rate: Double, carry: Double,
        volatility: Double, timeToExpiry: Double
    ) throws(PricingInputError) {
        try PricingInputError.positive(spot, "spot")
        try PricingInputError.positive(strike, "strike")
        try PricingInputError.finite(rate, "r")
        try PricingInputError.finite(carry, "q")
        try PricingInputError.nonNegative(volatility, "vol")
        try PricingInputError.finite(volatility, "vol")
        try PricingInputError.nonNegative(timeToExpiry, "T")
        try PricingInputError.finite(timeToExpiry, "T", bound: 100)
        // With no time value left (T = 0 or vol = 0), an option whose forward is exactly its
        // strike sits on the kink of its payoff: gamma and theta are infinite there.
        if volatility * timeToExpiry.squareRoot() == 0,
            ElementaryFunctions.log(spot / strike) + (rate - carry) * timeToExpiry == 0
        {
            throw PricingInputError(
                field: timeToExpiry == 0 ? "T" : "vol", value: 0,
                requirement: "leaves an option whose forward is its strike on the kink of its payoff, where gamma and theta are infinite")
        }
        self.kind = kind
        self.spot = spot
        self.strike = strike
        self.rate = rate
        self.carry = carry
        self.volatility = volatility
        self.timeToExpiry = timeToExpiry
    }

    /// The same contract with another volatility (used by implied volatility and scenarios).
    public func with(volatility: Double) throws(PricingInputError) -> EuropeanOption {
        try EuropeanOption(kind: kind, spot: spot, strike: strike, rate: rate, carry: carry,
                           volatility: volatility, timeToExpiry: timeToExpiry)
    }
}
