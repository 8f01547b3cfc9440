import Foundation

/// Flat parameters of a K-state Gaussian HMM while it is being fitted: row-major transition
/// matrix, per-observation means (of the centred returns) and variances.
struct HiddenMarkovParameters {
    var initial: [Double]
    var transition: [Double]
    var means: [Double]
    var variances: [Double]

    var stateCount: Int { initial.count }
}

/// One expectation-maximisation step of Baum-Welch over preallocated buffers.
///
/// The E step is the scaled forward-backward recursion (Rabiner 1989, section V.A): forward
/// probabilities are normalised at every step (the normalisers c_t multiply to the
/// likelihood), and each emission density is divided by the largest of the K at that step
/// (its log added back), so no observation underflows however far in the tails it lies. The
/// backward pass keeps only the current β row and accumulates the sufficient statistics
/// (Σγ, Σγx, Σγx², Σξ) as it goes, so memory is the emissions, the forward rows and the
/// normalisers (2K + 1 doubles per observation), and an iteration allocates nothing.
final class BaumWelchIteration {
    let count: Int
    let states: Int
    private let returns: UnsafeMutablePointer<Double>
    private let emission: UnsafeMutablePointer<Double>
    private let forward: UnsafeMutablePointer<Double>
    private let scale: UnsafeMutablePointer<Double>
    private let scratch: UnsafeMutablePointer<Double>
    let varianceFloor: Double

    init(returns values: [Double], states: Int, varianceFloor: Double) {
        count = values.count
        self.states = states
        self.varianceFloor = varianceFloor
        returns = .allocate(capacity: count)
        returns.initialize(from: values, count: count)
        emission = .allocate(capacity: count * states)
        forward = .allocate(capacity: count * states)
        scale = .allocate(capacity: count)
        // Per state: log normaliser, inverse variance, β (next), β (current), Σγ, Σγx, Σγx²; then Σξ (K²).
        scratch = .allocate(capacity: 7 * states + states * states)
    }

    deinit {
        returns.deallocate()
        emission.deallocate()
        forward.deallocate()
        scale.deallocate()
        scratch.deallocate()
    }

    // The scratch layout, K values each: log normalisers, inverse variances, two β rows,
    // Σγ, Σγx, Σγx²; then Σξ, K × K.
    private var betaNext: UnsafeMutablePointer<Double> { scratch + 2 * states }
    private var betaCurrent: UnsafeMutablePointer<Double> { scratch + 3 * states }
    private var statistics: (weight: UnsafeMutablePointer<Double>, weightedSum: UnsafeMutablePointer<Double>,
                             weightedSquares: UnsafeMutablePointer<Double>, transitions: UnsafeMutablePointer<Double>) {
        (scratch + 4 * states, scratch + 5 * states, scratch + 6 * states, scratch + 7 * states)
    }

    /// Log-likelihood of `parameters` (the full Gaussian density), by the forward recursion alone.
    func logLikelihood(_ parameters: HiddenMarkovParameters) -> Double {
        computeEmissions(parameters) + forwardPass(parameters)
    }

    /// Replaces `parameters` by the EM update and returns the log-likelihood of the
    /// parameters it started from (EM never decreases it, so the next call's value is at
    /// least this one, up to rounding). Returns −∞ and leaves the parameters alone when the
    /// likelihood is zero or not finite (a degenerate start).
    func step(_ parameters: inout HiddenMarkovParameters) -> Double {
        let logLikelihood = computeEmissions(parameters) + forwardPass(parameters)
        guard logLikelihood.isFinite else { return -.infinity }
        backwardPassAccumulating(parameters)
        maximise(&parameters)
        return logLikelihood
    }

    /// Fills `emission` with each state's density divided by the largest at that step and
    /// returns Σ_t log(largest density at t).
    private func computeEmissions(_ p: HiddenMarkovParameters) -> Double {
        let k = states
        let logNormaliser = scratch
        let inverseVariance = scratch + k
        for s in 0..<k {
            logNormaliser[s] = -0.5 * log(2 * Double.pi * p.variances[s])
            inverseVariance[s] = 1 / p.variances[s]
        }
        var shiftSum = 0.0
        p.means.withUnsafeBufferPointer { mean in
            for t in 0..<count {
                let x = returns[t]
                let row = emission + t * k
                var largest = -Double.infinity
                for s in 0..<k {
                    let d = x - mean[s]
                    let l = logNormaliser[s] - 0.5 * d * d * inverseVariance[s]
                    row[s] = l
                    if l > largest { largest = l }
                }
                for s in 0..<k { row[s] -= largest }
                shiftSum += largest
            }
        }
        // The exponentials, four at a time over the contiguous array (the library's own
        // branch-free exp, about 2 ulp; e^0 is exactly 1): the costliest part of a step.
        let total = count * k
        var i = 0
        while i + 4 <= total {
            let raw = UnsafeMutableRawPointer(emission + i)
            raw.storeBytes(of: ElementaryFunctions.exp(raw.loadUnaligned(as: SIMD4<Double>.self)), as: SIMD4<Double>.self)
            i += 4
        }
        while i < total {
            emission[i] = ElementaryFunctions.exp(emission[i])
            i += 1
        }
        return shiftSum
    }

    /// Normalised forward rows; returns Σ_t log c_t (−∞ if some c_t is zero).
    private func forwardPass(_ p: HiddenMarkovParameters) -> Double {
        let k = states
        var logScale = 0.0
        // Products of normalisers, taken to the log only when they leave [1e-150, 1e150]:
        // one log per many steps instead of one per step.
        var product = 1.0
        p.initial.withUnsafeBufferPointer { initial in
            p.transition.withUnsafeBufferPointer { a in
                var c = 0.0
                for s in 0..<k {
                    forward[s] = initial[s] * emission[s]
                    c += forward[s]
                }
                scale[0] = c
                if c > 0 { for s in 0..<k { forward[s] /= c } }
                product *= c
                for t in 1..<max(1, count) {
                    let previous = forward + (t - 1) * k
                    let row = forward + t * k
                    let b = emission + t * k
                    var c = 0.0
                    for j in 0..<k {
                        var sum = 0.0
                        for i in 0..<k { sum += previous[i] * a[i * k + j] }
                        let value = sum * b[j]
                        row[j] = value
                        c += value
                    }
                    scale[t] = c
                    guard c > 0 else { product = 0; break }
                    let inverse = 1 / c
                    for j in 0..<k { row[j] *= inverse }
                    product *= c
                    if product < 1e-150 || product > 1e150 {
                        logScale += log(product)
                        product = 1
                    }
                }
            }
        }
        return product > 0 ? logScale + log(product) : -.infinity
    }

    /// The backward recursion, fused with the accumulation of the expected sufficient
    /// statistics: γ_t(i) = α̂_t(i) β̂_t(i) and ξ_t(i, j) = α̂_t(i) a_ij b_{t+1}(j) β̂_{t+1}(j) / c_{t+1}.
    private func backwardPassAccumulating(_ p: HiddenMarkovParameters) {
        let k = states
        let (next, current) = (betaNext, betaCurrent)
        let (weight, weightedSum, weightedSquares, transitions) = statistics
        for s in 0..<k {
            next[s] = 1
            weight[s] = 0
            weightedSum[s] = 0
            weightedSquares[s] = 0
        }
        for s in 0..<(k * k) { transitions[s] = 0 }
        p.transition.withUnsafeBufferPointer { a in
            // t = T − 1: β̂ = 1.
            accumulate(at: count - 1, beta: next)
            var t = count - 2
            while t >= 0 {
                let alpha = forward + t * k
                let b = emission + (t + 1) * k
                let inverseScale = 1 / scale[t + 1]
                // w_j = b_{t+1}(j) β̂_{t+1}(j) / c_{t+1}; reuse `next` to hold it.
                for j in 0..<k { next[j] *= b[j] * inverseScale }
                for i in 0..<k {
                    let ai = alpha[i]
                    var sum = 0.0
                    for j in 0..<k {
                        let q = a[i * k + j] * next[j]
                        sum += q
                        transitions[i * k + j] += ai * q
                    }
                    current[i] = sum
                }
                accumulate(at: t, beta: current)
                for s in 0..<k { next[s] = current[s] }
                t -= 1
            }
        }

        func accumulate(at t: Int, beta: UnsafeMutablePointer<Double>) {
            let x = returns[t]
            let alpha = forward + t * k
            for s in 0..<k {
                let g = alpha[s] * beta[s]
                weight[s] += g
                weightedSum[s] += g * x
                weightedSquares[s] += g * x * x
            }
        }
    }

    /// The M step: γ at t = 0 for the initial distribution, normalised Σξ rows for the
    /// transitions, γ-weighted mean and variance per state (the variance floored so that
    /// no state collapses onto a few identical returns, where the likelihood is unbounded).
    private func maximise(_ p: inout HiddenMarkovParameters) {
        let k = states
        let (weight, weightedSum, weightedSquares, transitions) = statistics
        // γ_0 = α̂_0 β̂_0: the last β row the backward pass computed is β̂_0, left in `betaNext`.
        let beta0 = betaNext
        var total = 0.0
        for s in 0..<k { total += forward[s] * beta0[s] }
        for s in 0..<k { p.initial[s] = total > 0 ? forward[s] * beta0[s] / total : 1 / Double(k) }
        for i in 0..<k {
            var row = 0.0
            for j in 0..<k { row += transitions[i * k + j] }
            if row > 0 { for j in 0..<k { p.transition[i * k + j] = transitions[i * k + j] / row } }
        }
        for s in 0..<k where weight[s] > 1e-12 {
            let mean = weightedSum[s] / weight[s]
            p.means[s] = mean
            p.variances[s] = max(varianceFloor, weightedSquares[s] / weight[s] - mean * mean)
        }
    }
}
