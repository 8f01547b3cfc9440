import HedgeplanIR

/// How far a steward may move one parameter in one change, relative to its current value:
/// `±20%` either way, `-10%` only down (by at most 10%), `+10%` only up.
public struct ParameterBound: Sendable, Equatable {
    public enum Direction: String, Sendable {
        case either = "±"
        case decreaseOnly = "-"
        case increaseOnly = "+"
    }

    /// The name the policy wrote (`hedge.delta.band`).
    public var name: String
    /// The plan parameter it governs (`GovernedParameter`).
    public var parameter: GovernedParameter
    public var direction: Direction
    /// The largest relative change allowed, as a fraction (0.2 for 20%).
    public var limit: Double
    /// The bound as the policy wrote it: `±20%`.
    public var text: String

    public init(name: String, parameter: GovernedParameter, direction: Direction, limit: Double, text: String) {
        self.text = text
        self.name = name
        self.parameter = parameter
        self.direction = direction
        self.limit = limit
    }

    /// `±20%`, `-10%`, `+5%`: nil when `text` is none of these.
    public static func parse(_ text: String) -> (Direction, Double)? {
        if text.hasPrefix("±") {
            let rest = String(text.dropFirst())
            guard !rest.hasPrefix("+"), !rest.hasPrefix("-"), let f = PercentText.fraction(rest) else { return nil }
            return (.either, f)
        }
        guard let f = PercentText.fraction(text, requireSign: true) else { return nil }
        return f < 0 ? (.decreaseOnly, -f) : (.increaseOnly, f)
    }

    /// Whether moving from `old` to `new` (plan values) stays inside the bound. The relative
    /// change is (new - old) / |old|; a parameter at zero can only stay there.
    public func allows(old: Double, new: Double) -> Bool {
        guard old != 0 else { return new == 0 }
        let relative = (new - old) / abs(old)
        // A hair of tolerance for decimal text: 1 × 1.2 is 1.2000000000000002 in binary.
        let tolerance = 1e-12
        switch direction {
        case .either: return abs(relative) <= limit + tolerance
        case .decreaseOnly: return relative <= tolerance && -relative <= limit + tolerance
        case .increaseOnly: return relative >= -tolerance && relative <= limit + tolerance
        }
    }

}
