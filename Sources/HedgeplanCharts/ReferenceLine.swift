/// A labelled line across the plot at a fixed x (strike, breakeven, event) or y (zero,
/// target, limit).
public struct ReferenceLine: Sendable, Hashable {
    public enum Orientation: Sendable, Hashable {
        /// At an x value, top to bottom; the label goes above the plot.
        case vertical
        /// At a y value, left to right; the label goes at the right end, above the line.
        case horizontal
    }

    /// How the line looks.
    public enum Style: Sendable, Hashable {
        /// A dashed grey line: strikes and other marks.
        case strike
        /// A dashed line in the palette's breakeven colour.
        case breakeven
        /// A solid dark line: the zero of a P&L axis.
        case zero
        /// A thin dotted grey line.
        case plain
    }

    public var orientation: Orientation
    public var value: Double
    public var label: String
    public var style: Style

    public init(_ orientation: Orientation, at value: Double, label: String = "", style: Style = .plain) {
        self.orientation = orientation
        self.value = value
        self.label = label
        self.style = style
    }

    /// A vertical line at `x`.
    public static func vertical(at x: Double, label: String = "", style: Style = .strike) -> ReferenceLine {
        ReferenceLine(.vertical, at: x, label: label, style: style)
    }

    /// A horizontal line at `y`.
    public static func horizontal(at y: Double, label: String = "", style: Style = .plain) -> ReferenceLine {
        ReferenceLine(.horizontal, at: y, label: label, style: style)
    }

    /// The solid zero line of a P&L axis.
    public static let zero = ReferenceLine(.horizontal, at: 0, style: .zero)
}
