import HedgeplanFormatting

/// How the tick labels of one axis are written. All labels of an axis share one suffix and
/// one number of decimals, chosen from the tick step, so that `0.5k, 1k, 1.5k` never mixes
/// with `1,000`.
public struct TickLabelFormat: Sendable, Hashable {
    /// Plain numbers or percentages (a value of 0.25 is written `25%`).
    public enum Style: Sendable, Hashable { case number, percent }

    public var style: Style
    /// Values are divided by this before writing (1, 1e3, 1e6, ...).
    public var divisor: Double
    public var suffix: String
    public var decimals: Int
    public var minus: String

    /// The format for ticks `step` apart whose largest magnitude is `maxMagnitude`.
    ///
    /// Numbers below 10,000 in magnitude are written in full with separators (`-2,500`);
    /// from there on they take `k`, `M`, `B`, `T`. Decimals are the fewest that show the
    /// step exactly (`0.25` needs 2).
    public init(step: Double, maxMagnitude: Double, style: Style = .number,
                minus: String = NumberFormat.minusSign) {
        self.style = style
        self.minus = minus
        let factor = style == .percent ? 100.0 : 1.0
        let top = maxMagnitude * factor
        if style == .number && top >= 10_000 {
            (divisor, suffix) = NumberFormat.suffixFor(top)
        } else {
            divisor = 1
            suffix = style == .percent ? "%" : ""
        }
        if style == .percent { suffix = "%" }
        let scaledStep = step * factor / divisor
        decimals = Self.decimalsToShow(scaledStep)
    }

    /// The label of one tick value.
    public func format(_ value: Double) -> String {
        let factor = style == .percent ? 100.0 : 1.0
        // Zero is "0" on any axis, not "0k" or "0.0M".
        if divisor != 1 && (value * factor / divisor).magnitude * NumberFormat.powerOfTen(decimals) < 0.5 { return "0" }
        return NumberFormat.fixed(value * factor / divisor, decimals: decimals, grouping: true,
                                  minus: minus) + suffix
    }

    /// The fewest decimals (0...9) at which `step` is a whole number of units.
    static func decimalsToShow(_ step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        var scaled = step
        for d in 0...9 {
            let nearest = scaled.rounded()
            if nearest > 0 && (scaled - nearest).magnitude <= 1e-6 * scaled { return d }
            scaled *= 10
        }
        return 9
    }
}
