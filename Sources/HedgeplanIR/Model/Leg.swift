import HedgeplanDiagnostics

public enum Side: String, Hashable, Sendable, CaseIterable {
    case long, short

    /// +1 for long, -1 for short.
    public var sign: Double { self == .long ? 1 : -1 }
}

public enum OptionType: String, Hashable, Sendable, CaseIterable {
    case call, put
}

public enum LegType: String, Hashable, Sendable, CaseIterable {
    case call, put, spot, perp, future, lp
}

/// What a leg holds. Instruments say what is traded, never how it is priced.
public enum Instrument: Hashable, Sendable {
    case option(OptionTerms)
    case spot
    case perp
    case future(expiry: Located<Expiry>)
    case liquidity(LiquidityTerms)

    public var type: LegType {
        switch self {
        case .option(let o): return o.type == .call ? .call : .put
        case .spot: return .spot
        case .perp: return .perp
        case .future: return .future
        case .liquidity: return .lp
        }
    }

    public var option: OptionTerms? {
        if case .option(let o) = self { return o }
        return nil
    }

    public var expiry: Located<Expiry>? {
        switch self {
        case .option(let o): return o.expiry
        case .future(let e): return e
        default: return nil
        }
    }
}

public struct OptionTerms: Hashable, Sendable {
    public var type: OptionType
    public var strike: Located<Strike>
    public var expiry: Located<Expiry>

    public init(type: OptionType, strike: Located<Strike>, expiry: Located<Expiry>) {
        self.type = type
        self.strike = strike
        self.expiry = expiry
    }
}

/// A liquidity position on a named venue: full range on a constant-product pool, or a
/// price range on a concentrated-liquidity pool.
public struct LiquidityTerms: Hashable, Sendable {
    public var venue: Located<String>
    /// `[low, high]` in QUOTE per BASE; nil for full range.
    public var range: Located<PriceRange>?
    /// QUOTE deposited at inception.
    public var capital: Located<Double>
    /// Fee income a year as a fraction of the position's value, earned while spot is in the
    /// range (0.25 = 25%); nil: fees come from the feed's volume, when it has one.
    public var feeAPR: Located<Double>?

    public init(venue: Located<String>, range: Located<PriceRange>?, capital: Located<Double>, feeAPR: Located<Double>? = nil) {
        self.venue = venue
        self.range = range
        self.capital = capital
        self.feeAPR = feeAPR
    }
}

public struct PriceRange: Hashable, Sendable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }
}

/// One position of the strategy.
public struct Leg: Hashable, Sendable {
    /// Unique within the strategy; generated for template legs (`iron-condor.short-put`).
    public var id: Located<String>
    public var side: Located<Side>
    public var instrument: Instrument
    /// BASE units, > 0; nil for an lp leg, whose size is its `capital`.
    public var quantity: Located<Double>?
    /// QUOTE per BASE paid (long) or received (short); nil: priced by the model.
    public var premium: Located<Double>?
    /// The leg's node (its template's node for template legs).
    public var location: SourceLocation

    public init(
        id: Located<String>, side: Located<Side>, instrument: Instrument, quantity: Located<Double>?,
        premium: Located<Double>?, location: SourceLocation
    ) {
        self.id = id
        self.side = side
        self.instrument = instrument
        self.quantity = quantity
        self.premium = premium
        self.location = location
    }

    /// Quantity with its sign: positive long, negative short.
    public var signedQuantity: Double? { quantity.map { $0.value * side.value.sign } }
}
