import HedgeplanFormatting

/// A chart: a title, two axes, series, reference lines, annotations, a legend and a size.
/// A value: build it, then `render()` it to a complete SVG document.
///
/// ```swift
/// let chart = Chart(
///     title: "Iron condor ETH 2500/2700/3300/3500 × 10",
///     x: .linear("Spot at expiry", unit: "USDC"),
///     y: .linear("P&L", unit: "USDC"),
///     series: [Series("At expiry", kind: .area, x: spots, y: payoff),
///              Series("Today (model)", x: grid, y: model, dashed: true)],
///     referenceLines: [.vertical(at: 2638, label: "BE 2,638", style: .breakeven)])
/// let svg = chart.render()
/// ```
///
/// The output is deterministic: the same chart gives byte-identical SVG on every machine
/// (own number formatting with 2 decimals, no locale, elements in a fixed order).
public struct Chart: Sendable {
    /// Size in CSS pixels (the SVG's `viewBox`).
    public struct Size: Sendable, Hashable {
        public var width: Double
        public var height: Double
        public init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }
    }

    public var title: String
    /// A second line under the title, in muted text.
    public var subtitle: String?
    /// The accessible description (`<desc>`); `nil` writes one from the data.
    public var summary: String?
    public var xAxis: Axis
    public var yAxis: Axis
    /// Drawn in order (later on top); colours cycle through the palette.
    public var series: [Series]
    public var referenceLines: [ReferenceLine]
    public var annotations: [Annotation]
    public var showsLegend: Bool
    public var size: Size
    public var palette: Palette
    /// Prefix of the SVG's ids (root, clip path, title, desc). Charts inlined in one HTML
    /// page need distinct prefixes; `nil` derives one from the title, so distinct titles
    /// are enough.
    public var idPrefix: String?

    public init(title: String, subtitle: String? = nil, x: Axis, y: Axis, series: [Series] = [],
                referenceLines: [ReferenceLine] = [], annotations: [Annotation] = [],
                showsLegend: Bool = true, size: Size = Size(width: 800, height: 450),
                palette: Palette = .standard, summary: String? = nil, idPrefix: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.xAxis = x
        self.yAxis = y
        self.series = series
        self.referenceLines = referenceLines
        self.annotations = annotations
        self.showsLegend = showsLegend
        self.size = size
        self.palette = palette
        self.summary = summary
        self.idPrefix = idPrefix
    }

    /// The complete `<svg>` document: shown by browsers as a file and inlinable in HTML.
    public func render() -> String {
        var writer = SVGWriter()
        let id = resolvedIDPrefix
        let renderer = ChartRenderer(chart: self)
        let layout = renderer.layout(width: size.width, height: size.height)
        SVGDocument.open(&writer, id: id, size: size, palette: palette, title: title,
                         description: summary ?? renderer.describe(layout))
        renderer.draw(into: &writer, id: id, originY: 0, layout: layout, titleSize: 15)
        writer.close("svg")
        return writer.output
    }

    /// The id prefix used in the SVG.
    public var resolvedIDPrefix: String {
        if let idPrefix, !idPrefix.isEmpty { return SVGDocument.sanitizeID(idPrefix) }
        return SVGDocument.derivedID(title)
    }
}

/// The document frame shared by `Chart` and `ChartStack`: root element, title, desc, CSS.
enum SVGDocument {
    static let fontStack = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

    static func open(_ w: inout SVGWriter, id: String, size: Chart.Size, palette: Palette, title: String,
                     description: String) {
        let width = NumberFormat.coordinate(size.width), height = NumberFormat.coordinate(size.height)
        w.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("id", id), ("class", "hc"),
            ("viewBox", "0 0 \(width) \(height)"), ("width", width), ("height", height),
            ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
            ("font-family", fontStack),
        ])
        w.raw("\n")
        w.element("title", [("id", "\(id)-title")], text: title)
        w.element("desc", [("id", "\(id)-desc")], text: description)
        let p = palette
        // Rules are scoped to this chart's id so that several charts inline in one page
        // with different palettes do not restyle each other.
        let s = "#\(id)"
        w.raw("<style>\n")
        w.raw("\(s){max-width:100%;height:auto;background:\(p.background)}\n")
        w.raw("\(s) text{font-family:\(fontStack);fill:\(p.text)}\n")
        w.raw("\(s) .hc-title{font-size:15px;font-weight:600}\n")
        w.raw("\(s) .hc-panel{font-size:13px;font-weight:600}\n")
        w.raw("\(s) .hc-sub{font-size:12px;fill:\(p.mutedText)}\n")
        w.raw("\(s) .hc-tick{font-size:11px;fill:\(p.mutedText);font-variant-numeric:tabular-nums}\n")
        w.raw("\(s) .hc-axis-title{font-size:12px;fill:\(p.mutedText)}\n")
        w.raw("\(s) .hc-legend{font-size:12px}\n")
        w.raw("\(s) .hc-ref{font-size:11px;font-variant-numeric:tabular-nums}\n")
        w.raw("\(s) .hc-note{font-size:11px;paint-order:stroke;stroke:\(p.background);stroke-width:3px;stroke-linejoin:round}\n")
        w.raw("\(s) .hc-grid{stroke:\(p.grid);stroke-width:1}\n")
        w.raw("\(s) .hc-axis{stroke:\(p.axis);stroke-width:1}\n")
        w.raw("\(s) .hc-series{fill:none;stroke-linejoin:round;stroke-linecap:round}\n")
        w.raw("</style>\n")
        w.open("rect", [("width", width), ("height", height), ("fill", p.background.description)], close: true)
    }

    /// `hc` and 8 hex digits of the FNV-1a hash of `text`.
    static func derivedID(_ text: String) -> String {
        var h: UInt32 = 2_166_136_261
        for b in text.utf8 {
            h ^= UInt32(b)
            h = h &* 16_777_619
        }
        let digits = Array("0123456789abcdef")
        var s = "hc"
        for shift in stride(from: 28, through: 0, by: -4) { s.append(digits[Int((h >> UInt32(shift)) & 0xF)]) }
        return s
    }

    /// Keeps letters, digits, `-` and `_`; an id must start with a letter.
    static func sanitizeID(_ text: String) -> String {
        var s = String(text.unicodeScalars.filter {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        })
        if s.isEmpty || !(s.unicodeScalars.first.map { ("a"..."z").contains($0) || ("A"..."Z").contains($0) } ?? false) {
            s = "hc" + s
        }
        return s
    }
}
