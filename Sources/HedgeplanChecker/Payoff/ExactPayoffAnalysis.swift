/// Max profit, max loss, breakevens and unboundedness of a piecewise-linear payoff, exactly:
/// a linear function's extremes on an interval are at its ends, so evaluating at S = 0 and
/// at every kink, plus the slope beyond the last kink, decides everything. No grid.
public enum ExactPayoffAnalysis {
    public static func analyze(_ payoff: PiecewiseLinearPayoff, horizonYears: Double?) -> PayoffSummary {
        let xs = [0] + payoff.kinks
        let vs = [payoff.valueAtZero] + payoff.values
        let slopeInf = payoff.slopeAtInfinity
        let scale = max(1, vs.map(abs).max() ?? 1)
        let tolerance = 1e-9 * scale

        func regions(atValue target: Double, extendsToInfinity: Bool) -> [SpotRegion] {
            var result: [SpotRegion] = []
            for (i, v) in vs.enumerated() where abs(v - target) <= tolerance {
                if let last = result.last, let upper = last.upper, i > 0, upper == xs[i - 1] {
                    result[result.count - 1].upper = xs[i]
                } else {
                    result.append(SpotRegion(lower: xs[i], upper: xs[i]))
                }
            }
            if extendsToInfinity, abs(vs.last! - target) <= tolerance, !result.isEmpty {
                result[result.count - 1].upper = nil
            }
            return result
        }

        let highest = vs.max()!
        let lowest = vs.min()!
        let maxProfit = slopeInf > 0 ? nil
            : PayoffExtreme(amount: max(0, highest), regions: highest > 0 ? regions(atValue: highest, extendsToInfinity: slopeInf == 0) : [], pnl: highest)
        let maxLoss = slopeInf < 0 ? nil
            : PayoffExtreme(amount: max(0, -lowest), regions: lowest < 0 ? regions(atValue: lowest, extendsToInfinity: slopeInf == 0) : [], pnl: lowest)

        var breakevens: [Double] = []
        func add(_ x: Double) {
            if let last = breakevens.last, abs(last - x) <= 1e-9 * max(1, x) { return }
            breakevens.append(x)
        }
        // Zeros at kinks (S = 0 excepted), sign changes inside segments, and one on the final ray.
        for i in vs.indices {
            if i > 0, abs(vs[i]) <= tolerance { add(xs[i]) }
            if i + 1 < vs.count, abs(vs[i]) > tolerance, abs(vs[i + 1]) > tolerance, (vs[i] < 0) != (vs[i + 1] < 0) {
                add(xs[i] - vs[i] * (xs[i + 1] - xs[i]) / (vs[i + 1] - vs[i]))
            }
        }
        if let last = vs.last, abs(last) > tolerance, slopeInf != 0, (last < 0) != (slopeInf < 0) {
            add(xs[xs.count - 1] - last / slopeInf)
        }

        var profile = zip(xs, vs).map { (spot: $0, pnl: $1) }
        profile += breakevens.map { (spot: $0, pnl: 0.0) }
        // One point past the last kink and breakeven shows where the final ray goes.
        let far = max(xs.last ?? 0, breakevens.last ?? 0) * 1.25
        if far > 0 { profile.append((spot: far, pnl: payoff.value(at: far))) }
        profile.sort { $0.spot < $1.spot }
        return PayoffSummary(
            method: .exact, horizonYears: horizonYears, maxProfit: maxProfit, maxLoss: maxLoss, breakevens: breakevens,
            slopeAtInfinity: slopeInf, slopeAtZero: payoff.slopeAtZero, profile: profile,
            evaluate: { [payoff] s in payoff.value(at: s) })
    }
}
