/// Charts stacked vertically in one SVG, sharing one x domain, with their plot areas
/// aligned: price, net delta and hedge position over the same time span, for example.
///
/// Each panel keeps its own y axis, series and marks; its title becomes the panel's
/// heading. The panels' widths are the stack's; their heights are their own.
public struct ChartStack: Sendable {
    public var title: String
    public var subtitle: String?
    public var panels: [Chart]
    public var width: Double
    /// Give every panel the union of the panels' x ranges (unless a panel fixes its own).
    public var sharesXDomain: Bool
    public var palette: Palette
    public var summary: String?
    /// As for `Chart.idPrefix`.
    public var idPrefix: String?

    public init(title: String, subtitle: String? = nil, panels: [Chart], width: Double = 800,
                sharesXDomain: Bool = true, palette: Palette = .standard, summary: String? = nil,
                idPrefix: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.panels = panels
        self.width = width
        self.sharesXDomain = sharesXDomain
        self.palette = palette
        self.summary = summary
        self.idPrefix = idPrefix
    }

    /// The total height: the header and every panel's height.
    public var height: Double { headerHeight + panels.reduce(0) { $0 + $1.size.height } }

    var headerHeight: Double {
        var h = ChartRenderer.pad
        if !title.isEmpty { h += 21 }
        if let subtitle, !subtitle.isEmpty { h += 17 }
        return h
    }

    /// The complete `<svg>` document.
    public func render() -> String {
        let id = (idPrefix?.isEmpty == false) ? SVGDocument.sanitizeID(idPrefix!) : SVGDocument.derivedID(title)
        var charts = panels.map { panel -> Chart in
            var c = panel
            c.size.width = width
            c.palette = palette
            return c
        }
        if sharesXDomain {
            var union: (Double, Double)?
            for c in charts where c.xAxis.domain == nil {
                guard let e = ChartRenderer.dataExtentX(c) else { continue }
                union = union.map { (min($0.0, e.0), max($0.1, e.1)) } ?? e
            }
            if let union, union.1 > union.0 {
                for i in charts.indices where charts[i].xAxis.domain == nil { charts[i].xAxis.domain = union.0...union.1 }
            }
        }
        let renderers = charts.indices.map {
            ChartRenderer(chart: charts[$0], showsXAxisTitle: $0 == charts.count - 1)
        }
        var layouts = zip(renderers, charts).map { $0.layout(width: width, height: $1.size.height, titleSize: 13) }
        let left = layouts.map(\.plotLeft).max() ?? 0
        layouts = zip(renderers, charts).map {
            $0.layout(width: width, height: $1.size.height, forcedLeft: left, titleSize: 13)
        }

        var w = SVGWriter()
        let description = summary ?? ([title] + zip(renderers, layouts).map { "Panel: " + $0.describe($1) })
            .joined(separator: " ")
        SVGDocument.open(&w, id: id, size: Chart.Size(width: width, height: height), palette: palette,
                         title: title, description: description)
        var y = ChartRenderer.pad
        if !title.isEmpty {
            w.text(ChartRenderer.fit(title, width: (width - 2 * ChartRenderer.pad) / 1.1, fontSize: 15),
                   x: ChartRenderer.pad, y: y + 13, [("class", "hc-title")])
            y += 21
        }
        if let subtitle, !subtitle.isEmpty {
            w.text(ChartRenderer.fit(subtitle, width: width - 2 * ChartRenderer.pad, fontSize: 12),
                   x: ChartRenderer.pad, y: y + 10, [("class", "hc-sub")])
        }
        var originY = headerHeight
        for (i, renderer) in renderers.enumerated() {
            renderer.draw(into: &w, id: "\(id)-p\(i)", originY: originY, layout: layouts[i], titleSize: 13)
            originY += charts[i].size.height
        }
        w.close("svg")
        return w.output
    }
}
