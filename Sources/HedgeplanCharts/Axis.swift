/// One axis of a chart: its title, unit, scale and how its ticks are labelled.
public struct Axis: Sendable, Hashable {
    /// How data values map to positions along the axis.
    public enum Scale: Sendable, Hashable {
        /// Linear with "nice" ticks (1, 2, 5 × 10^k).
        case linear
        /// Milliseconds since the Unix epoch, with UTC calendar ticks.
        case time
    }

    /// The title, such as `Spot`.
    public var label: String
    /// The unit, shown in parentheses after the title: `Spot (USDC)`.
    public var unit: String?
    public var scale: Scale
    /// Plain numbers or percentages (linear scales only).
    public var format: TickLabelFormat.Style
    /// A fixed domain; `nil` fits the data (and reference lines and annotations).
    public var domain: ClosedRange<Double>?
    /// Keep zero inside the domain (P&L, delta): on by default for y axes of area series.
    public var includesZero: Bool
    /// Widen a linear domain to whole tick steps (Heckbert's loose labelling). Off, the
    /// domain is the data's with a small margin and ticks fall inside it.
    public var nice: Bool

    public init(_ label: String, unit: String? = nil, scale: Scale = .linear,
                format: TickLabelFormat.Style = .number, domain: ClosedRange<Double>? = nil,
                includesZero: Bool = false, nice: Bool = true) {
        self.label = label
        self.unit = unit
        self.scale = scale
        self.format = format
        self.domain = domain
        self.includesZero = includesZero
        self.nice = nice
    }

    /// A linear axis.
    public static func linear(_ label: String, unit: String? = nil, format: TickLabelFormat.Style = .number,
                              includesZero: Bool = false) -> Axis {
        Axis(label, unit: unit, format: format, includesZero: includesZero)
    }

    /// A time axis for x values in milliseconds since the epoch; the unit says `UTC`.
    public static func time(_ label: String = "Time") -> Axis {
        Axis(label, unit: "UTC", scale: .time)
    }

    /// `label (unit)`, or the label alone.
    public var title: String {
        guard let unit, !unit.isEmpty else { return label }
        return label.isEmpty ? unit : "\(label) (\(unit))"
    }
}
