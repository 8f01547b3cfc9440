/// A geometric Brownian motion path, stepped exactly in log space:
///   ln S(t+dt) = ln S(t) + (mu - sigma^2/2) dt + sigma sqrt(dt) Z,  Z ~ N(0, 1)
/// so log returns are exactly Normal((mu - sigma^2/2) dt, sigma^2 dt) whatever the step
/// (no Euler discretisation error), and E[S_t] = S_0 e^(mu t).
///
/// Seeded (`NormalSampler`, xoshiro256**, `PortableMath`): the same parameters give the
/// same ticks, bit for bit, on every machine. No allocation per tick.
public struct GBMPath: TickSource, Sendable {
    public let parameters: PathParameters
    private var sampler: NormalSampler
    private var index = 0
    private var logReturn = 0.0
    private let driftPerStep: Double
    private let volatilityPerStep: Double

    public init(_ parameters: PathParameters) {
        self.parameters = parameters
        sampler = NormalSampler(seed: parameters.seed)
        let dt = parameters.stepInYears
        let sigma = parameters.volatility
        driftPerStep = (parameters.drift - 0.5 * sigma * sigma) * dt
        volatilityPerStep = sigma * dt.squareRoot()
    }

    /// Ticks the path yields: `steps + 1`.
    public var count: Int { parameters.steps + 1 }

    public mutating func next() -> Tick? {
        guard index <= parameters.steps else { return nil }
        if index > 0 { logReturn += driftPerStep + volatilityPerStep * sampler.next() }
        let tick = parameters.tick(index, logReturn: logReturn)
        index += 1
        return tick
    }

    public var notes: [String] {
        ["simulated GBM: spot \(parameters.spot), vol \(parameters.volatility), drift \(parameters.drift), \(count) ticks every \(TimestampFormatter.duration(parameters.step)) from \(TimestampFormatter.iso8601(parameters.start)), seed \(parameters.seed)"]
    }
}
