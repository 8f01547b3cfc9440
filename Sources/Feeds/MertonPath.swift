/// A Merton (1976) jump-diffusion path, stepped exactly in log space:
///   ln S(t+dt) = ln S(t) + (mu - sigma^2/2 - lambda k) dt + sigma sqrt(dt) Z + sum_{i=1..N} Y_i
/// with N ~ Poisson(lambda dt) jumps in the step, Y_i ~ Normal(m, delta^2), and
/// k = E[e^Y] - 1 = e^(m + delta^2/2) - 1.
///
/// Martingale drift compensation: the `- lambda k` term cancels the jumps' average effect, so
/// E[S_t] = S_0 e^(mu t) exactly as for GBM (with mu = 0, the price is a martingale), and the
/// jumps change the shape of returns (fat left tail when m < 0), not their mean.
/// Given N, the sum of the jumps is exactly Normal(N m, N delta^2): one normal draw.
/// N is drawn by inversion (Knuth's product of uniforms), exact for any lambda dt; its cost
/// grows with lambda dt, which is small for any realistic step.
///
/// Seeded and machine-independent like `GBMPath`; `jumpCount` counts the jumps so far.
public struct MertonPath: ComputedTickSource, Sendable {
    public let parameters: PathParameters
    public let jumps: JumpParameters
    /// Jumps drawn so far (for tests and reports).
    public private(set) var jumpCount = 0
    private var sampler: NormalSampler
    private var index = 0
    private var logReturn = 0.0
    private let driftPerStep: Double
    private let volatilityPerStep: Double
    /// e^(-lambda dt): the probability of no jump in one step.
    private let noJumpProbability: Double

    public init(_ parameters: PathParameters, jumps: JumpParameters) {
        self.parameters = parameters
        self.jumps = jumps
        sampler = NormalSampler(seed: parameters.seed)
        let dt = parameters.stepInYears
        let sigma = parameters.volatility
        driftPerStep = (parameters.drift - 0.5 * sigma * sigma - jumps.intensity * jumps.expectedRelativeJump) * dt
        volatilityPerStep = sigma * dt.squareRoot()
        noJumpProbability = PortableMath.exp(-jumps.intensity * dt)
    }

    public var count: Int { parameters.steps + 1 }

    public mutating func next() -> Tick? {
        guard index <= parameters.steps else { return nil }
        if index > 0 {
            var increment = driftPerStep + volatilityPerStep * sampler.next()
            var n = 0
            var product = sampler.uniformOpen()
            while product > noJumpProbability { n += 1; product *= sampler.uniformOpen() }
            if n > 0 {
                jumpCount += n
                let count = Double(n)
                increment += count * jumps.meanLogJump + jumps.jumpVolatility * count.squareRoot() * sampler.next()
            }
            logReturn += increment
        }
        let tick = parameters.tick(index, logReturn: logReturn)
        index += 1
        return tick
    }

    public var notes: [String] {
        ["simulated Merton jump-diffusion: spot \(parameters.spot), vol \(parameters.volatility), drift \(parameters.drift), jumps \(jumps.intensity)/year with log-mean \(jumps.meanLogJump) and log-vol \(jumps.jumpVolatility) (drift compensated by -lambda k = \(-jumps.intensity * jumps.expectedRelativeJump)/year), \(count) ticks every \(TimestampFormatter.duration(parameters.step)), seed \(parameters.seed)"]
    }
}
