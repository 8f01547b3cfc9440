import Foundation
import HedgeplanCharts
import HedgeplanChecker
import HedgeplanFormatting
import HedgeplanIR
import HedgeplanTime
import Pricing

/// `hedgeplan analyze --plot FILE.svg`: the strategy's P&L at expiry against spot, with
/// today's model value of the position, strikes, breakevens, the current spot and the
/// extremes marked.
///
/// For legs that expire together the expiry line is exact: the payoff is piecewise linear,
/// so it is drawn through every kink (strikes and breakevens) and straight beyond the outer
/// ones. Calendars and liquidity positions are valued with the market model at the first
/// expiry, on a dense grid, and the subtitle says so. Spot is in QUOTE per BASE, P&L in QUOTE.
public struct PayoffPlot: Sendable {
    public var analysis: StrategyAnalysis
    /// The chart's size in CSS pixels (the SVG scales to its container).
    public var size: Chart.Size

    public init(_ analysis: StrategyAnalysis, size: Chart.Size = Chart.Size(width: 880, height: 520)) {
        self.analysis = analysis
        self.size = size
    }

    var strategy: Strategy { analysis.strategy }
    var quote: String { strategy.underlying.value.quote }
    var base: String { strategy.underlying.value.base }
    var payoff: PayoffSummary { analysis.payoff }

    /// Points of the model-valued curves (today, and at expiry for model-based payoffs).
    static let gridPoints = 241

    /// The complete SVG document.
    public func render() -> String { chart().render() }

    /// The chart `render()` draws.
    public func chart() -> Chart {
        let range = spotRange()
        let expiry = expiryCurve(range)
        let today = todayCurve(range)
        // Liquidity and linear legs have no time value: today's curve is the expiry curve,
        // and a dashed line exactly on top of a solid one reads as a rendering fault.
        let sameCurve = Self.coincide(today, with: payoff.evaluate)
        let expiryName = payoff.isModelBased ? "P&L at first expiry (model)" : "P&L at expiry"
        var series = [
            Series(sameCurve ? expiryName + ", the same today" : expiryName, kind: .area,
                   x: expiry.map(\.0), y: expiry.map(\.1), color: Color(hex: 0x1F2328), lineWidth: 2),
        ]
        if !sameCurve {
            series.append(Series("Today (\(analysis.model.modelName) model, \(percent(analysis.model.volatility)) vol)",
                                 x: today.map(\.0), y: today.map(\.1), color: Color(hex: 0x0072B2), dashed: true))
        }
        var xAxis = Axis.linear("Spot", unit: "\(quote) per \(base)")
        xAxis.domain = range
        var yAxis = Axis.linear("P&L", unit: quote)
        yAxis.domain = valueDomain(series)
        return Chart(
            title: "\(strategy.name.value) · payoff",
            subtitle: subtitle(),
            x: xAxis,
            y: yAxis,
            series: series,
            referenceLines: referenceLines(range),
            annotations: annotations(range, expiry: expiry),
            size: size,
            idPrefix: "payoff")
    }

    /// Whether `curve` is `f` to within a hundredth of a cent at every point.
    static func coincide(_ curve: [(Double, Double)], with f: (Double) -> Double) -> Bool {
        curve.allSatisfy { abs($0.1 - f($0.0)) <= 1e-4 }
    }

    /// The P&L axis: both curves and zero, with room above the highest point for the
    /// max profit label and a little below the lowest, widened to whole tick steps.
    func valueDomain(_ series: [Series]) -> ClosedRange<Double> {
        let values = series.flatMap(\.y).filter(\.isFinite) + [0]
        let lo = values.min()!, hi = values.max()!
        let span = hi > lo ? hi - lo : max(1, abs(hi))
        let nice = NiceScale(min: lo - 0.05 * span, max: hi + 0.1 * span, targetTicks: 8, loose: true)
        return nice.lower...nice.upper
    }

    // MARK: - Range

    /// The spot range drawn, QUOTE per BASE: every strike, breakeven, range bound and the
    /// spot, a two-standard-deviation move over the horizon either way, and a margin
    /// beyond the outer marks so that the wings show their slope.
    func spotRange() -> ClosedRange<Double> {
        let model = analysis.model
        let spot = model.spot
        let years = payoff.horizonYears ?? StrategyAnalysis.defaultHorizon.years
        let sd = (model.totalVariance * max(years, 1.0 / YearLength.daysValue)).squareRoot()
        var marks = [spot, spot * exp(-2 * sd), spot * exp(2 * sd)] + strikes() + rangeBounds()
        // Breakevens far out in a model's tail would squash the interesting part.
        marks += payoff.breakevens.filter { $0 > spot * exp(-4 * sd) && $0 < spot * exp(4 * sd) }
        let lo = marks.min()!, hi = marks.max()!
        let pad = max((hi - lo) * 0.12, spot * 0.02)
        return max(0, lo - pad)...(hi + pad)
    }

    /// Distinct strikes, ascending, QUOTE per BASE.
    func strikes() -> [Double] {
        Array(Set(analysis.legs.compactMap(\.strike))).sorted()
    }

    /// Finite, positive bounds of liquidity ranges, ascending.
    func rangeBounds() -> [Double] {
        var bounds: Set<Double> = []
        for leg in analysis.legs {
            guard case .liquidity(let p, _) = leg.terms else { continue }
            if p.lower > 0 && p.lower.isFinite { bounds.insert(p.lower) }
            if p.upper.isFinite { bounds.insert(p.upper) }
        }
        return bounds.sorted()
    }

    // MARK: - Curves

    /// (spot, P&L) at expiry: for exact payoffs, the range's ends and every kink and
    /// breakeven inside (exact, since the payoff is linear between them); otherwise a grid.
    func expiryCurve(_ range: ClosedRange<Double>) -> [(Double, Double)] {
        var spots: [Double]
        if payoff.isModelBased {
            spots = grid(range) + strikes() + rangeBounds()
        } else {
            spots = [range.lowerBound, range.upperBound] + payoff.profile.map(\.spot) + payoff.breakevens + strikes()
        }
        spots = Array(Set(spots.filter { range.contains($0) })).sorted()
        return spots.map { ($0, payoff.evaluate($0)) }
    }

    /// (spot, P&L) if spot moved there now: Σ leg P&L under the model with no time elapsed.
    func todayCurve(_ range: ClosedRange<Double>) -> [(Double, Double)] {
        let spots = Array(Set((grid(range) + strikes()).filter { range.contains($0) })).sorted()
        let model = analysis.model
        return spots.map { s in (s, analysis.legs.reduce(0) { $0 + $1.pnl(at: s, after: 0, model: model) }) }
    }

    func grid(_ range: ClosedRange<Double>) -> [Double] {
        let n = Self.gridPoints - 1
        return (0...n).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(n) }
    }

    // MARK: - Marks

    func referenceLines(_ range: ClosedRange<Double>) -> [ReferenceLine] {
        var lines: [ReferenceLine] = strikes().map { .vertical(at: $0, label: "K " + label($0), style: .strike) }
        lines += rangeBounds().map { .vertical(at: $0, label: "LP " + label($0), style: .strike) }
        lines += payoff.breakevens.filter { range.contains($0) }
            .map { .vertical(at: $0, label: "BE " + label($0), style: .breakeven) }
        lines.append(.vertical(at: analysis.model.spot, label: "spot " + label(analysis.model.spot), style: .plain))
        return lines
    }

    /// Max profit and max loss at the middle of where they are reached (clamped to the
    /// range), or "unbounded" at the edge where the P&L keeps going.
    func annotations(_ range: ClosedRange<Double>, expiry: [(Double, Double)]) -> [Annotation] {
        guard let last = expiry.last else { return [] }
        func note(_ extreme: PayoffExtreme, _ word: String, amount: Double, below: Bool) -> Annotation? {
            guard extreme.amount > 0, let region = extreme.regions.first else { return nil }
            let upper = min(region.upper ?? range.upperBound, range.upperBound)
            let lower = max(region.lower, range.lowerBound)
            // A model's extreme outside the drawn range is the edge of its grid, not a
            // place worth pointing at.
            guard lower <= upper else { return nil }
            let x = (lower + upper) / 2
            return Annotation(x: x, y: payoff.evaluate(x), text: "\(word) " + money(amount), below: below)
        }
        var notes: [Annotation] = []
        if let maxProfit = payoff.maxProfit {
            if let n = note(maxProfit, "max profit", amount: maxProfit.amount, below: false) { notes.append(n) }
        } else {
            notes.append(Annotation(x: last.0, y: last.1, text: "profit unbounded", showsMarker: false))
        }
        if let maxLoss = payoff.maxLoss {
            if let n = note(maxLoss, "max loss", amount: -maxLoss.amount, below: true) { notes.append(n) }
        } else {
            notes.append(Annotation(x: last.0, y: last.1, text: "loss unbounded", showsMarker: false, below: true))
        }
        return notes
    }

    // MARK: - Text

    func subtitle() -> String {
        var parts: [String] = [strategy.underlying.value.description]
        if payoff.isModelBased {
            let days = Money.grouped((payoff.horizonYears ?? 0) * YearLength.daysValue, decimals: 1)
            parts.append("model-based: valued with the \(analysis.model.modelName) model at the first expiry (\(days) days)")
        } else if let years = payoff.horizonYears {
            parts.append("exact payoff at expiry (\(Money.grouped(years * YearLength.daysValue, decimals: 1)) days)")
        } else {
            parts.append("exact (no expiry)")
        }
        let word = analysis.netPremium >= 0 ? "received" : "paid"
        if analysis.legs.contains(where: { $0.strike != nil }) {
            parts.append("net premium \(word) \(money(abs(analysis.netPremium))) \(quote)")
        }
        return parts.joined(separator: " · ")
    }

    /// A spot for a mark: `2,600`, `2,637.96` (at most 2 decimals), typographic minus.
    func label(_ spot: Double) -> String { Money.plain(spot) }

    /// QUOTE with thousands separators and no decimals from 1,000 up, typographic minus.
    func money(_ amount: Double) -> String {
        Money.typographic(Money.grouped(amount, decimals: abs(amount) >= 1000 ? 0 : 2))
    }

    func percent(_ fraction: Double) -> String {
        NumberFormat.percent(fraction, decimals: 1, trimZeros: true)
    }
}
