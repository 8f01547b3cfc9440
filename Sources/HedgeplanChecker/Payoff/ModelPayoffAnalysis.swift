import Foundation
import HedgeplanTime

/// The P&L at the first expiry when the payoff is not piecewise linear (legs that expire
/// at different times, liquidity positions): the market model values what is still open
/// over a spot range wide enough for the model's tails, on a dense grid that includes every
/// strike (with liquidity positions, down to a millionth of spot, where a pool is worth
/// next to nothing). The results are model-based and say so; the slope at infinity is
/// still exact (calls, spot, perps and futures keep their delta; puts and pools go to zero).
public enum ModelPayoffAnalysis {
    /// Standard deviations of log-spot (diffusion and jumps) the range covers each way.
    public static let tailWidth = 6.0
    public static let gridPoints = 2_001

    public static func analyze(_ legs: [ResolvedLeg], model: ValuationModel, horizonYears: Double) -> PayoffSummary {
        let width = tailWidth * (model.totalVariance * max(horizonYears, 1.0 / YearLength.daysValue)).squareRoot()
        var low = model.spot * exp(-width)
        var high = model.spot * exp(width)
        for leg in legs {
            if let k = leg.strike { low = min(low, k * 0.5); high = max(high, k * 1.5) }
            if case .liquidity(let p, _) = leg.terms {
                // A pool's value falls to nothing only as spot -> 0: reach down to a millionth of spot.
                low = min(low, model.spot * 1e-6)
                if p.lower > 0 { low = min(low, p.lower * 0.5) }
                if p.upper.isFinite { high = max(high, p.upper * 1.5) }
            }
        }
        var spots = (0..<gridPoints).map { i in low * pow(high / low, Double(i) / Double(gridPoints - 1)) }
        spots += legs.compactMap(\.strike).filter { $0 > low && $0 < high }
        spots.sort()
        let pnl: @Sendable (Double) -> Double = { s in legs.reduce(0) { $0 + $1.pnl(at: s, after: horizonYears, model: model) } }
        let values = spots.map(pnl)

        var slopeInf = 0.0
        var slopeZero = 0.0
        for leg in legs {
            switch leg.terms {
            case .option(let kind, _, _):
                if kind == .call { slopeInf += leg.quantity } else { slopeZero -= leg.quantity }
            case .linear, .future:
                slopeInf += leg.quantity
                slopeZero += leg.quantity
            case .liquidity(let p, _):
                slopeZero += p.delta(at: p.lower > 0 ? p.lower / 2 : 1e-9)
            }
        }
        let iMax = values.indices.max { values[$0] < values[$1] }!
        let iMin = values.indices.min { values[$0] < values[$1] }!
        let maxProfit = slopeInf > 0 ? nil
            : PayoffExtreme(amount: max(0, values[iMax]), regions: values[iMax] > 0 ? [SpotRegion(lower: spots[iMax], upper: spots[iMax])] : [], pnl: values[iMax])
        let maxLoss = slopeInf < 0 ? nil
            : PayoffExtreme(amount: max(0, -values[iMin]), regions: values[iMin] < 0 ? [SpotRegion(lower: spots[iMin], upper: spots[iMin])] : [], pnl: values[iMin])
        var breakevens: [Double] = []
        for i in 1..<values.count where (values[i - 1] < 0) != (values[i] < 0) {
            let t = values[i - 1] / (values[i - 1] - values[i])
            breakevens.append(spots[i - 1] + t * (spots[i] - spots[i - 1]))
        }
        let step = max(1, spots.count / 60)
        let profile = stride(from: 0, to: spots.count, by: step).map { (spot: spots[$0], pnl: values[$0]) }
        return PayoffSummary(
            method: .model(spotRange: low...high, points: spots.count), horizonYears: horizonYears,
            maxProfit: maxProfit, maxLoss: maxLoss, breakevens: breakevens,
            slopeAtInfinity: slopeInf, slopeAtZero: slopeZero, profile: profile, evaluate: pnl)
    }
}
