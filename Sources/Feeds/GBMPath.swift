/// A geometric Brownian motion path, stepped exactly in log space:
///   ln S(t+dt) = ln S(t) + (mu - sigma^2/2) dt + sigma sqrt(dt) Z,  Z ~ N(0, 1)
/// so log returns are exactly Normal((mu - sigma^2/2) dt, sigma^2 dt) whatever the step
/// (no Euler discretisation error), and E[S_t] = S_0 e^(mu t).
///
/// Seeded (`NormalSampler`, xoshiro256**, `PortableMath`): the same parameters give the
/// same ticks, bit for bit, on every machine. No allocation per tick.
public struct GBMPath: ComputedTickSource, Sendable {
    public let parameters: PathParameters
    private var sampler: NormalSampler
    private var index = 0
    private var logReturn = 0.0
    private let driftPerStep: Double
    private let volatilityPerStep: Double

    /// The path's last tick index (`parameters.steps`, a division and a rounding: kept).
    private let steps: Int
    /// Prices of ticks `blockStart ..< blockStart + blockCount`: the normal variates are drawn
    /// eight at a time (`NormalSampler.next(_:)`), the log returns summed in order, and their
    /// exponentials taken eight at a time (`PortableMath.exp` on lanes): the same bits as one
    /// at a time, with the polynomials' latency hidden.
    private var block = SIMD8<Double>()
    private var blockStart = 0
    private var blockCount = 0

    public init(_ parameters: PathParameters) {
        self.parameters = parameters
        sampler = NormalSampler(seed: parameters.seed)
        let dt = parameters.stepInYears
        let sigma = parameters.volatility
        driftPerStep = (parameters.drift - 0.5 * sigma * sigma) * dt
        volatilityPerStep = sigma * dt.squareRoot()
        steps = parameters.steps
    }

    /// Ticks the path yields: `steps + 1`.
    public var count: Int { steps + 1 }

    public mutating func next() -> Tick? {
        guard index <= steps else { return nil }
        if index - blockStart >= blockCount { drawBlock() }
        let tick = parameters.tick(index, price: block[index - blockStart])
        index += 1
        return tick
    }

    /// The prices of the next (up to) eight ticks from `index` on.
    private mutating func drawBlock() {
        blockStart = index
        blockCount = min(8, steps + 1 - index)
        // The first tick is the spot itself: no draw.
        let variates = sampler.next(index == 0 ? blockCount - 1 : blockCount)
        var logReturns = SIMD8<Double>()
        var drawn = 0
        for lane in 0..<blockCount {
            if index + lane > 0 {
                logReturn += driftPerStep + volatilityPerStep * variates[drawn]
                drawn += 1
            }
            logReturns[lane] = logReturn
        }
        block = parameters.spot * PortableMath.exp(logReturns)
    }

    public var notes: [String] {
        ["simulated GBM: spot \(parameters.spot), vol \(parameters.volatility), drift \(parameters.drift), \(count) ticks every \(TimestampFormatter.duration(parameters.step)) from \(TimestampFormatter.iso8601(parameters.start)), seed \(parameters.seed)"]
    }
}
