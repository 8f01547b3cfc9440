import HedgeplanCharts
import HedgeplanRuntime

/// The equity chart: equity (the run's cumulative P&L, marked to model) with its running
/// peak, over a second panel with the drawdown from that peak. The peak starts at 0, as
/// the run's own drawdown does (`EquityFigures.maxDrawdown`).
extension RunReportCharts {
    /// Equity's running peak and the drawdown below it, QUOTE (drawdown ≤ 0), at each point.
    static func drawdown(_ equity: [Double]) -> (peak: [Double], drawdown: [Double]) {
        var peak = 0.0
        var peaks: [Double] = []
        var drawdowns: [Double] = []
        peaks.reserveCapacity(equity.count)
        drawdowns.reserveCapacity(equity.count)
        for value in equity {
            peak = max(peak, value)
            peaks.append(peak)
            drawdowns.append(value - peak)
        }
        return (peaks, drawdowns)
    }

    /// Two panels: equity and its peak; the drawdown from the peak. Over the book charts'
    /// window (the whole run, or up to a little after the book went quiet).
    public func equityAndDrawdown() -> ChartStack {
        let window = activeWindow
        let equity = points("total", in: window)
        let (peak, drawdown) = Self.drawdown(equity.y)
        let top = Chart(
            title: "Equity", subtitle: "cumulative P&L, \(quote), with its running peak" + windowNote,
            x: timeAxis(window), y: Axis("Equity", unit: quote, includesZero: true),
            series: [
                Series("Equity", x: equity.x, y: equity.y, color: Color(hex: 0x1F2328), lineWidth: 1.5),
                Series("Running peak", x: equity.x, y: peak, color: Color(hex: 0x0072B2), dashed: true, lineWidth: 1),
            ],
            size: Chart.Size(width: width, height: 260), idPrefix: "chart-equity-top")
        let bottom = Chart(
            title: "Drawdown", subtitle: "equity minus its running peak, \(quote)",
            x: timeAxis(window), y: Axis("Drawdown", unit: quote, includesZero: true),
            series: [Series("Drawdown", kind: .area, x: equity.x, y: drawdown, color: Color(hex: 0xB42318), lineWidth: 1)],
            showsLegend: false,
            size: Chart.Size(width: width, height: 210), idPrefix: "chart-equity-bottom")
        return ChartStack(
            title: "Equity and drawdown",
            subtitle: "max drawdown \(HTMLText.money(result.equity.maxDrawdown)) \(quote) (every tick; the chart shows each bucket's extremes)",
            panels: [top, bottom], width: width, idPrefix: "chart-equity")
    }
}
