import HedgeplanTime
/// Parameters shared by simulated paths. Units: `spot` QUOTE per BASE; `volatility` and
/// `drift` annualised (0.6 = 60%/year, continuously compounded); a year is 365 days as in
/// the strategy language (`1y = 365d`); `step` and `start` in milliseconds.
public struct PathParameters: Equatable, Sendable {
    public var spot: Double
    public var volatility: Double
    /// Length of the path in days (fractions allowed).
    public var days: Double
    /// Time between ticks, ms.
    public var step: Int64
    public var seed: UInt64
    /// Expected log-growth rate plus half the variance: E[S_t] = spot e^(drift t).
    public var drift: Double
    /// Timestamp of the first tick (ms since epoch). Fixed by default so that runs are
    /// reproducible: 2024-01-01T00:00:00Z.
    public var start: Int64

    public static let defaultStart: Int64 = 1_704_067_200_000
    @inlinable public static var millisecondsPerYear: Double { YearLength.millisecondsValue }

    public init(spot: Double, volatility: Double, days: Double, step: Int64, seed: UInt64,
                drift: Double = 0, start: Int64 = PathParameters.defaultStart) {
        self.spot = spot
        self.volatility = volatility
        self.days = days
        self.step = step
        self.seed = seed
        self.drift = drift
        self.start = start
    }

    /// Step length in years.
    public var stepInYears: Double { Double(step) / Self.millisecondsPerYear }
    /// Number of steps: floor(days / step); the path has `steps + 1` ticks (the start included).
    public var steps: Int { Int((days * 86_400_000 / Double(step)).rounded(.down)) }

    /// Tick `index` of a simulated path whose log return since the start is `logReturn`:
    /// `index` steps after `start`, at spot × e^logReturn. Every simulated path ends its
    /// step here.
    @inline(__always)
    func tick(_ index: Int, logReturn: Double) -> Tick {
        tick(index, price: spot * PortableMath.exp(logReturn))
    }

    /// `index` steps after `start`, at `price`.
    @inline(__always)
    func tick(_ index: Int, price: Double) -> Tick {
        Tick(timestamp: start + Int64(index) * step, price: price)
    }
}

/// Merton (1976) jumps: a Poisson number of jumps per unit time, each multiplying the price
/// by e^Y with Y ~ Normal(meanLogJump, jumpVolatility^2).
public struct JumpParameters: Equatable, Sendable {
    /// Expected jumps per year (lambda).
    public var intensity: Double
    /// Mean of the log jump Y (-0.04: a typical jump takes about 4% off).
    public var meanLogJump: Double
    /// Standard deviation of the log jump Y.
    public var jumpVolatility: Double

    public init(intensity: Double, meanLogJump: Double, jumpVolatility: Double) {
        self.intensity = intensity
        self.meanLogJump = meanLogJump
        self.jumpVolatility = jumpVolatility
    }

    /// k = E[e^Y] - 1 = e^(mean + jumpvol^2/2) - 1: the expected relative jump size.
    public var expectedRelativeJump: Double {
        PortableMath.exp(meanLogJump + 0.5 * jumpVolatility * jumpVolatility) - 1
    }
}
