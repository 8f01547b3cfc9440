/// Why no Black-Scholes volatility reproduces a price.
public enum ImpliedVolatilityError: Error, Sendable, Hashable {
    /// The price is below the discounted intrinsic value max(w (S e^(-qT) - K e^(-rT)), 0).
    case belowIntrinsic(intrinsic: Double)
    /// The price reaches the model's supremum (S e^(-qT) for a call, K e^(-rT) for a put).
    case aboveUpperBound(bound: Double)
    /// The price is not a finite number >= 0, or T = 0 with a time value left.
    case invalidPrice
    /// The iteration budget ran out (not observed in tests; kept so the solver never loops).
    case notConverged(lastEstimate: Double)
}

/// Black-Scholes implied volatility: a safeguarded Halley iteration on the normalised Black
/// price b(x, s) = e^(x/2) N(x/s + s/2) - e^(-x/2) N(x/s - s/2) of the out-of-the-money
/// option (x = -|ln(F/K)| <= 0, s = sigma sqrt T), in the spirit of Jaeckel's "Let's be rational":
/// - b is convex in s below s_c = sqrt(2|x|) and concave above. Below b(x, s_c) the solver
///   iterates on ln b (nearly linear where prices are exponentially small); above, on b itself.
///   Either way it starts at s_c, so Newton-type steps approach the root monotonically.
/// - Every step is kept inside a bracket [lo, hi] updated from the sign of the residual; a
///   step that leaves it is replaced by bisection (or doubling while hi is unknown).
/// - At most `maximumIterations` steps: it never loops forever. Converged when the step is
///   below 1e-13 s (relative) or the residual is below 1e-15 relative.
public enum ImpliedVolatility {
    public static let maximumIterations = 64

    /// The volatility sigma (per sqrt year) at which `BlackScholes` gives `price` for `option`
    /// (its own volatility is ignored).
    public static func solve(price: Double, option o: EuropeanOption) -> Result<Double, ImpliedVolatilityError> {
        solve(price: price, sign: o.kind.sign, spot: o.spot, strike: o.strike, rate: o.rate,
              carry: o.carry, timeToExpiry: o.timeToExpiry)
    }

    /// The unchecked core, used by the batch. Preconditions: those of `OptionBatch`.
    @inlinable
    public static func solve(price: Double, sign: Double, spot: Double, strike: Double, rate: Double,
                             carry: Double, timeToExpiry t: Double) -> Result<Double, ImpliedVolatilityError> {
        typealias F = ElementaryFunctions
        guard price.isFinite, price >= 0 else { return .failure(.invalidPrice) }
        let dr = F.exp(-rate * t)
        let dq = F.exp(-carry * t)
        let fwd = spot * dq                          // discounted forward S e^(-qT)
        let kd = strike * dr                         // discounted strike K e^(-rT)
        let intrinsic = max(sign * (fwd - kd), 0)
        let bound = sign > 0 ? fwd : kd
        if price < intrinsic * (1 - 1e-15) { return .failure(.belowIntrinsic(intrinsic: intrinsic)) }
        if price >= bound { return .failure(.aboveUpperBound(bound: bound)) }
        let timeValue = max(price - intrinsic, 0)    // the OTM option's price, by parity
        if timeValue == 0 { return .success(0) }
        guard t > 0 else { return .failure(.invalidPrice) }
        let x = -(F.log(fwd / kd)).magnitude         // <= 0
        let beta = timeValue / (fwd * kd).squareRoot()
        let ex = F.exp(0.5 * x)
        if beta >= ex { return .failure(.aboveUpperBound(bound: bound)) }

        @inline(__always) func black(_ s: Double) -> (b: Double, db: Double, d2b: Double) {
            let d1 = x / s + 0.5 * s
            let n1 = F.normal(d1)
            let n2 = F.normalCDFPair(d1 - s)
            let b = max(ex * n1.lower - n2.lower / ex, 0)
            let db = ex * n1.pdf
            return (b, db, db * (x * x / (s * s * s) - 0.25 * s))
        }
        let sc = (-2 * x).squareRoot()
        var s = max(sc, 1e-8)
        let useLog = x < 0 && beta < black(s).b
        let logBeta = F.log(beta)
        var lo = 0.0, hi = Double.infinity
        for _ in 0..<maximumIterations {
            let (b, db, d2b) = black(s)
            let f: Double, fp: Double, fpp: Double
            if useLog {
                guard b > 0 else { lo = s; s = hi.isFinite ? 0.5 * (s + hi) : 2 * s; continue }
                f = F.log(b) - logBeta
                fp = db / b
                fpp = d2b / b - fp * fp
            } else {
                f = b - beta; fp = db; fpp = d2b
            }
            if f < 0 { lo = s } else { hi = s }
            if f.magnitude <= 1e-15 * (useLog ? 1 : beta) { break }
            let newton = -f / fp
            var step = newton / (1 + 0.5 * newton * fpp / fp)
            if !step.isFinite || (step * newton) <= 0 { step = newton }
            var next = s + step
            if !(next > lo && next < hi) {
                next = hi.isFinite ? 0.5 * (lo + hi) : 2 * s
            }
            let done = (next - s).magnitude <= 1e-13 * s
            s = next
            if done { return .success(s / t.squareRoot()) }
        }
        return .success(s / t.squareRoot())
    }
}

/// Struct-of-arrays results of `ImpliedVolatility.solve(_:prices:into:)`: `volatility[i]` is
/// NaN exactly when `failure[i]` is non-nil.
public struct ImpliedVolatilityBatch: Sendable {
    public var volatility: [Double]
    public var failure: [ImpliedVolatilityError?]

    public init(count: Int) {
        volatility = Array(repeating: 0, count: count)
        failure = Array(repeating: nil, count: count)
    }
}

extension ImpliedVolatility {
    /// Solves every option of `options` (their volatility field is ignored) for `prices`,
    /// into preallocated `output` (resized if needed). No allocation per option. Four options
    /// per SIMD step (`solveLanes`), with the same iteration and results as the scalar `solve`.
    /// Preconditions: those of `OptionBatch`; `prices.count == options.count`.
    public static func solve(_ options: OptionBatch, prices: [Double], into output: inout ImpliedVolatilityBatch) {
        precondition(options.isConsistent && prices.count == options.count, "array lengths differ")
        let n = options.count
        if output.volatility.count != n { output = ImpliedVolatilityBatch(count: n) }
        options.withBuffers { o in
        prices.withUnsafeBufferPointer { price in
        output.volatility.withUnsafeMutableBufferPointer { vol in
        output.failure.withUnsafeMutableBufferPointer { failure in
            @inline(__always) func scalar(_ i: Int) {
                switch solve(price: price[i], sign: o.kinds[i].sign, spot: o.spot[i], strike: o.strike[i],
                             rate: o.rate[i], carry: o.carry[i], timeToExpiry: o.timeToExpiry[i]) {
                case .success(let v): vol[i] = v; failure[i] = nil
                case .failure(let e): vol[i] = .nan; failure[i] = e
                }
            }
            // Four options per SIMD step; lanes flagged for fallback (failures, edge cases,
            // the rare unconverged lane) are solved again by the scalar code.
            var i = 0
            while i + 4 <= n {
                let r = solveLanes(
                    price: LaneIO.load(price, i, n, pad: 1), sign: LaneIO.loadSign(o.kinds, i, n),
                    spot: LaneIO.load(o.spot, i, n, pad: 1), strike: LaneIO.load(o.strike, i, n, pad: 1),
                    rate: LaneIO.load(o.rate, i, n, pad: 0), carry: LaneIO.load(o.carry, i, n, pad: 0),
                    timeToExpiry: LaneIO.load(o.timeToExpiry, i, n, pad: 1))
                LaneIO.store(r.volatility, vol, i, n)
                for l in 0..<4 { failure[i + l] = nil }
                if any(r.fallback) {
                    for l in 0..<4 where r.fallback[l] { scalar(i + l) }
                }
                i += 4
            }
            while i < n { scalar(i); i += 1 }
        }}}}
    }
}
