import Foundation

/// Max profit, max loss and breakevens over the whole half-line [0, inf) of a payoff with
/// liquidity positions, exactly: each piece a + b S + c sqrt(S) (c >= 0) is concave, so
/// its lowest value is at an end of its interval and its highest at an end or at its one
/// peak sqrt(S) = -c / (2 b). The last piece decides the tails: b < 0 loses without bound,
/// b > 0 (or b = 0 with c > 0, a full-range position's 2 L sqrt(S)) gains without bound.
/// No grid, so an understated `max_loss` on a wide or full-range position cannot pass.
public enum RootLinearPayoffAnalysis {
    /// Grid intervals in the profile, besides breakpoints, breakevens and peaks.
    static let gridPoints = 60

    public static func analyze(_ payoff: RootLinearPayoff, horizonYears: Double?) -> PayoffSummary {
        let xs = [0] + payoff.breakpoints
        let vs = [payoff.valueAtZero] + payoff.values
        let last = payoff.pieces[payoff.pieces.count - 1]
        let lastIsFlat = last.slope == 0 && last.root == 0
        let peaks = payoff.pieces.indices.compactMap { i -> (spot: Double, pnl: Double)? in
            guard let s = payoff.pieces[i].peak, s > xs[i], i + 1 >= xs.count || s < xs[i + 1] else { return nil }
            return (s, payoff.value(at: s))
        }
        let scale = max(1, (vs + peaks.map(\.pnl)).map(abs).max() ?? 1)
        let tolerance = 1e-9 * scale

        /// Breakpoints at `target`, merged across flat pieces (only there is the value constant between them).
        func regions(at target: Double, extraPoints: [Double]) -> [SpotRegion] {
            var result: [SpotRegion] = []
            for (i, v) in vs.enumerated() where abs(v - target) <= tolerance {
                let flatBefore = i > 0 && payoff.pieces[i - 1].slope == 0 && payoff.pieces[i - 1].root == 0
                if flatBefore, let previous = result.last, previous.upper == xs[i - 1] {
                    result[result.count - 1].upper = xs[i]
                } else {
                    result.append(SpotRegion(lower: xs[i], upper: xs[i]))
                }
            }
            if lastIsFlat, abs(vs[vs.count - 1] - target) <= tolerance, !result.isEmpty { result[result.count - 1].upper = nil }
            result += extraPoints.map { SpotRegion(lower: $0, upper: $0) }
            return result.sorted { $0.lower < $1.lower }
        }

        let lowest = vs.min()!
        let maxLoss = last.slope < 0 ? nil
            : PayoffExtreme(amount: max(0, -lowest), regions: lowest < 0 ? regions(at: lowest, extraPoints: []) : [], pnl: lowest)
        let highest = max(vs.max()!, peaks.map(\.pnl).max() ?? -.infinity)
        let profitUnbounded = last.slope > 0 || (last.slope == 0 && last.root > 0)
        let peakSpots = peaks.filter { abs($0.pnl - highest) <= tolerance }.map(\.spot)
        let maxProfit = profitUnbounded ? nil
            : PayoffExtreme(amount: max(0, highest), regions: highest > 0 ? regions(at: highest, extraPoints: peakSpots) : [], pnl: highest)

        var zeros: [Double] = []
        for i in vs.indices where i > 0 && abs(vs[i]) <= tolerance { zeros.append(xs[i]) }
        for (i, piece) in payoff.pieces.enumerated() {
            zeros += piece.zeros(after: xs[i], before: i + 1 < xs.count ? xs[i + 1] : .infinity)
        }
        var breakevens: [Double] = []
        for x in zeros.sorted() where breakevens.last.map({ abs($0 - x) > 1e-9 * max(1, x) }) ?? true { breakevens.append(x) }

        var profile = zip(xs, vs).map { (spot: $0, pnl: $1) } + peaks + breakevens.map { (spot: $0, pnl: 0.0) }
        // The curve bends between breakpoints: a log grid (7% steps, 8x either way of the
        // marks' middle) lets tables and plots that join the points show it.
        let marks = (payoff.breakpoints + breakevens + peaks.map(\.spot)).filter { $0 > 0 }
        let middle = marks.isEmpty ? 1 : exp(marks.map(log).reduce(0, +) / Double(marks.count))
        let grid = (0...Self.gridPoints).map { middle / 8 * pow(64, Double($0) / Double(Self.gridPoints)) }
        profile += grid.map { ($0, payoff.value(at: $0)) }
        profile.sort { $0.spot < $1.spot }
        return PayoffSummary(
            method: .exact, horizonYears: horizonYears, maxProfit: maxProfit, maxLoss: maxLoss, breakevens: breakevens,
            slopeAtInfinity: payoff.slopeAtInfinity, slopeAtZero: payoff.slopeAtZero, profile: profile,
            evaluate: { [payoff] s in payoff.value(at: s) })
    }
}
