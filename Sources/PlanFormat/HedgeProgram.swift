/// What the runtime computes on every tick and what makes it trade.
public struct HedgeProgram: Codable, Equatable, Sendable {
    /// What the delta hedge trades.
    public enum Instrument: String, ClosedVocabulary {
        case spot, perp
        public static let noun = "hedge instrument"
    }

    public var instrument: Instrument
    public var delta: DeltaProgram?
    public var gamma: GammaProgram?
    public var vega: VegaProgram?
    public init(instrument: Instrument, delta: DeltaProgram?, gamma: GammaProgram?, vega: VegaProgram?) {
        self.instrument = instrument
        self.delta = delta
        self.gamma = gamma
        self.vega = vega
    }
}

/// Delta hedging: keep net delta within a band around `target` (BASE).
public struct DeltaProgram: Codable, Equatable, Sendable {
    public var target: Double
    public var trigger: TriggerRule
    public var volatilityAdapter: VolatilityAdapter?
    public var gasAdapter: GasAdapter?
    public init(target: Double, trigger: TriggerRule, volatilityAdapter: VolatilityAdapter?, gasAdapter: GasAdapter?) {
        self.target = target
        self.trigger = trigger
        self.volatilityAdapter = volatilityAdapter
        self.gasAdapter = gasAdapter
    }
}

/// When a delta rebalance fires.
/// - `band`: |net delta - target| > `halfWidth`.
/// - `interval`: every `intervalSeconds`.
/// - `hybrid`: whichever of the two comes first.
/// - `whalley-wilmott`: |net delta - target| > H, with the asymptotically optimal
///   no-transaction half-width for proportional costs (Whalley and Wilmott 1997)
///   H = (3/2 · e^{-r τ} · λ · S · Γ² / γ)^{1/3}, recomputed on every tick from the book's
///   gamma Γ and spot S; λ is `costRate` (fee plus gas per unit notional), γ `riskAversion`.
public struct TriggerRule: Codable, Equatable, Sendable {
    /// When a delta rebalance fires (see `TriggerRule`).
    public enum Kind: String, ClosedVocabulary {
        case band, interval, hybrid
        case whalleyWilmott = "whalley-wilmott"
        public static let noun = "trigger"
    }

    public var kind: Kind
    /// BASE.
    public var halfWidth: Double?
    public var intervalSeconds: Int64?
    public var riskAversion: Double?
    /// λ, proportional cost of one hedge trade as a fraction of notional.
    public var costRate: Double?
    /// H at inception (BASE), for reference and tests.
    public var inceptionHalfWidth: Double?
    public init(kind: Kind, halfWidth: Double? = nil, intervalSeconds: Int64? = nil, riskAversion: Double? = nil,
                costRate: Double? = nil, inceptionHalfWidth: Double? = nil) {
        self.kind = kind
        self.halfWidth = halfWidth
        self.intervalSeconds = intervalSeconds
        self.riskAversion = riskAversion
        self.costRate = costRate
        self.inceptionHalfWidth = inceptionHalfWidth
    }
}

/// The band follows a volatility forecast: half-width × clamp(`referenceVolatility` / σ̂,
/// `minScale`, `maxScale`). Calm markets (σ̂ low) widen it and trade less; turbulent ones
/// narrow it and react faster. σ̂ is annualised from per-observation log returns with
/// `observationsPerYear` (estimated from the feed's tick spacing when nil).
///
/// EWMA: σ²ₜ = λ σ²ₜ₋₁ + (1 - λ) r²ₜ (`decay` λ). GARCH(1,1): σ²ₜ = ω + α r²ₜ₋₁ + β σ²ₜ₋₁,
/// fitted by maximum likelihood to a history at compile time.
public struct VolatilityAdapter: Codable, Equatable, Sendable {
    /// The volatility forecast behind a `VolatilityAdapter`.
    public enum Model: String, ClosedVocabulary {
        case ewma, garch, regime
        public static let noun = "volatility model"
    }

    public var model: Model
    public var decay: Double?
    public var omega: Double?
    public var alpha: Double?
    public var beta: Double?
    /// Seconds between the history's observations the GARCH or regime parameters were fitted on.
    public var fittedStepSeconds: Int64?
    /// The fitted regime model (`regime`): per-step log-return means and variances of each
    /// state (lowest variance first) and the transition matrix.
    public var regime: RegimeModel?
    public var referenceVolatility: Double
    public var minScale: Double
    public var maxScale: Double
    public init(model: Model, decay: Double? = nil, omega: Double? = nil, alpha: Double? = nil, beta: Double? = nil,
                fittedStepSeconds: Int64? = nil, regime: RegimeModel? = nil, referenceVolatility: Double, minScale: Double,
                maxScale: Double) {
        self.model = model
        self.decay = decay
        self.omega = omega
        self.alpha = alpha
        self.beta = beta
        self.fittedStepSeconds = fittedStepSeconds
        self.regime = regime
        self.referenceVolatility = referenceVolatility
        self.minScale = minScale
        self.maxScale = maxScale
    }
}

/// A Gaussian hidden Markov model of per-step log returns, as fitted at compile time:
/// state k draws returns from Normal(`means[k]`, `variances[k]`); `transition[i][j]` is the
/// probability of moving from state i to state j in one step.
public struct RegimeModel: Codable, Equatable, Sendable {
    public var means: [Double]
    public var variances: [Double]
    public var transition: [[Double]]
    public init(means: [Double], variances: [Double], transition: [[Double]]) {
        self.means = means
        self.variances = variances
        self.transition = transition
    }
}

/// The band widens when one rebalance costs more: half-width × max(1, (cost / `referenceCost`)^(1/3)),
/// the cube-root dependence of the optimal band on costs. Cost of one trade in QUOTE =
/// gas price (gwei, from the feed when it has a `gas_gwei` column) × 1e-9 × `gasPerTrade`
/// × the native token's price, plus `feeRate` × traded notional.
public struct GasAdapter: Codable, Equatable, Sendable {
    public var referenceGasGwei: Double
    public var gasPerTrade: Double
    /// Token gas is paid in; the runtime prices it with the feed when it is the BASE.
    public var nativeToken: String
    public var feeRate: Double
    /// QUOTE, the cost of one rebalance of one band's size at inception.
    public var referenceCost: Double
    public var maxScale: Double
    public init(referenceGasGwei: Double, gasPerTrade: Double, nativeToken: String, feeRate: Double, referenceCost: Double, maxScale: Double) {
        self.referenceGasGwei = referenceGasGwei
        self.gasPerTrade = gasPerTrade
        self.nativeToken = nativeToken
        self.feeRate = feeRate
        self.referenceCost = referenceCost
        self.maxScale = maxScale
    }
}

/// Gamma scalping: rebalance the delta that gamma creates as spot moves, within the delta band.
public struct GammaProgram: Codable, Equatable, Sendable {
    public var scalp: Bool
    public init(scalp: Bool) { self.scalp = scalp }
}

/// Vega hedging with an option: keep the book's vega within ±`band` (QUOTE per volatility
/// point) by trading `option`.
public struct VegaProgram: Codable, Equatable, Sendable {
    /// An option's type.
    public enum OptionType: String, ClosedVocabulary {
        case call, put
        public static let noun = "option type"
        /// +1 for a call, -1 for a put: the sign in the payoff max(sign × (S − K), 0).
        public var sign: Double { self == .call ? 1 : -1 }
    }

    public var band: Double
    public var optionType: OptionType
    public var strikeRule: StrikeRule
    public var expirySeconds: Int64
    /// The option's strike and vega per unit at inception (QUOTE per volatility point).
    public var inceptionStrike: Double
    public var inceptionVegaPerUnit: Double
    public init(band: Double, optionType: OptionType, strikeRule: StrikeRule, expirySeconds: Int64, inceptionStrike: Double, inceptionVegaPerUnit: Double) {
        self.band = band
        self.optionType = optionType
        self.strikeRule = strikeRule
        self.expirySeconds = expirySeconds
        self.inceptionStrike = inceptionStrike
        self.inceptionVegaPerUnit = inceptionVegaPerUnit
    }
}




