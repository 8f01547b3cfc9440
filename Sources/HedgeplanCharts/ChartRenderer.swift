import HedgeplanFormatting
import HedgeplanTime

/// Lays out and draws one `Chart` into an `SVGWriter`: margins sized to the labels, ticks
/// that do not overlap, decimated series, reference lines, annotations and the legend.
struct ChartRenderer {
    let chart: Chart
    /// The data's extents (series, marks), computed once: long series are scanned once.
    let xData: (Double, Double)?
    let yData: (Double, Double)?
    /// Off for the upper panels of a stack, whose x axis title the bottom panel carries.
    let showsXAxisTitle: Bool

    init(chart: Chart, showsXAxisTitle: Bool = true) {
        self.chart = chart
        self.showsXAxisTitle = showsXAxisTitle
        xData = Self.dataExtentX(chart)
        yData = Self.dataExtentY(chart)
    }

    // Typography and spacing, in pixels.
    static let pad = 12.0
    static let tickFont = 11.0
    static let axisTitleFont = 12.0
    static let legendFont = 12.0
    static let refFont = 11.0
    static let refRowHeight = 14.0
    static let legendRowHeight = 18.0

    /// A tick: value, pixel position along its axis, label.
    struct Tick {
        var value: Double
        var position: Double
        var label: String
    }

    /// Where everything goes.
    struct Layout {
        var width: Double, height: Double
        var plotLeft = 0.0, plotTop = 0.0, plotRight = 0.0, plotBottom = 0.0
        var xLower = 0.0, xUpper = 1.0, yLower = 0.0, yUpper = 1.0
        var xTicks: [Tick] = []
        var yTicks: [Tick] = []
        var xTitle = ""
        var yTitle = ""
        var titleBaseline = 0.0
        var subtitleBaseline = 0.0
        var legendTop = 0.0
        var legendRows = 0
        var refRows: [Int] = []  // row of each vertical reference line, -1 if not drawn
        var refRowCount = 0

        var plotWidth: Double { plotRight - plotLeft }
        var plotHeight: Double { plotBottom - plotTop }

        func px(_ x: Double) -> Double {
            plotLeft + (x - xLower) / (xUpper - xLower) * plotWidth
        }

        func py(_ y: Double) -> Double {
            plotBottom - (y - yLower) / (yUpper - yLower) * plotHeight
        }
    }

    // MARK: - Data extents

    /// The finite min and max of the first `count` values, or nil.
    static func extent(_ values: [Double], count: Int) -> (Double, Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        values.withUnsafeBufferPointer { b in
            for i in 0..<min(count, b.count) {
                let v = b[i]
                if v < lo { lo = v }
                if v > hi { hi = v }
            }
        }
        // NaN never compares, infinities are excluded here.
        if lo == -Double.infinity || hi == Double.infinity {
            var l = Double.infinity, h = -Double.infinity
            for v in values.prefix(count) where v.isFinite {
                l = min(l, v)
                h = max(h, v)
            }
            (lo, hi) = (l, h)
        }
        return lo <= hi ? (lo, hi) : nil
    }

    static func dataExtentX(_ chart: Chart) -> (Double, Double)? {
        var result: (Double, Double)?
        func merge(_ e: (Double, Double)?) {
            guard let e else { return }
            result = result.map { (min($0.0, e.0), max($0.1, e.1)) } ?? e
        }
        for s in chart.series { merge(Self.extent(s.x, count: s.count)) }
        for r in chart.referenceLines where r.orientation == .vertical && r.value.isFinite { merge((r.value, r.value)) }
        for a in chart.annotations where a.x.isFinite { merge((a.x, a.x)) }
        return result
    }

    static func dataExtentY(_ chart: Chart) -> (Double, Double)? {
        var result: (Double, Double)?
        func merge(_ e: (Double, Double)?) {
            guard let e else { return }
            result = result.map { (min($0.0, e.0), max($0.1, e.1)) } ?? e
        }
        for s in chart.series { merge(Self.extent(s.y, count: s.count)) }
        for r in chart.referenceLines where r.orientation == .horizontal && r.value.isFinite && r.style != .zero {
            merge((r.value, r.value))
        }
        for a in chart.annotations where a.y.isFinite { merge((a.y, a.y)) }
        if chart.yAxis.includesZero || chart.series.contains(where: { $0.kind == .area }) { merge((0, 0)) }
        return result
    }

    // MARK: - Layout

    /// The layout for a chart `width × height`; `forcedLeft` aligns panels of a stack.
    func layout(width: Double, height: Double, forcedLeft: Double? = nil, titleSize: Double = 15) -> Layout {
        var rows = 0
        var result = layout(width: width, height: height, forcedLeft: forcedLeft, titleSize: titleSize, refRows: rows)
        // Reference label rows depend on the plot's width, which depends on the margins:
        // settle in at most three rounds.
        for _ in 0..<3 {
            if result.refRowCount == rows { break }
            rows = result.refRowCount
            result = layout(width: width, height: height, forcedLeft: forcedLeft, titleSize: titleSize, refRows: rows)
        }
        return result
    }

    private func layout(width: Double, height: Double, forcedLeft: Double?, titleSize: Double, refRows: Int) -> Layout {
        let pad = Self.pad
        var l = Layout(width: width, height: height)

        // Header: title, subtitle, legend, reference labels.
        var top = pad
        if !chart.title.isEmpty {
            l.titleBaseline = top + titleSize - 2
            top += titleSize + 6
        }
        if let subtitle = chart.subtitle, !subtitle.isEmpty {
            l.subtitleBaseline = top + 10
            top += 17
        }
        let legend = legendItems()
        if chart.showsLegend && !legend.isEmpty {
            top += 2
            l.legendTop = top
            l.legendRows = legendPlacement(width: width).rows
            top += Double(l.legendRows) * Self.legendRowHeight
        }
        top += 8 + Double(refRows) * Self.refRowHeight
        l.plotTop = top
        l.plotBottom = height - pad - Self.tickFont - 8 - (showsXAxisTitle ? Self.axisTitleFont + 8 : 0)
        if l.plotBottom - l.plotTop < 40 { l.plotBottom = l.plotTop + 40 }

        // Y scale and the left margin its labels need.
        let yExtent = chart.yAxis.domain.map { ($0.lowerBound, $0.upperBound) } ?? yData ?? (0, 1)
        let yTarget = max(2, min(10, Int(l.plotHeight / 56) + 1))
        let (yScaleLo, yScaleHi, yValues, yStep) = linearTicks(axis: chart.yAxis, extent: yExtent, target: yTarget,
                                                               maxTicks: max(2, Int(l.plotHeight / 32) + 1))
        (l.yLower, l.yUpper) = (yScaleLo, yScaleHi)
        let yFormat = TickLabelFormat(step: yStep, maxMagnitude: yValues.map(\.magnitude).max() ?? 1,
                                      style: chart.yAxis.format)
        l.yTicks = yValues.map { Tick(value: $0, position: l.py($0), label: yFormat.format($0)) }
        let yLabelWidth = l.yTicks.map { SVGWriter.textWidth($0.label, fontSize: Self.tickFont) }.max() ?? 0
        l.yTitle = chart.yAxis.title
        let yTitleSpace = l.yTitle.isEmpty ? 0 : Self.axisTitleFont + 8
        l.plotLeft = forcedLeft ?? (pad + yTitleSpace + yLabelWidth + 8).rounded(.up)

        // X scale: refit the right margin to the last label's overhang once.
        let xExtent = chart.xAxis.domain.map { ($0.lowerBound, $0.upperBound) } ?? xData ?? (0, 1)
        l.plotRight = width - pad - 4
        for _ in 0..<2 {
            fitXTicks(&l, extent: xExtent)
            guard let last = l.xTicks.last else { break }
            let overhang = last.position + SVGWriter.textWidth(last.label, fontSize: Self.tickFont) / 2 - (width - 4)
            if overhang <= 0 { break }
            l.plotRight -= overhang.rounded(.up)
        }
        l.xTitle = showsXAxisTitle ? chart.xAxis.title : ""
        if showsXAxisTitle, chart.xAxis.scale == .time, chart.xAxis.domain != nil || xData != nil {
            let ts = TimeScale(min: l.xLower, max: l.xUpper, maxTicks: 1)
            if !l.xTicks.contains(where: { $0.label.count == 4 && $0.label.allSatisfy(\.isNumber) }) {
                let span = ts.yearSpan
                if let unit = chart.xAxis.unit, !unit.isEmpty {
                    l.xTitle = chart.xAxis.label.isEmpty ? "\(unit), \(span)" : "\(chart.xAxis.label) (\(unit), \(span))"
                } else {
                    l.xTitle = chart.xAxis.label.isEmpty ? span : "\(chart.xAxis.label) (\(span))"
                }
            }
        }

        // Vertical reference labels: greedy rows above the plot, so that none overlap.
        var rowEnds: [Double] = []
        l.refRows = Array(repeating: -1, count: chart.referenceLines.count)
        let order = chart.referenceLines.indices.filter {
            chart.referenceLines[$0].orientation == .vertical && !chart.referenceLines[$0].label.isEmpty
                && chart.referenceLines[$0].value >= l.xLower && chart.referenceLines[$0].value <= l.xUpper
        }.sorted { (chart.referenceLines[$0].value, $0) < (chart.referenceLines[$1].value, $1) }
        for i in order {
            let r = chart.referenceLines[i]
            let (start, end) = refLabelSpan(r, layout: l)
            var row = rowEnds.firstIndex { $0 + 6 <= start } ?? rowEnds.count
            if row >= 4 { row = 3 }  // beyond four rows, overlap rather than eat the plot
            if row == rowEnds.count { rowEnds.append(end) } else { rowEnds[row] = end }
            l.refRows[i] = row
        }
        l.refRowCount = rowEnds.count
        return l
    }

    /// The horizontal extent of a vertical reference line's label, kept inside the chart.
    func refLabelSpan(_ r: ReferenceLine, layout l: Layout) -> (Double, Double) {
        let w = SVGWriter.textWidth(r.label, fontSize: Self.refFont)
        var start = l.px(r.value) - w / 2
        start = max(4, min(start, l.width - 4 - w))
        return (start, start + w)
    }

    /// Domain and tick values for a linear axis, about `target` ticks and at most
    /// `maxTicks`.
    ///
    /// Loose labelling can waste up to half the plot (0...-22M widens to -40M...0 with three
    /// ticks), so a few tick counts near the target are tried and the one whose domain the
    /// data fills best wins; ties go to the count nearest the target.
    func linearTicks(axis: Axis, extent: (Double, Double), target: Int, maxTicks: Int) -> (Double, Double, [Double], Double) {
        if axis.domain != nil {
            let s = NiceScale(min: extent.0, max: extent.1, targetTicks: target, loose: false)
            return (s.lower, s.upper, s.ticks, s.step)
        }
        if axis.nice {
            var best: NiceScale?
            var bestScore = (-Double.infinity, 0)
            for t in max(2, target - 2)...max(2, 2 * target + 2) {
                let s = NiceScale(min: extent.0, max: extent.1, targetTicks: t, loose: true)
                if s.ticks.count > max(2, maxTicks) && best != nil { continue }
                let coverage = extent.1 > extent.0 ? (extent.1 - extent.0) / (s.upper - s.lower) : 0
                let score = ((coverage * 1000).rounded(), -abs(s.ticks.count - target))
                if best == nil || score > bestScore || (best!.ticks.count > maxTicks && s.ticks.count <= maxTicks) {
                    best = s
                    bestScore = score
                }
            }
            let s = best!
            return (s.lower, s.upper, s.ticks, s.step)
        }
        var (lo, hi) = extent
        let margin = hi > lo ? (hi - lo) * 0.04 : max(lo.magnitude * 0.1, 1)
        lo -= margin
        hi += margin
        if axis.includesZero { lo = min(lo, 0); hi = max(hi, 0) }
        let s = NiceScale(min: lo, max: hi, targetTicks: target, loose: false)
        return (lo, hi, s.ticks, s.step)
    }

    /// The densest x ticks whose labels do not overlap.
    func fitXTicks(_ l: inout Layout, extent: (Double, Double)) {
        let font = Self.tickFont
        func fits(_ ticks: [Tick]) -> Bool {
            for i in 1..<max(1, ticks.count) {
                let a = ticks[i - 1], b = ticks[i]
                let need = (SVGWriter.textWidth(a.label, fontSize: font) + SVGWriter.textWidth(b.label, fontSize: font)) / 2 + 12
                if b.position - a.position < need { return false }
            }
            return true
        }
        if chart.xAxis.scale == .time {
            var (lo, hi) = extent
            if hi <= lo { hi = lo + 86_400_000 }
            (l.xLower, l.xUpper) = (lo, hi)
            // The finest calendar step within about one tick per 60 px whose labels fit and
            // that gives at least two ticks; on a narrow plot, any finer step that fits.
            let limit = Double(max(2, Int(l.plotWidth / 60)))
            var fallback: [Tick]?
            for pass in 0..<2 {
                for step in TimeScale.steps {
                    let approximate = (hi - lo) / step.approximateMilliseconds
                    if approximate > (pass == 0 ? limit : 2 * limit + 4) { continue }
                    let ts = TimeScale(min: lo, max: hi, step: step)
                    let ticks = ts.ticks.map { Tick(value: $0, position: l.px($0), label: ts.label($0)) }
                    guard fits(ticks) else { continue }
                    if ticks.count >= 2 {
                        l.xTicks = ticks
                        return
                    }
                    if fallback == nil { fallback = ticks }
                }
            }
            l.xTicks = fallback ?? []
            return
        }
        var target = max(2, min(12, Int(l.plotWidth / 64) + 1))
        while true {
            let (lo, hi, values, step) = linearTicks(axis: chart.xAxis, extent: extent, target: target, maxTicks: target)
            (l.xLower, l.xUpper) = (lo, hi)
            let format = TickLabelFormat(step: step, maxMagnitude: values.map(\.magnitude).max() ?? 1,
                                         style: chart.xAxis.format)
            let ticks = values.map { Tick(value: $0, position: l.px($0), label: format.format($0)) }
            if fits(ticks) || target == 2 {
                l.xTicks = ticks
                return
            }
            target -= 1
        }
    }

    // MARK: - Legend

    struct LegendItem {
        var name: String
        var kind: Series.Kind
        var color: Color
        var dashed: Bool
    }

    func color(ofSeries index: Int) -> Color {
        chart.series[index].color ?? chart.palette.seriesColor(index)
    }

    func legendItems() -> [LegendItem] {
        chart.series.indices.compactMap { i in
            let s = chart.series[i]
            guard s.showsInLegend, !s.name.isEmpty else { return nil }
            return LegendItem(name: s.name, kind: s.kind, color: color(ofSeries: i), dashed: s.dashed)
        }
    }

    /// Each item's (x, row) and the number of rows, items flowing left to right.
    func legendPlacement(width: Double) -> (positions: [(Double, Int)], rows: Int) {
        var x = Self.pad, row = 0
        var positions: [(Double, Int)] = []
        for item in legendItems() {
            let w = 24 + SVGWriter.textWidth(item.name, fontSize: Self.legendFont) + 16
            if x > Self.pad && x + w > width - Self.pad {
                row += 1
                x = Self.pad
            }
            positions.append((x, row))
            x += w
        }
        return (positions, positions.isEmpty ? 0 : row + 1)
    }

    // MARK: - Drawing

    /// Draws the chart at vertical offset `originY` (panels of a stack).
    func draw(into w: inout SVGWriter, id: String, originY: Double, layout given: Layout?, titleSize: Double) {
        let l = given ?? layout(width: chart.size.width, height: chart.size.height, titleSize: titleSize)
        let p = chart.palette
        let num = NumberFormat.coordinate
        let clipID = "\(id)-clip"
        if originY != 0 { w.open("g", [("transform", "translate(0 \(num(originY)))")]) } else { w.open("g") }
        w.raw("\n")

        // Title and subtitle.
        let room = l.width - 2 * Self.pad
        if !chart.title.isEmpty {
            // Bold text runs about 10% wider than regular.
            w.text(Self.fit(chart.title, width: room / 1.1, fontSize: titleSize), x: Self.pad, y: l.titleBaseline,
                   [("class", titleSize >= 15 ? "hc-title" : "hc-panel")])
        }
        if let subtitle = chart.subtitle, !subtitle.isEmpty {
            w.text(Self.fit(subtitle, width: room, fontSize: 12), x: Self.pad, y: l.subtitleBaseline, [("class", "hc-sub")])
        }

        // Legend.
        if chart.showsLegend {
            let items = legendItems()
            let placement = legendPlacement(width: l.width)
            for (item, (x, row)) in zip(items, placement.positions) {
                let cy = l.legendTop + Double(row) * Self.legendRowHeight + 9
                drawLegendSwatch(&w, item, x: x, cy: cy)
                w.text(item.name, x: x + 24, y: cy + 4, [("class", "hc-legend")])
            }
        }

        // Clip path slightly larger than the plot so that edge lines and markers are not halved.
        w.open("clipPath", [("id", clipID)])
        w.open("rect", [("x", num(l.plotLeft - 4)), ("y", num(l.plotTop - 4)),
                        ("width", num(l.plotWidth + 8)), ("height", num(l.plotHeight + 8))], close: true)
        w.close("clipPath")

        // Grid.
        var grid = PathBuilder()
        for t in l.yTicks {
            let y = Self.crisp(t.position)
            grid.move(l.plotLeft, y)
            grid.line(l.plotRight, y)
        }
        for t in l.xTicks {
            let x = Self.crisp(t.position)
            grid.move(x, l.plotTop)
            grid.line(x, l.plotBottom)
        }
        if !grid.isEmpty {
            w.open("path", [("class", "hc-grid"), ("d", grid.d), ("shape-rendering", "crispEdges")], close: true)
        }

        // Series fills, reference lines, series lines: all clipped to the plot.
        w.open("g", [("clip-path", "url(#\(clipID))")])
        w.raw("\n")
        var pixelSeries: [[(Double, Double)]] = []
        for s in chart.series { pixelSeries.append(pixels(of: s, layout: l)) }
        for (i, s) in chart.series.enumerated() where s.kind == .area {
            drawAreaFill(&w, pixelSeries[i], layout: l)
        }
        let hasZeroRef = chart.referenceLines.contains { $0.orientation == .horizontal && $0.value == 0 }
        if !hasZeroRef && chart.yAxis.scale == .linear && l.yLower < 0 && l.yUpper > 0 {
            drawReference(&w, .zero, layout: l)
        }
        for r in chart.referenceLines { drawReference(&w, r, layout: l) }
        for (i, s) in chart.series.enumerated() {
            drawSeries(&w, s, color: color(ofSeries: i), pixelSeries[i])
        }
        w.close("g")

        // Axis line and tick marks at the bottom.
        var axis = PathBuilder()
        axis.move(l.plotLeft, Self.crisp(l.plotBottom))
        axis.line(l.plotRight, Self.crisp(l.plotBottom))
        for t in l.xTicks {
            axis.move(Self.crisp(t.position), l.plotBottom)
            axis.line(Self.crisp(t.position), l.plotBottom + 4)
        }
        w.open("path", [("class", "hc-axis"), ("d", axis.d), ("shape-rendering", "crispEdges")], close: true)

        // Tick labels.
        for t in l.yTicks {
            w.text(t.label, x: l.plotLeft - 8, y: t.position + 4, [("class", "hc-tick"), ("text-anchor", "end")])
        }
        for t in l.xTicks {
            w.text(t.label, x: t.position, y: l.plotBottom + 8 + Self.tickFont, [("class", "hc-tick"), ("text-anchor", "middle")])
        }

        // Axis titles.
        if !l.xTitle.isEmpty {
            w.text(l.xTitle, x: (l.plotLeft + l.plotRight) / 2, y: l.height - Self.pad - 2,
                   [("class", "hc-axis-title"), ("text-anchor", "middle")])
        }
        if !l.yTitle.isEmpty {
            let cx = Self.pad + Self.axisTitleFont - 2, cy = (l.plotTop + l.plotBottom) / 2
            w.text(l.yTitle, x: cx, y: cy, [("class", "hc-axis-title"), ("text-anchor", "middle"),
                                             ("transform", "rotate(-90 \(num(cx)) \(num(cy)))")])
        }

        // Reference labels.
        for (i, r) in chart.referenceLines.enumerated() where !r.label.isEmpty {
            let fill = refColor(r.style)
            switch r.orientation {
            case .vertical:
                guard l.refRows[i] >= 0 else { continue }
                let (start, _) = refLabelSpan(r, layout: l)
                let y = l.plotTop - 5 - Double(l.refRows[i]) * Self.refRowHeight
                w.text(r.label, x: start, y: y, [("class", "hc-ref"), ("fill", fill.description)])
            case .horizontal:
                guard r.value >= l.yLower && r.value <= l.yUpper else { continue }
                w.text(r.label, x: l.plotRight - 4, y: l.py(r.value) - 4,
                       [("class", "hc-ref hc-note"), ("text-anchor", "end"), ("fill", fill.description)])
            }
        }

        // Annotations, on top of everything.
        for a in chart.annotations where a.x.isFinite && a.y.isFinite {
            let x = l.px(a.x), y = l.py(a.y)
            guard x >= l.plotLeft - 1, x <= l.plotRight + 1, y >= l.plotTop - 1, y <= l.plotBottom + 1 else { continue }
            if a.showsMarker {
                w.open("circle", [("cx", num(x)), ("cy", num(y)), ("r", "3.5"), ("fill", p.text.description),
                                  ("stroke", p.background.description), ("stroke-width", "1.5")], close: true)
            }
            let tw = SVGWriter.textWidth(a.text, fontSize: 11)
            let leftward = x + 7 + tw > l.plotRight
            var below = a.below
            if !below && y - 9 - 11 < l.plotTop { below = true }
            if below && y + 18 > l.plotBottom - 2 { below = false }
            w.text(a.text, x: leftward ? x - 7 : x + 7, y: below ? y + 18 : y - 9,
                   [("class", "hc-note")] + (leftward ? [("text-anchor", "end")] : []))
        }
        w.close("g")
    }

    static func crisp(_ v: Double) -> Double { v.rounded(.down) + 0.5 }

    /// `text`, cut with an ellipsis when wider than `width` (the full text stays in the
    /// SVG's `<title>` and `<desc>`).
    static func fit(_ text: String, width: Double, fontSize: Double) -> String {
        guard SVGWriter.textWidth(text, fontSize: fontSize) > width else { return text }
        var kept = ""
        for c in text {
            if SVGWriter.textWidth(kept + String(c) + "\u{2026}", fontSize: fontSize) > width { break }
            kept.append(c)
        }
        while kept.last == " " { kept.removeLast() }
        return kept + "\u{2026}"
    }

    func refColor(_ style: ReferenceLine.Style) -> Color {
        switch style {
        case .strike, .plain: chart.palette.mutedText
        case .breakeven: chart.palette.breakeven
        case .zero: chart.palette.zeroLine
        }
    }

    func drawReference(_ w: inout SVGWriter, _ r: ReferenceLine, layout l: Layout) {
        let p = chart.palette
        var attributes: [(String, String)]
        switch r.style {
        case .strike: attributes = [("stroke", p.reference.description), ("stroke-dasharray", "4 3")]
        case .breakeven: attributes = [("stroke", p.breakeven.description), ("stroke-width", "1.25"), ("stroke-dasharray", "6 3")]
        case .zero: attributes = [("stroke", p.zeroLine.description)]
        case .plain: attributes = [("stroke", p.reference.description), ("stroke-dasharray", "1 3")]
        }
        switch r.orientation {
        case .vertical:
            guard r.value >= l.xLower && r.value <= l.xUpper else { return }
            let x = l.px(r.value)
            w.line(x, l.plotTop, x, l.plotBottom, attributes)
        case .horizontal:
            guard r.value >= l.yLower && r.value <= l.yUpper else { return }
            let y = l.py(r.value)
            w.line(l.plotLeft, y, l.plotRight, y, attributes)
        }
    }

    /// The series' points in pixels: decimated per pixel column when long, non-finite
    /// points left out.
    func pixels(of s: Series, layout l: Layout) -> [(Double, Double)] {
        let n = s.count
        let columns = max(1, Int(l.plotWidth.rounded(.up)))
        var out: [(Double, Double)] = []
        if n > 4 * columns {
            let d = Decimator.decimate(x: s.x, y: s.y, xRange: l.xLower...l.xUpper, columns: columns)
            out.reserveCapacity(d.x.count)
            for i in d.x.indices { out.append((l.px(d.x[i]), l.py(d.y[i]))) }
        } else {
            out.reserveCapacity(n)
            for i in 0..<n where s.x[i].isFinite && s.y[i].isFinite {
                out.append((l.px(s.x[i]), l.py(s.y[i])))
            }
        }
        return out
    }

    func drawSeries(_ w: inout SVGWriter, _ s: Series, color: Color, _ pts: [(Double, Double)]) {
        guard !pts.isEmpty else { return }
        let num = NumberFormat.coordinate
        if s.kind == .scatter {
            var lastKey = ""
            w.open("g", [("fill", color.description)])
            w.raw("\n")
            for (x, y) in pts {
                let cx = num(x), cy = num(y)
                let key = cx + "," + cy
                if key == lastKey { continue }
                lastKey = key
                w.open("circle", [("cx", cx), ("cy", cy), ("r", num(s.markerRadius))], close: true)
            }
            w.close("g")
            return
        }
        var path = PathBuilder(capacity: pts.count * 14)
        path.move(pts[0].0, pts[0].1)
        if s.kind == .step {
            for i in 1..<pts.count {
                path.line(pts[i].0, pts[i - 1].1)
                path.line(pts[i].0, pts[i].1)
            }
        } else {
            for i in 1..<pts.count { path.line(pts[i].0, pts[i].1) }
        }
        var attributes: [(String, String)] = [("class", "hc-series"), ("d", path.d), ("stroke", color.description),
                                              ("stroke-width", num(s.lineWidth))]
        if s.dashed { attributes.append(("stroke-dasharray", "6 4")) }
        w.open("path", attributes, close: true)
    }

    /// Profit shading above zero and loss shading below, split exactly where the line
    /// crosses zero.
    func drawAreaFill(_ w: inout SVGWriter, _ pts: [(Double, Double)], layout l: Layout) {
        guard pts.count >= 2 else { return }
        let base = min(max(l.py(0), l.plotTop), l.plotBottom)
        let p = chart.palette
        for positive in [true, false] {
            var path = PathBuilder(capacity: pts.count * 14)
            path.move(pts[0].0, base)
            var any = false
            for i in pts.indices {
                let (x, y) = pts[i]
                if i > 0 {
                    let (x0, y0) = pts[i - 1]
                    if (y0 - base) * (y - base) < 0 {
                        let t = (base - y0) / (y - y0)
                        path.line(x0 + t * (x - x0), base)
                    }
                }
                let clamped = positive ? min(y, base) : max(y, base)
                if clamped != base { any = true }
                path.line(x, clamped)
            }
            path.line(pts[pts.count - 1].0, base)
            path.closePath()
            guard any else { continue }
            w.open("path", [("d", path.d), ("fill", (positive ? p.profit : p.loss).description),
                            ("fill-opacity", NumberFormat.fixed(p.shadingOpacity, decimals: 2, trimZeros: true)),
                            ("stroke", "none")], close: true)
        }
    }

    func drawLegendSwatch(_ w: inout SVGWriter, _ item: LegendItem, x: Double, cy: Double) {
        let num = NumberFormat.coordinate
        switch item.kind {
        case .scatter:
            w.open("circle", [("cx", num(x + 9)), ("cy", num(cy)), ("r", "3.5"), ("fill", item.color.description)], close: true)
        case .area:
            let p = chart.palette
            let op = NumberFormat.fixed(min(1, p.shadingOpacity * 2), decimals: 2, trimZeros: true)
            w.open("rect", [("x", num(x)), ("y", num(cy - 7)), ("width", "18"), ("height", "7"),
                            ("fill", p.profit.description), ("fill-opacity", op)], close: true)
            w.open("rect", [("x", num(x)), ("y", num(cy)), ("width", "18"), ("height", "7"),
                            ("fill", p.loss.description), ("fill-opacity", op)], close: true)
            w.line(x, cy, x + 18, cy, [("stroke", item.color.description), ("stroke-width", "2")])
        case .line, .step:
            var a: [(String, String)] = [("stroke", item.color.description), ("stroke-width", "2")]
            if item.dashed { a.append(("stroke-dasharray", "4 3")) }
            w.line(x, cy, x + 18, cy, a)
        }
    }

    // MARK: - Description

    /// A plain-language description for `<desc>`: series, axes with their ranges, marks.
    func describe(_ l: Layout) -> String {
        func value(_ v: Double, _ axis: Axis) -> String {
            if axis.scale == .time { return UTCDateTime(millisecondsSinceEpoch: v).isoMinutes + " UTC" }
            if axis.format == .percent { return NumberFormat.compact(v * 100, minus: "-") + "%" }
            return NumberFormat.compact(v, minus: "-")
        }
        let names = chart.series.map(\.name).filter { !$0.isEmpty }
        var s = "Chart"
        if !names.isEmpty { s += " of " + names.joined(separator: ", ") }
        s += ". Horizontal axis: \(chart.xAxis.title.isEmpty ? "x" : chart.xAxis.title), "
        s += "\(value(l.xLower, chart.xAxis)) to \(value(l.xUpper, chart.xAxis)). "
        s += "Vertical axis: \(chart.yAxis.title.isEmpty ? "y" : chart.yAxis.title), "
        s += "\(value(l.yLower, chart.yAxis)) to \(value(l.yUpper, chart.yAxis))."
        let marks = chart.referenceLines.map(\.label).filter { !$0.isEmpty }
        if !marks.isEmpty { s += " Marked: " + marks.joined(separator: "; ") + "." }
        let notes = chart.annotations.map(\.text).filter { !$0.isEmpty }
        if !notes.isEmpty { s += " Notes: " + notes.joined(separator: "; ") + "." }
        return s
    }
}
