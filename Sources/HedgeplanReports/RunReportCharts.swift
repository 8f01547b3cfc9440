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

    /// A line's points as (ms since epoch, value) arrays, within `window` when given (plus
    /// the first point past it, so that the line reaches the edge); empty when the run
    /// lacks the line.
    func points(_ name: String, in window: ClosedRange<Double>? = nil) -> (x: [Double], y: [Double]) {
        guard let line = result.series.line(name) else { return ([], []) }
        var end = line.times.count
        if let window {
            let limit = Int64(window.upperBound.rounded(.up))
            if let past = line.times.firstIndex(where: { $0 > limit }) { end = min(line.times.count, past + 1) }
        }
        return (line.times[..<end].map(Double.init), Array(line.values[..<end]))
    }

    /// The run's time span, ms since the epoch; nil for a run without ticks.
    var span: ClosedRange<Double>? {
        guard let first = result.firstTime, let last = result.lastTime else { return nil }
        let lo = Double(first), hi = Double(last)
        return lo < hi ? lo...hi : lo...(lo + 3_600_000)
    }

    /// When the book went quiet, ms since the epoch: after this time no series but the
    /// price changes (the options settled and the hedge is flat, say). Nil when something
    /// moves until the end, or nothing ever does.
    var quietFrom: Double? {
        var latest: Int64?
        for line in result.series.lines where line.name != "price" {
            guard let final = line.values.last else { continue }
            guard let i = line.values.lastIndex(where: { $0 != final }) else { continue }
            let t = line.times[min(i + 1, line.times.count - 1)]
            latest = max(latest ?? t, t)
        }
        guard let latest, let span, Double(latest) < span.upperBound else { return nil }
        return Double(latest)
    }

    /// The span the book charts show: the whole run, or, when the book went quiet before
    /// the run's last 40%, up to a little after that (the flat remainder says nothing and
    /// would squash the part that does).
    var activeWindow: ClosedRange<Double>? {
        guard let span else { return nil }
        guard let quiet = quietFrom, quiet - span.lowerBound < 0.6 * (span.upperBound - span.lowerBound) else { return span }
        let pad = max(0.08 * (quiet - span.lowerBound), 3_600_000)
        return span.lowerBound...min(span.upperBound, quiet + pad)
    }

    /// Whether the book charts show less than the whole run.
    var isZoomed: Bool { activeWindow != nil && activeWindow != span }

    /// A subtitle's note about the window, when zoomed.
    var windowNote: String {
        guard isZoomed, let quiet = quietFrom else { return "" }
        return " · zoomed in: only the price moves after \(HTMLText.time(Int64(quiet)))"
    }

    func timeAxis(_ window: ClosedRange<Double>? = nil) -> Axis {
        var axis = Axis.time("Time")
        axis.domain = window ?? span
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
        if isZoomed, let quiet = quietFrom {
            marks.append(.vertical(at: quiet, label: "book flat from here", style: .strike))
        }
        return Chart(
            title: "Price", subtitle: "\(base)/\(quote) spot from the feed",
            x: timeAxis(), y: priceAxis(p.y),
            series: [Series("Spot", x: p.x, y: p.y, color: Color(hex: 0x1F2328), lineWidth: 1.25)],
            referenceLines: marks, showsLegend: false,
            size: Chart.Size(width: width, height: 280), idPrefix: "chart-price")
    }

    /// Price in QUOTE per BASE over whole tick steps around the data, not from zero.
    func priceAxis(_ prices: [Double]) -> Axis {
        var axis = Axis("Price", unit: "\(quote) per \(base)")
        let finite = prices.filter(\.isFinite)
        if let lo = finite.min(), let hi = finite.max() {
            let nice = NiceScale(min: lo, max: hi, targetTicks: 6, loose: true)
            axis.domain = nice.lower...nice.upper
        }
        return axis
    }

    /// Net delta before the hedge trades and after, with each rebalance's pre-trade delta
    /// marked; the target is the zero line.
    public func netDelta() -> Chart {
        let window = activeWindow
        let before = points("net delta before hedge", in: window)
        let after = points("net delta after hedge", in: window)
        let rebalances = result.series.rebalances.filter { r in window.map { $0.contains(Double(r.time)) } ?? true }
        var series = [
            Series("Before hedging", kind: .step, x: before.x, y: before.y, color: Color(hex: 0xD55E00), lineWidth: 1),
            Series("After hedging", kind: .step, x: after.x, y: after.y, color: Color(hex: 0x0072B2), lineWidth: 1.5),
        ]
        if !rebalances.isEmpty {
            series.append(Series("Hedge trade (delta before it)", kind: .scatter,
                                 x: rebalances.map { Double($0.time) }, y: rebalances.map(\.before),
                                 color: Color(hex: 0xD55E00), markerRadius: rebalances.count > 400 ? 1.5 : 2.5))
        }
        let trades = result.series.rebalances.count
        var count = "\(HTMLText.count(result.hedges)) rebalance\(result.hedges == 1 ? "" : "s")"
        if trades != result.hedges { count += " in \(HTMLText.count(trades)) trade\(trades == 1 ? "" : "s") (sliced)" }
        return Chart(
            title: "Net delta before and after hedging",
            subtitle: count + windowNote,
            x: timeAxis(window), y: Axis("Net delta", unit: base, includesZero: true),
            series: series,
            size: Chart.Size(width: width, height: 300), idPrefix: "chart-delta")
    }

    /// The hedge instrument's position, held between trades.
    public func hedgePosition() -> Chart {
        let p = points("hedge position", in: activeWindow)
        let traded = result.hedges > 0
        return Chart(
            title: "Hedge position",
            subtitle: (traded ? "\(base) held on the hedge venues (negative: short)" : "no hedge trades: the position stayed at 0")
                + windowNote,
            x: timeAxis(activeWindow), y: Axis("Position", unit: base, includesZero: true),
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
            let p = points(name, in: activeWindow)
            guard p.y.contains(where: { $0 != 0 }) else { continue }
            series.append(Series(label, kind: name == "costs" ? .step : .line, x: p.x, y: p.y, color: color, lineWidth: 1.25))
        }
        let total = points("total", in: activeWindow)
        series.append(Series("Total", x: total.x, y: total.y, color: Color(hex: 0x1F2328), lineWidth: 2))
        return Chart(
            title: "Cumulative P&L by component",
            subtitle: "marked to model; total = options + underlying + hedge + costs" + windowNote,
            x: timeAxis(activeWindow), y: Axis("P&L", unit: quote, includesZero: true),
            series: series,
            size: Chart.Size(width: width, height: 320), idPrefix: "chart-pnl")
    }

    /// Cumulative costs: fees, slippage, gas and funding (negative: paid).
    public func costs() -> Chart {
        let p = points("costs", in: activeWindow)
        let pnl = result.pnl
        let parts = [("fees", pnl.fees), ("slippage", pnl.slippage), ("gas", pnl.gas), ("funding", pnl.funding)]
            .filter { abs($0.1) >= 0.005 }
            .map { "\($0.0) \(HTMLText.money($0.1))" }
        return Chart(
            title: "Costs",
            subtitle: (parts.isEmpty ? "no costs" : "cumulative, \(quote): " + parts.joined(separator: " · ")) + windowNote,
            x: timeAxis(activeWindow), y: Axis("Costs", unit: quote, includesZero: true),
            series: [Series("Costs", kind: .step, x: p.x, y: p.y, color: Color(hex: 0xD55E00), lineWidth: 1.5)],
            showsLegend: false,
            size: Chart.Size(width: width, height: 240), idPrefix: "chart-costs")
    }
}
