/// The batch implied-volatility solver, four options per SIMD step.
///
/// The same safeguarded Halley iteration as the scalar `ImpliedVolatility.solve` (same start
/// s_c = sqrt(2|x|), same choice between iterating on ln b and on b, same bracket, same
/// convergence tests), written branch-free over `SIMD4<Double>`: a lane that has converged is
/// frozen by `select` while the others keep iterating, and the loop ends when all four are
/// done. Anything unusual goes to the scalar solver, one lane at a time, so that the typed
/// failures and the edge cases have exactly one implementation:
/// - lanes that fail a precondition check (invalid price, below intrinsic, above the bound,
///   zero time value, T = 0), detected with the same tests as the scalar code;
/// - lanes still unconverged after `simdIterations` steps (none in the benchmark workload);
///   the scalar solver starts again with its own budget of `maximumIterations`.
extension ImpliedVolatility {
    /// Steps of the SIMD iteration before a lane is handed to the scalar solver.
    @usableFromInline static let simdIterations = 12

    @inlinable @inline(__always)
    static func solveLanes(
        price: SIMD4<Double>, sign: SIMD4<Double>, spot: SIMD4<Double>, strike: SIMD4<Double>,
        rate: SIMD4<Double>, carry: SIMD4<Double>, timeToExpiry t: SIMD4<Double>
    ) -> (volatility: SIMD4<Double>, fallback: SIMDMask<SIMD4<Int64>>) {
        typealias F = ElementaryFunctions
        typealias V = SIMD4<Double>
        let zero = V(repeating: 0), one = V(repeating: 1)
        let dr = F.exp(-(rate * t))
        let dq = F.exp(-(carry * t))
        let fwd = spot * dq
        let kd = strike * dr
        let isCall = zero .< sign
        let intrinsic = V.maximum(sign * (fwd - kd), zero)
        let bound = fwd.replacing(with: kd, where: .!isCall)
        let timeValue = V.maximum(price - intrinsic, zero)
        let logRatio = F.log(fwd / kd)
        let x = -logRatio.magnitude
        let beta = timeValue / (fwd * kd).squareRoot()
        let ex = F.exp(V(repeating: 0.5) * x)
        // Lanes that the scalar code would not iterate on (NaN prices fail `price >= 0`).
        var fallback = .!(price .>= zero)
        fallback .|= price .< intrinsic * V(repeating: 1 - 1e-15)
        fallback .|= price .>= bound
        fallback .|= .!(timeValue .> zero)
        fallback .|= .!(t .> zero)
        fallback .|= .!(beta .< ex)
        // Benign values in those lanes, so that they do no slow or undefined arithmetic.
        let xs = x.replacing(with: -1, where: fallback)
        let betas = beta.replacing(with: 0.1, where: fallback)
        let exs = ex.replacing(with: F.exp(V(repeating: -0.5)), where: fallback)
        let x2 = xs * xs

        @inline(__always) func black(_ s: V) -> (b: V, db: V, d2b: V) {
            let d1 = xs / s + V(repeating: 0.5) * s
            let n1 = F.normal(d1)
            let n2 = F.normal(d1 - s)
            let b = V.maximum(exs * n1.lower - n2.lower / exs, zero)
            let db = exs * n1.pdf
            return (b, db, db * (x2 / (s * s * s) - V(repeating: 0.25) * s))
        }

        var s = V.maximum((V(repeating: -2) * xs).squareRoot(), V(repeating: 1e-8))
        var ev = black(s)
        let useLog = (xs .< zero) .& (betas .< ev.b)
        let logBeta = F.log(betas)
        let tolerance = betas.replacing(with: one, where: useLog) * V(repeating: 1e-15)
        var lo = zero, hi = V(repeating: .infinity)
        var done = fallback
        var result = zero
        for _ in 0..<simdIterations {
            let (b, db, d2b) = ev
            let positive = b .> zero
            let bp = V.maximum(b, V(repeating: .leastNormalMagnitude))
            let fpLog = db / bp
            let f = (F.log(bp) - logBeta).replacing(with: b - betas, where: .!useLog)
            let fp = fpLog.replacing(with: db, where: .!useLog)
            let fpp = (d2b / bp - fpLog * fpLog).replacing(with: d2b, where: .!useLog)
            // b underflowed on the log branch: s is below the root; bisect or double.
            let underflow = useLog .& .!positive
            let below = (f .< zero) .| underflow
            lo = lo.replacing(with: s, where: below .& .!done)
            hi = hi.replacing(with: s, where: .!below .& .!done)
            let residualDone = .!underflow .& (f.magnitude .<= tolerance)
            let newton = -f / fp
            var step = newton / (one + V(repeating: 0.5) * newton * fpp / fp)
            let stepOK = (step.magnitude .< V(repeating: .infinity)) .& (step * newton .> zero)
            step = newton.replacing(with: step, where: stepOK)
            var next = s + step
            let hiFinite = hi .< V(repeating: .infinity)
            let outside = .!((next .> lo) .& (next .< hi)) .| underflow
            let fallbackStep = (V(repeating: 2) * s).replacing(with: V(repeating: 0.5) * (lo + hi), where: hiFinite)
            next = next.replacing(with: fallbackStep, where: outside)
            let stepDone = .!underflow .& ((next - s).magnitude .<= V(repeating: 1e-13) * s)
            // Record the converged lanes: s on a small residual, next on a small step.
            let newlyResidual = residualDone .& .!done
            result = result.replacing(with: s, where: newlyResidual)
            done .|= residualDone
            let newlyStep = stepDone .& .!done
            result = result.replacing(with: next, where: newlyStep)
            done .|= stepDone
            if all(done) { return (result / t.squareRoot(), fallback) }
            s = s.replacing(with: next, where: .!done)
            ev = black(s)
        }
        return (result / t.squareRoot(), fallback .| .!done)
    }
}
