import HedgeplanDiagnostics

/// Where and how hedges trade.
public struct Execution: Sendable {
    public var venues: [Venue]
    public var routing: Located<Routing>
    /// A child order never crosses this fraction against the mid.
    public var maxSlippage: Located<Double>?
    public var slicing: Slicing?
    public var gas: GasCost?

    public init(venues: [Venue], routing: Located<Routing>, maxSlippage: Located<Double>?, slicing: Slicing?, gas: GasCost?) {
        self.venues = venues
        self.routing = routing
        self.maxSlippage = maxSlippage
        self.slicing = slicing
        self.gas = gas
    }
}

public struct Venue: Hashable, Sendable {
    public var name: Located<String>
    public var kind: VenueKind
    /// Fraction of notional charged per trade (0.003 = 0.30%).
    public var fee: Located<Double>
    public var location: SourceLocation

    public init(name: Located<String>, kind: VenueKind, fee: Located<Double>, location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.fee = fee
        self.location = location
    }
}

public enum VenueKind: Hashable, Sendable {
    /// x*y=k, like Uniswap v2. Reserves in BASE and QUOTE.
    case constantProduct(base: Double, quote: Double)
    /// Liquidity in price ranges, like Uniswap v3.
    case concentratedLiquidity(positions: [VenueLiquidity])
    /// Linear perpetual; funding is annualised, paid by longs when positive.
    case perp(funding: Double)

    public var name: String {
        switch self {
        case .constantProduct: return "constant-product"
        case .concentratedLiquidity: return "concentrated-liquidity"
        case .perp: return "perp"
        }
    }

    /// Whether an `lp` leg can provide liquidity here.
    public var acceptsLiquidity: Bool {
        if case .perp = self { return false }
        return true
    }
}

public struct VenueLiquidity: Hashable, Sendable {
    public var range: PriceRange
    /// Uniswap v3 liquidity L (sqrt(BASE * QUOTE)).
    public var liquidity: Double

    public init(range: PriceRange, liquidity: Double) {
        self.range = range
        self.liquidity = liquidity
    }
}

public enum Routing: String, Hashable, Sendable, CaseIterable {
    case best, split
}

public struct Slicing: Hashable, Sendable {
    /// BASE per child order.
    public var maxChild: Located<Double>
    public var every: Located<TimeSpan>

    public init(maxChild: Located<Double>, every: Located<TimeSpan>) {
        self.maxChild = maxChild
        self.every = every
    }
}

public struct GasCost: Hashable, Sendable {
    public var price: Located<GasPrice>
    /// Gas units per trade.
    public var perTrade: Located<Double>
    /// The chain's native token (gas is paid in it), e.g. ETH.
    public var native: Located<String>

    public init(price: Located<GasPrice>, perTrade: Located<Double>, native: Located<String>) {
        self.price = price
        self.perTrade = perTrade
        self.native = native
    }
}
