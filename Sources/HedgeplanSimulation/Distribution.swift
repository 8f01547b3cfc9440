/// Summary statistics of a sample of P&L, QUOTE (losses negative), with the definitions a
/// reader can recompute with numpy:
/// - `mean`; `std` with n − 1 (`np.std(x, ddof=1)`); `stderr` = std / sqrt(n);
/// - quantiles by linear interpolation between order statistics (`np.quantile`'s default,
///   Hyndman and Fan's type 7);
/// - `VaR(a)` = −quantile(1 − a): a loss, positive when the quantile is a loss;
/// - `ES(a)` = −mean of the P&L at or below quantile(1 − a): the mean loss beyond VaR.
///
/// Standard errors of the tail figures, without assuming a distribution: for VaR, half the
/// distance between the order statistics at ranks n·p ± sqrt(n·p·(1 − p)) (the binomial
/// spread of the quantile's rank); for ES, the standard deviation of the tail losses over
/// the square root of their count.
public struct Distribution: Equatable, Sendable {
    public static let quantileLevels = [0.01, 0.05, 0.5, 0.95, 0.99]
    public static let tailLevels = [0.95, 0.99]

    public struct Tail: Equatable, Sendable {
        public var level: Double
        public var valueAtRisk: Double
        public var valueAtRiskStderr: Double
        public var expectedShortfall: Double
        public var expectedShortfallStderr: Double
        /// Paths at or beyond VaR, whose mean loss ES is. With fewer than two the standard
        /// error of ES is undefined (`expectedShortfallStderr` is then 0, and reports say
        /// n/a rather than a certainty of ± 0.00).
        public var paths: Int

        /// The standard error of ES where it is defined.
        public var definedShortfallStderr: Double? { paths >= 2 ? expectedShortfallStderr : nil }
    }

    public var count: Int
    public var mean: Double
    public var std: Double
    public var stderr: Double
    public var min: Double
    public var max: Double
    /// At `quantileLevels`.
    public var quantiles: [Double]
    /// At `tailLevels`.
    public var tails: [Tail]

    /// Statistics of `values` (summed in their given order, so the same values in the same
    /// order give the same bits).
    public init(_ values: [Double]) {
        count = values.count
        guard !values.isEmpty else {
            (mean, std, stderr, min, max) = (0, 0, 0, 0, 0)
            quantiles = Self.quantileLevels.map { _ in 0 }
            tails = Self.tailLevels.map { Tail(level: $0, valueAtRisk: 0, valueAtRiskStderr: 0, expectedShortfall: 0, expectedShortfallStderr: 0, paths: 0) }
            return
        }
        let n = Double(values.count)
        var sum = 0.0
        for v in values { sum += v }
        mean = sum / n
        var squares = 0.0
        for v in values { squares += (v - mean) * (v - mean) }
        std = values.count > 1 ? (squares / (n - 1)).squareRoot() : 0
        stderr = std / n.squareRoot()
        let sorted = values.sorted()
        min = sorted[0]
        max = sorted[sorted.count - 1]
        quantiles = Self.quantileLevels.map { Self.quantile(sorted, $0) }
        tails = Self.tailLevels.map { Self.tail(sorted, level: $0) }
    }

    /// Type 7: h = (n − 1)p, interpolate between x[floor h] and x[floor h + 1].
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let lower = Int(h.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
    }

    static func tail(_ sorted: [Double], level: Double) -> Tail {
        let p = 1 - level
        let cut = quantile(sorted, p)
        var losses: [Double] = []
        for v in sorted {
            guard v <= cut else { break }
            losses.append(-v)
        }
        let k = Double(losses.count)
        var sum = 0.0
        for l in losses { sum += l }
        let es = sum / k
        var squares = 0.0
        for l in losses { squares += (l - es) * (l - es) }
        let esStderr = losses.count > 1 ? (squares / (k - 1)).squareRoot() / k.squareRoot() : 0
        let n = Double(sorted.count)
        let spread = (n * p * (1 - p)).squareRoot()
        let rank = { (r: Double) in Swift.min(Swift.max(r, 0), n - 1) / (n - 1) }
        let low = quantile(sorted, sorted.count > 1 ? rank(n * p - spread) : 0)
        let high = quantile(sorted, sorted.count > 1 ? rank(n * p + spread) : 0)
        return Tail(level: level, valueAtRisk: -cut, valueAtRiskStderr: (high - low) / 2, expectedShortfall: es,
                    expectedShortfallStderr: esStderr, paths: losses.count)
    }
}
