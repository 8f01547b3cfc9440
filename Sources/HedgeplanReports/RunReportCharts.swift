import HedgeplanCharts
import HedgeplanRuntime

/// The charts of a dry-run report, from the run's decimated series: price, net delta
/// before and after hedging, hedge position, cumulative P&L by component and costs.
///
/// Every chart shares the run's time span (x in ms since the epoch, UTC), so that the
/// panels line up when read top to bottom. Prices are in QUOTE per BASE, deltas and
/// positions in BASE, money in QUOTE.
public struct RunReportCharts: Sendable {
    public var result: RunResult
    /// Chart width in CSS pixels; the SVGs scale to the page (their `viewBox`).
    public var width: Double

    public init(_ result: RunResult, width: Double = 920) {
        self.result = result
        self.width = width
    }

    var base: String { result.base }
    var quote: String { result.quote }

    /// A line's points as (ms since epoch, value) arrays; empty when the run lacks it.
    func points(_ name: String) -> (x: [Double], y: [Double]) {
        guard let line = result.series.line(name) else { return ([], []) }
        return (line.times.map(Double.init), line.values)
    }

    /// The run's time span, ms since the epoch; nil for a run without ticks.
    var span: ClosedRange<Double>? {
        guard let first = result.firstTime, let last = result.lastTime else { return nil }
        let lo = Double(first), hi = Double(last)
        return lo < hi ? lo...hi : lo...(lo + 3_600_000)
    }

    func timeAxis() -> Axis {
        var axis = Axis.time("Time")
        axis.domain = span
        return axis
    }

    /// All charts, in page order.
    public func all() -> [Chart] {
        [price(), netDelta(), hedgePosition(), cumulativePnL(), costs()]
    }

    /// Spot over the run, with breaker events marked when there are few enough to read.
    public func price() -> Chart {
        let p = points("price")
        var marks: [ReferenceLine] = []
        if result.breakerEvents.count <= 8 {
            marks = result.breakerEvents.map {
                .vertical(at: Double($0.time), label: "\($0.condition) → \($0.action)", style: .breakeven)
            }
        }
        return Chart(
            title: "Price", subtitle: "\(base)/\(quote) spot from the feed",
            x: timeAxis(), y: Axis("Price", unit: "\(quote) per \(base)", nice: false),
            series: [Series("Spot", x: p.x, y: p.y, color: Color(hex: 0x1F2328), lineWidth: 1.25)],
            referenceLines: marks, showsLegend: false,
            size: Chart.Size(width: width, height: 280), idPrefix: "chart-price")
    }

    /// Net delta before the hedge trades and after, with each rebalance's pre-trade delta
    /// marked; the target is the zero line.
    public func netDelta() -> Chart {
        let before = points("net delta before hedge")
        let after = points("net delta after hedge")
        let rebalances = result.series.rebalances
        var series = [
            Series("Before hedging", x: before.x, y: before.y, color: Color(hex: 0xD55E00), lineWidth: 1),
            Series("After hedging", x: after.x, y: after.y, color: Color(hex: 0x0072B2), lineWidth: 1.5),
        ]
        if !rebalances.isEmpty {
            series.append(Series("Rebalance (delta before the trade)", kind: .scatter,
                                 x: rebalances.map { Double($0.time) }, y: rebalances.map(\.before),
                                 color: Color(hex: 0xD55E00), markerRadius: rebalances.count > 400 ? 1.5 : 2.5))
        }
        let count = "\(rebalances.count) rebalance\(rebalances.count == 1 ? "" : "s")"
        return Chart(
            title: "Net delta before and after hedging",
            subtitle: "\(count); the hedge aims the net delta at its target",
            x: timeAxis(), y: Axis("Net delta", unit: base, includesZero: true),
            series: series,
            size: Chart.Size(width: width, height: 300), idPrefix: "chart-delta")
    }

    /// The hedge instrument's position, held between trades.
    public func hedgePosition() -> Chart {
        let p = points("hedge position")
        let traded = result.hedges > 0
        return Chart(
            title: "Hedge position",
            subtitle: traded ? "\(base) held on the hedge venues (negative: short)" : "no hedge trades: the position stayed at 0",
            x: timeAxis(), y: Axis("Position", unit: base, includesZero: true),
            series: [Series("Hedge position", kind: .step, x: p.x, y: p.y, color: Color(hex: 0x009E73), lineWidth: 1.5)],
            showsLegend: false,
            size: Chart.Size(width: width, height: 260), idPrefix: "chart-hedge")
    }

    /// Cumulative P&L of each component and the total. Components that stay at zero
    /// (no underlying leg, say) are left out of the chart, not of the table.
    public func cumulativePnL() -> Chart {
        let components: [(String, String, Color)] = [
            ("option", "Options", Color(hex: 0xCC79A7)),
            ("underlying", "Underlying", Color(hex: 0xE69F00)),
            ("hedge", "Hedge", Color(hex: 0x009E73)),
            ("costs", "Costs", Color(hex: 0xD55E00)),
        ]
        var series: [Series] = []
        for (name, label, color) in components {
            let p = points(name)
            guard p.y.contains(where: { $0 != 0 }) else { continue }
            series.append(Series(label, kind: name == "costs" ? .step : .line, x: p.x, y: p.y, color: color, lineWidth: 1.25))
        }
        let total = points("total")
        series.append(Series("Total", x: total.x, y: total.y, color: Color(hex: 0x1F2328), lineWidth: 2))
        return Chart(
            title: "Cumulative P&L by component",
            subtitle: "marked to model at each tick; total = options + underlying + hedge + costs",
            x: timeAxis(), y: Axis("P&L", unit: quote, includesZero: true),
            series: series,
            size: Chart.Size(width: width, height: 320), idPrefix: "chart-pnl")
    }

    /// Cumulative costs: fees, slippage, gas and funding (negative: paid).
    public func costs() -> Chart {
        let p = points("costs")
        let pnl = result.pnl
        let parts = [("fees", pnl.fees), ("slippage", pnl.slippage), ("gas", pnl.gas), ("funding", pnl.funding)]
            .filter { $0.1 != 0 }
            .map { "\($0.0) \(HTMLText.money($0.1))" }
        return Chart(
            title: "Costs",
            subtitle: parts.isEmpty ? "no costs" : "cumulative, \(quote): " + parts.joined(separator: " · "),
            x: timeAxis(), y: Axis("Costs", unit: quote, includesZero: true),
            series: [Series("Costs", kind: .step, x: p.x, y: p.y, color: Color(hex: 0xD55E00), lineWidth: 1.5)],
            showsLegend: false,
            size: Chart.Size(width: width, height: 240), idPrefix: "chart-costs")
    }
}
