import HedgeplanTime

/// A positive span of time: `30s`, `5m`, `1h`, `7d`, `1y` (= 365 days).
public struct TimeSpan: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Length in seconds.
    public var seconds: Double

    public init(seconds: Double) { self.seconds = seconds }

    public static let secondsPerDay = 86_400.0
    /// `YearLength.secondsValue`: `1y` is 365 days.
    public static let secondsPerYear = YearLength.secondsValue

    /// Length in years of 365 days (`YearLength`), the time unit of the pricing models.
    public var years: Double { seconds / Self.secondsPerYear }

    static let units: [(suffix: Character, seconds: Double)] = [
        ("s", 1), ("m", 60), ("h", 3_600), ("d", secondsPerDay), ("w", 7 * secondsPerDay), ("y", secondsPerYear),
    ]

    /// Parses `<number><unit>`; nil when the text is not of that form.
    public init?(parsing text: String) {
        guard let unit = text.last, let factor = Self.units.first(where: { $0.suffix == unit })?.seconds,
            let amount = Double(text.dropLast()), amount.isFinite,
            text.dropLast().allSatisfy({ $0.isNumber || $0 == "." })
        else { return nil }
        self.seconds = amount * factor
    }

    /// The shortest exact form: `7d`, `90m`, `45s`.
    public var description: String {
        for (suffix, factor) in Self.units.reversed() where seconds >= factor && suffix != "w" {
            let amount = seconds / factor
            if amount == amount.rounded() { return "\(Int(amount))\(suffix)" }
        }
        return "\(seconds)s"
    }

    public static func < (a: TimeSpan, b: TimeSpan) -> Bool { a.seconds < b.seconds }
}
