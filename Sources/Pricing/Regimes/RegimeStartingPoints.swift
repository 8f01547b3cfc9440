import Foundation

/// Deterministic starting points for Baum-Welch. EM only finds a local maximum, so the fit
/// runs from several starts and keeps the best.
///
/// Start 0 comes from the data: each return is labelled by the quantile of its local
/// variance (the mean squared centred return over a trailing day of 24 observations), K
/// equal-count groups; each state starts at its group's mean and variance, and the
/// transition matrix at the label sequence's transition frequencies (plus one in each
/// cell so no probability starts at zero). The others perturb it with a fixed-seed
/// generator: variances scaled by a factor in [e^−0.7, e^0.7], means moved by up to
/// ±0.1 standard deviation, the probability of staying drawn in [0.5, 0.99] with the rest
/// spread evenly; the initial distribution is uniform.
enum RegimeStartingPoints {
    static func make(centredReturns x: [Double], states k: Int, count: Int, seed: UInt64, varianceFloor: Double) -> [HiddenMarkovParameters] {
        let base = quantileStart(x, states: k, varianceFloor: varianceFloor)
        var generator = SplitMix64Stream(seed: seed)
        var starts = [base]
        let sd = sqrt(x.reduce(0) { $0 + $1 * $1 } / Double(max(1, x.count)))
        while starts.count < count {
            var p = base
            for s in 0..<k {
                p.variances[s] = max(varianceFloor, base.variances[s] * exp(1.4 * generator.unit() - 0.7))
                p.means[s] = base.means[s] + 0.2 * sd * (generator.unit() - 0.5)
                let stay = 0.5 + 0.49 * generator.unit()
                for j in 0..<k { p.transition[s * k + j] = s == j ? stay : (1 - stay) / Double(k - 1) }
            }
            starts.append(p)
        }
        return starts
    }

    private static func quantileStart(_ x: [Double], states k: Int, varianceFloor: Double) -> HiddenMarkovParameters {
        let n = x.count
        let window = min(24, n)
        var local = [Double](repeating: 0, count: n)
        var running = 0.0
        for t in 0..<n {
            running += x[t] * x[t]
            if t >= window { running -= x[t - window] * x[t - window] }
            local[t] = running / Double(min(t + 1, window))
        }
        let sorted = local.sorted()
        let cuts = (1..<k).map { sorted[min(n - 1, $0 * n / k)] }
        let labels = local.map { v in cuts.reduce(0) { $0 + (v >= $1 ? 1 : 0) } }
        var weight = [Double](repeating: 0, count: k)
        var sum = [Double](repeating: 0, count: k)
        var squares = [Double](repeating: 0, count: k)
        var transitions = [Double](repeating: 1, count: k * k)
        for t in 0..<n {
            let s = labels[t]
            weight[s] += 1
            sum[s] += x[t]
            squares[s] += x[t] * x[t]
            if t > 0 { transitions[labels[t - 1] * k + s] += 1 }
        }
        var means = [Double](repeating: 0, count: k)
        var variances = [Double](repeating: varianceFloor, count: k)
        let overall = x.reduce(0) { $0 + $1 * $1 } / Double(max(1, n))
        for s in 0..<k {
            if weight[s] > 1 {
                means[s] = sum[s] / weight[s]
                variances[s] = max(varianceFloor, squares[s] / weight[s] - means[s] * means[s])
            } else {
                variances[s] = max(varianceFloor, overall * Double(s + 1) / Double(k))
            }
        }
        for i in 0..<k {
            let row = (0..<k).reduce(0) { $0 + transitions[i * k + $1] }
            for j in 0..<k { transitions[i * k + j] /= row }
        }
        return HiddenMarkovParameters(
            initial: [Double](repeating: 1 / Double(k), count: k), transition: transitions, means: means, variances: variances)
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014) as uniform doubles in [0, 1): the starts'
/// perturbations, reproducible from the seed. (Pricing depends on nothing, so it cannot
/// share the Feeds library's generator.)
struct SplitMix64Stream {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) * 0x1.0p-53
    }
}
