/// One data series of a chart: its points, how it is drawn and its legend entry.
///
/// Points are parallel arrays of x and y (milliseconds since the epoch on a time axis).
/// A series longer than a few points per pixel column is decimated when the chart renders
/// (see `Decimator`), so ten million points still give a small SVG. Points with a NaN or
/// infinite coordinate are left out.
public struct Series: Sendable {
    /// How the points are drawn.
    public enum Kind: Sendable, Hashable {
        /// Straight segments between points.
        case line
        /// Horizontal then vertical segments: a value that holds until the next point
        /// (positions, cumulative costs).
        case step
        /// A line with the area between it and zero shaded: the palette's profit colour
        /// above zero, its loss colour below.
        case area
        /// A marker at each point, no line.
        case scatter
    }

    public var name: String
    public var kind: Kind
    public var x: [Double]
    public var y: [Double]
    /// The line or marker colour; `nil` takes the palette's next series colour.
    public var color: Color?
    /// Draw the line dashed (for model values next to exact ones, targets, ...).
    public var dashed: Bool
    /// Line width in pixels.
    public var lineWidth: Double
    /// Marker radius for scatter series, in pixels.
    public var markerRadius: Double
    public var showsInLegend: Bool

    public init(_ name: String, kind: Kind = .line, x: [Double], y: [Double], color: Color? = nil,
                dashed: Bool = false, lineWidth: Double = 1.75, markerRadius: Double = 2.5,
                showsInLegend: Bool = true) {
        self.name = name
        self.kind = kind
        self.x = x
        self.y = y
        self.color = color
        self.dashed = dashed
        self.lineWidth = lineWidth
        self.markerRadius = markerRadius
        self.showsInLegend = showsInLegend
    }

    /// A series from `(x, y)` pairs.
    public init(_ name: String, kind: Kind = .line, points: [(Double, Double)], color: Color? = nil,
                dashed: Bool = false) {
        self.init(name, kind: kind, x: points.map(\.0), y: points.map(\.1), color: color, dashed: dashed)
    }

    /// The number of points (the shorter of the two arrays).
    public var count: Int { min(x.count, y.count) }
}
