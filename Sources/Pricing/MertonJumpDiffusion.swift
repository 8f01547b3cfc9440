/// Jump parameters of Merton's (1976) jump diffusion: jumps arrive as a Poisson process with
/// `intensity` lambda per year; each multiplies the price by e^Y, Y ~ Normal(`meanLog`, `volatility`^2).
/// Validated: lambda in [0, 1000], |meanLog| <= 5, volatility in [0, 5].
public struct JumpParameters: Sendable, Hashable {
    public let intensity: Double
    public let meanLog: Double
    public let volatility: Double

    public init(intensity: Double, meanLog: Double, volatility: Double) throws(PricingInputError) {
        try PricingInputError.nonNegative(intensity, "jump_intensity")
        try PricingInputError.finite(intensity, "jump_intensity", bound: 1000)
        try PricingInputError.finite(meanLog, "jump_mean_log", bound: 5)
        try PricingInputError.nonNegative(volatility, "jump_vol")
        try PricingInputError.finite(volatility, "jump_vol", bound: 5)
        self.intensity = intensity
        self.meanLog = meanLog
        self.volatility = volatility
    }
}

/// Merton (1976) jump-diffusion European options: price and the greeks of `OptionValuation`
/// (vega is with respect to the diffusion volatility sigma), as the Poisson-weighted series
///   V = e^(-rT) sum_n p_n Black(F_n, K, v_n),   p_n = e^(-lambda T) (lambda T)^n / n!,
///   F_n = S e^((r - q - lambda k) T + n g),  v_n = sigma^2 T + n delta^2,
/// with g = meanLog + delta^2/2 and k = e^g - 1 (the jump compensator keeps e^(-qT) S_T's
/// risk-neutral mean at the forward). Terms are evaluated four at a time (SIMD lanes n..n+3).
///
/// Truncation, by a stated bound rather than a fixed count: a put term is at most K and a call
/// term at most F_n, and sum_{n>N} p_n F_n = S e^((r-q)T) P(N' > N) with N' ~ Poisson(lambda (1+k) T).
/// The series stops after the first group of four terms where both Poisson tail masses,
/// P(N > n) and P(N' > n), are below `tailMass` (1e-14), so the price's truncation error is at
/// most 1e-14 max(K e^(-rT), S e^(-qT)), and likewise for delta (per unit of spot).
public enum MertonJumpDiffusion {
    /// Poisson tail mass at which the series stops.
    public static let tailMass = 1e-14
    /// A hard cap on terms, never reached for validated inputs (lambda T <= 500 needs fewer than 800).
    public static let maximumTerms = 2_000

    /// Values a validated option under jump diffusion. Throws where the series cannot be
    /// summed in doubles: lambda T or lambda (1+k) T above 500 (the first Poisson weight
    /// e^(-lambda T) underflows to 0), or a last term's forward F_n beyond e^700 (large
    /// jumps: F_n grows by e^(meanLog + jumpVol^2/2) a term, and its weight, which shrinks
    /// faster, cannot save an infinity). Such inputs gave NaN or prices that broke put-call
    /// parity.
    public static func valuation(_ o: EuropeanOption, jumps: JumpParameters) throws(PricingInputError) -> OptionValuation {
        let lt = jumps.intensity * o.timeToExpiry
        guard lt <= 500 else {
            throw PricingInputError(field: "jump_intensity * T", value: lt, requirement: "must be <= 500")
        }
        let g = jumps.meanLog + 0.5 * jumps.volatility * jumps.volatility
        let adjusted = lt * ElementaryFunctions.exp(g)
        guard adjusted <= 500 else {
            throw PricingInputError(
                field: "jump_intensity * e^(jump_mean_log + jump_vol^2/2) * T", value: adjusted,
                requirement: "must be <= 500 (the jump-adjusted Poisson weights underflow)")
        }
        // The series runs to where both Poisson tails are below 1e-14: well inside
        // mean + 10 sd + 40 terms for either count.
        let terms = max(lt, adjusted) + 10 * max(lt, adjusted).squareRoot() + 40
        let lastForward = ElementaryFunctions.log(o.spot)
            + (o.rate - o.carry - jumps.intensity * (ElementaryFunctions.exp(g) - 1)) * o.timeToExpiry + terms * max(g, 0)
        guard lastForward <= 700 else {
            throw PricingInputError(
                field: "ln F of the series' last term", value: lastForward,
                requirement: "must be <= 700: jumps of e^(jump_mean_log + jump_vol^2/2) = \(ElementaryFunctions.exp(g)) times the price are too large to sum in doubles")
        }
        return valuation(sign: o.kind.sign, spot: o.spot, strike: o.strike, rate: o.rate, carry: o.carry,
                         volatility: o.volatility, timeToExpiry: o.timeToExpiry,
                         intensity: jumps.intensity, meanLog: jumps.meanLog, jumpVolatility: jumps.volatility)
    }

    /// The unchecked kernel. Preconditions: those of `OptionBatch`, plus the ranges of
    /// `JumpParameters` and lambda T <= 500.
    @inlinable
    public static func valuation(
        sign: Double, spot: Double, strike: Double, rate: Double, carry: Double, volatility: Double,
        timeToExpiry t: Double, intensity: Double, meanLog: Double, jumpVolatility: Double
    ) -> OptionValuation {
        typealias F = ElementaryFunctions
        typealias V = SIMD4<Double>
        let lambdaT = intensity * t
        let g = meanLog + 0.5 * jumpVolatility * jumpVolatility
        let growth = F.exp(g)                 // 1 + k
        let k = growth - 1
        let lambdaPrimeT = lambdaT * growth   // mean of the jump-adjusted Poisson count N'
        let lnF0K = F.log(spot / strike) + (rate - carry - intensity * k) * t
        let f0 = spot * F.exp((rate - carry - intensity * k) * t)
        let diffusionVariance = volatility * volatility * t
        let jumpVariance = jumpVolatility * jumpVolatility
        let tSafe = t > 1e-300 ? t : 1e-300
        let isCall = sign > 0
        let signV = V(repeating: sign)

        // Poisson weights p_n and p'_n = p_n (1+k)^n e^(-lambda k T), advanced by recurrence.
        var p = F.exp(-lambdaT)
        var pPrime = F.exp(-lambdaPrimeT)
        var fN = f0
        var massLeft = 1.0, massLeftPrime = 1.0
        var n = 0
        var priceSum = V(), deltaSum = V(), densitySum = V(), thetaSum = V()
        let nLanes = V(0, 1, 2, 3)
        while n < maximumTerms {
            var pw = V(), fw = V()
            for l in 0..<4 {
                pw[l] = p; fw[l] = fN
                massLeft -= p; massLeftPrime -= pPrime
                let m = Double(n + l + 1)
                p *= lambdaT / m
                pPrime *= lambdaPrimeT / m
                fN *= growth
            }
            let nv = V(repeating: Double(n)) + nLanes
            let sd = V.maximum((V(repeating: diffusionVariance) + nv * jumpVariance).squareRoot(), V(repeating: 1e-150))
            let d1 = (V(repeating: lnF0K) + nv * g) / sd + 0.5 * sd
            let d2 = d1 - sd
            let n1 = F.normal(d1)
            let n2 = F.normal(d2)
            let nw1 = isCall ? n1.lower : n1.upper
            let nw2 = isCall ? n2.lower : n2.upper
            let black = V.maximum(signV * (fw * nw1 - V(repeating: strike) * nw2), V())
            priceSum += pw * black
            deltaSum += pw * signV * nw1 * fw
            densitySum += pw * fw * n1.pdf / sd
            thetaSum += pw * (nv / tSafe - V(repeating: intensity)) * black
            n += 4
            if massLeft <= tailMass && massLeftPrime <= tailMass { break }
        }
        let dr = F.exp(-rate * t)
        let price = dr * priceSum.sum()
        let fwdDelta = deltaSum.sum()          // sum p_n w N(w d1) F_n, before discounting
        let density = densitySum.sum()         // sum p_n F_n n(d1) / sd_n
        let dVdT = -rate * price
            + dr * (thetaSum.sum() + (rate - carry - intensity * k) * fwdDelta + 0.5 * volatility * volatility * density)
        let delta = dr * fwdDelta / spot
        return OptionValuation(
            price: price,
            delta: delta,
            gamma: dr * density / (spot * spot),
            vega: dr * volatility * t * density * 0.01,
            theta: -dVdT / OptionValuation.daysPerYear,
            rho: t * (spot * delta - price) * 0.01)
    }
}
