/// A short text at a data point, with an optional dot marker: "max profit 620".
///
/// The text sits above and to the right of the point, or to its left when it would leave
/// the plot, with a background-coloured halo so that it stays readable over lines.
public struct Annotation: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var text: String
    public var showsMarker: Bool
    /// Put the text below the point instead of above it.
    public var below: Bool

    public init(x: Double, y: Double, text: String, showsMarker: Bool = true, below: Bool = false) {
        self.x = x
        self.y = y
        self.text = text
        self.showsMarker = showsMarker
        self.below = below
    }
}
