/// Black-Scholes-Merton European options with a continuous rate r and carry yield q:
/// price, delta, gamma, vega, theta and rho computed together in one pass (the shared
/// d1, d2, N(d), n(d1) and discount factors are evaluated once).
///
/// With sd = sigma sqrt(T), d1 = (ln(S/K) + (r-q)T)/sd + sd/2, d2 = d1 - sd, w = +1 (call) or -1 (put):
///   price = w (S e^(-qT) N(w d1) - K e^(-rT) N(w d2))
/// Units of the greeks: see `OptionValuation`.
///
/// Limits: sd is floored at 1e-150, so that T = 0 or sigma = 0 give the discounted intrinsic
/// value, delta 0 or +-e^(-qT), and vega 0 away from the forward, without any NaN. At exactly
/// the forward with sd = 0, gamma and theta are (correctly) huge but finite.
public enum BlackScholes {
    /// Values a validated option.
    @inlinable
    public static func valuation(_ o: EuropeanOption) -> OptionValuation {
        OptionValuation(kernel(sign: o.kind.sign, spot: o.spot, strike: o.strike, rate: o.rate, carry: o.carry,
                               volatility: o.volatility, timeToExpiry: o.timeToExpiry))
    }

    /// The price alone (same cost as `valuation`, kept for readability at call sites).
    @inlinable
    public static func price(_ o: EuropeanOption) -> Double { valuation(o).price }

    /// The floor on sigma sqrt(T) that turns the T -> 0 and sigma -> 0 limits into finite arithmetic.
    public static let minimumStandardDeviation = 1e-150

    /// The branch-free kernel, for one lane type. `sign` is +1 for calls and -1 for puts.
    /// Preconditions (not checked): spot, strike > 0 and finite; volatility, T >= 0 and finite;
    /// rate and carry finite with |r T|, |q T| < 700.
    @inlinable @inline(__always)
    public static func kernel<V: Lanes>(
        sign: V, spot: V, strike: V, rate: V, carry: V, volatility: V, timeToExpiry: V
    ) -> (price: V, delta: V, gamma: V, vega: V, theta: V, rho: V) {
        typealias F = ElementaryFunctions
        let sqrtT = timeToExpiry.squareRoot()
        let sd = V.maximum(volatility * sqrtT, .splat(1e-150))
        let logMoneyness = F.log(spot / strike)
        let d1 = (logMoneyness + (rate - carry) * timeToExpiry) / sd + V.splat(0.5) * sd
        let d2 = d1 - sd
        let n1 = F.normal(d1)
        let n2 = F.normal(d2)
        let isCall = V.less(.splat(0), sign)
        let nw1 = V.select(isCall, n1.lower, n1.upper)   // N(w d1)
        let nw2 = V.select(isCall, n2.lower, n2.upper)   // N(w d2)
        let dq = F.exp(-(carry * timeToExpiry))
        let dr = F.exp(-(rate * timeToExpiry))
        let pdf = n1.pdf
        let sDq = spot * dq
        let kDr = strike * dr
        let spotLeg = sDq * nw1
        let strikeLeg = kDr * nw2
        let price = sign * (spotLeg - strikeLeg)
        let delta = sign * dq * nw1
        let sDqPdf = sDq * pdf
        let gamma = sDqPdf / (spot * spot * sd)
        let vega = sDqPdf * sqrtT * .splat(0.01)
        // -dV/dT per year: the diffusion decay, the discounting of the strike leg, the carry.
        let decay = sDqPdf * volatility * volatility / (V.splat(2) * sd)
        let thetaYear = -decay - sign * rate * strikeLeg + sign * carry * spotLeg
        let theta = thetaYear * .splat(1.0 / 365.0)  // per day of the 365-day year (YearLength); a literal in the hot kernel
        let rho = sign * timeToExpiry * strikeLeg * .splat(0.01)
        return (V.maximum(price, .splat(0)), delta, gamma, vega, theta, rho)
    }
}

extension BlackScholes {
    /// Price, delta and gamma only, with no carry: what a hedging loop needs on every tick
    /// (the value to mark the book, delta for the trigger, gamma for Whalley-Wilmott). The
    /// same formulas as `kernel` with q = 0, minus the carry discount and the other greeks.
    @inlinable @inline(__always)
    public static func spotKernel<V: Lanes>(
        sign: V, spot: V, strike: V, rate: V, volatility: V, timeToExpiry: V
    ) -> (price: V, delta: V, gamma: V) {
        spotKernel(
            sign: sign, spot: spot, logMoneyness: ElementaryFunctions.log(spot / strike),
            discountedStrike: strike * ElementaryFunctions.exp(-(rate * timeToExpiry)), rate: rate, volatility: volatility,
            timeToExpiry: timeToExpiry)
    }

    /// `spotKernel` for a caller that keeps the per-leg constants between calls: `logMoneyness`
    /// is ln(S/K) (ln S, one scalar per tick, minus ln K, kept per leg), `discountedStrike` is
    /// K e^(-rτ) (for legs of one rate and fixed expiry: K e^(-rE), kept per leg, times the
    /// scalar e^(r·now)). This saves a vector logarithm and a vector exponential per call: a
    /// hedging loop values the same legs at a new spot on every tick. The two distribution
    /// functions share one exponential.
    @inlinable @inline(__always)
    public static func spotKernel<V: Lanes>(
        sign: V, spot: V, logMoneyness: V, discountedStrike: V, rate: V, volatility: V, timeToExpiry: V
    ) -> (price: V, delta: V, gamma: V) {
        typealias F = ElementaryFunctions
        let (d1, sd) = standardisedMoneyness(logMoneyness: logMoneyness, rate: rate, volatility: volatility, timeToExpiry: timeToExpiry)
        let gaussian = F.expNegativeSquare(d1, scale: 0.5)
        let n1 = F.normal(d1, gaussian: gaussian)
        // d1^2 - d2^2 = 2 (ln(S/K) + r tau), so e^(-d2^2/2) = e^(-d1^2/2) S / (K e^(-r tau)):
        // one exponential for both distribution functions.
        let n2 = F.normal(d1 - sd, gaussian: gaussian * (spot / discountedStrike))
        let isCall = V.less(.splat(0), sign)
        let nw1 = V.select(isCall, n1.lower, n1.upper)
        let nw2 = V.select(isCall, n2.lower, n2.upper)
        let price = sign * (spot * nw1 - discountedStrike * nw2)
        return (V.maximum(price, .splat(0)), sign * nw1, n1.pdf / (spot * sd))
    }

    /// Delta and gamma alone, the same formulas as `spotKernel`: what a hedging trigger reads
    /// on a tick that marks nothing (Monte Carlo with no drawdown breaker). One normal
    /// distribution function instead of two, and no price.
    @inlinable @inline(__always)
    public static func spotDeltaKernel<V: Lanes>(
        sign: V, spot: V, logMoneyness: V, rate: V, volatility: V, timeToExpiry: V
    ) -> (delta: V, gamma: V) {
        let (d1, sd) = standardisedMoneyness(logMoneyness: logMoneyness, rate: rate, volatility: volatility, timeToExpiry: timeToExpiry)
        let n1 = ElementaryFunctions.normal(d1)
        return (sign * V.select(V.less(.splat(0), sign), n1.lower, n1.upper), n1.pdf / (spot * sd))
    }

    /// d1 = (ln(S/K) + rτ) / (σ√τ) + σ√τ / 2, and σ√τ (kept off zero, so that an expiring leg's
    /// d1 is ±huge and its delta the intrinsic 0 or ±1).
    @inlinable @inline(__always)
    static func standardisedMoneyness<V: Lanes>(logMoneyness: V, rate: V, volatility: V, timeToExpiry: V) -> (d1: V, sd: V) {
        let sd = V.maximum(volatility * timeToExpiry.squareRoot(), .splat(1e-150))
        return ((logMoneyness + rate * timeToExpiry) / sd + V.splat(0.5) * sd, sd)
    }
}
