/// A compiled hedging plan: everything the runtime needs to run a strategy, and nothing
/// that needs the strategy language. Versioned (`format`, `version`) so a plan compiled
/// today runs the same next year; encoded canonically (`PlanCoding`) so the same input gives
/// the same bytes.
///
/// Units: quantities in BASE (signed: positive long), money and prices in QUOTE, rates and
/// volatilities as annual fractions, durations in seconds, instants in milliseconds since
/// the Unix epoch (UTC), with an ISO 8601 copy beside them for people.
public struct HedgingPlan: Codable, Equatable, Sendable {
    public static let formatName = "hedgeplan.plan"
    public static let currentVersion = 2

    public var format: String
    public var version: Int
    public var compiler: CompilerInfo
    public var source: SourceInfo
    public var strategy: StrategyInfo
    public var clock: PlanClock
    public var market: MarketAssumptions
    public var legs: [PlanLeg]
    public var hedge: HedgeProgram?
    public var execution: ExecutionPlan?
    public var safety: [BreakerRule]
    public var roll: RollSchedule?
    /// Figures at inception, for reports; the runtime recomputes what it needs.
    public var inception: InceptionFigures
    /// Set by `hedgeplan activate` only (`PlanActivation`); nil in a compiled plan.
    public var activation: PlanActivation?

    public init(
        compiler: CompilerInfo, source: SourceInfo, strategy: StrategyInfo, clock: PlanClock, market: MarketAssumptions,
        legs: [PlanLeg], hedge: HedgeProgram?, execution: ExecutionPlan?, safety: [BreakerRule], roll: RollSchedule?,
        inception: InceptionFigures
    ) {
        format = Self.formatName
        version = Self.currentVersion
        self.compiler = compiler
        self.source = source
        self.strategy = strategy
        self.clock = clock
        self.market = market
        self.legs = legs
        self.hedge = hedge
        self.execution = execution
        self.safety = safety
        self.roll = roll
        self.inception = inception
        self.activation = nil
    }

    /// The plan without its activation record: what a proposal carries and what the
    /// governance hashes name.
    public var withoutActivation: HedgingPlan {
        var plan = self
        plan.activation = nil
        return plan
    }
}

public struct CompilerInfo: Codable, Equatable, Sendable {
    public var name: String
    public var version: String
    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}

/// The strategy file the plan came from: its path as given and the SHA-256 of its bytes.
public struct SourceInfo: Codable, Equatable, Sendable {
    public var path: String
    public var sha256: String
    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}

public struct StrategyInfo: Codable, Equatable, Sendable {
    public var name: String
    public var description: String?
    public var base: String
    public var quote: String
    public init(name: String, description: String?, base: String, quote: String) {
        self.name = name
        self.description = description
        self.base = base
        self.quote = quote
    }
}

/// Where plan time starts. With `market.as_of` the plan is anchored at that instant;
/// without it, at the first tick of the run (`run_start`), so compiling never reads the
/// wall clock. Every expiry and roll is an offset in seconds from the anchor.
public struct PlanClock: Codable, Equatable, Sendable {
    public enum Anchor: String, ClosedVocabulary {
        case asOf = "as_of"
        case runStart = "run_start"
        public static let noun = "clock anchor"
    }
    public var anchor: Anchor
    /// The anchor instant, milliseconds since the Unix epoch (UTC), when `anchor` is `as_of`.
    public var asOfMs: Int64?
    /// The same instant in ISO 8601, for people.
    public var asOf: String?
    public init(anchor: Anchor, asOfMs: Int64?, asOf: String?) {
        self.anchor = anchor
        self.asOfMs = asOfMs
        self.asOf = asOf
    }
}

public struct MarketAssumptions: Codable, Equatable, Sendable {
    /// QUOTE per BASE, for resolving strikes and pricing at compile time; the feed overrides it.
    public var spot: Double
    public var volatility: Double
    public var rate: Double
    public var model: ModelSpec
    public init(spot: Double, volatility: Double, rate: Double, model: ModelSpec) {
        self.spot = spot
        self.volatility = volatility
        self.rate = rate
        self.model = model
    }
}

public struct ModelSpec: Codable, Equatable, Sendable {
    public enum Kind: String, ClosedVocabulary {
        case blackScholes = "black-scholes"
        case merton
        public static let noun = "model"
    }
    public var kind: Kind
    /// Merton jumps: expected jumps per year, mean and stdev of the log jump size.
    public var jumpIntensity: Double?
    public var jumpMeanLog: Double?
    public var jumpVolatility: Double?
    public init(kind: Kind, jumpIntensity: Double? = nil, jumpMeanLog: Double? = nil, jumpVolatility: Double? = nil) {
        self.kind = kind
        self.jumpIntensity = jumpIntensity
        self.jumpMeanLog = jumpMeanLog
        self.jumpVolatility = jumpVolatility
    }
}

public struct InceptionFigures: Codable, Equatable, Sendable {
    /// QUOTE, positive when received.
    public var netPremium: Double
    /// QUOTE, positive; nil when unbounded.
    public var maxLoss: Double?
    public var maxProfit: Double?
    /// Greeks of the legs at inception (delta BASE, gamma BASE per QUOTE, vega QUOTE per
    /// volatility point, theta QUOTE per day).
    public var delta: Double
    public var gamma: Double
    public var vega: Double
    public var theta: Double
    public init(netPremium: Double, maxLoss: Double?, maxProfit: Double?, delta: Double, gamma: Double, vega: Double, theta: Double) {
        self.netPremium = netPremium
        self.maxLoss = maxLoss
        self.maxProfit = maxProfit
        self.delta = delta
        self.gamma = gamma
        self.vega = vega
        self.theta = theta
    }
}
