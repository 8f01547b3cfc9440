/// Locale-free number formatting: the same `Double` always gives the same characters,
/// whatever the machine's locale, and without Foundation.
///
/// Display formats (tick labels, annotations) use the typographic minus sign U+2212 by
/// default, which lines up with the digits; coordinates in the SVG use ASCII `-`.
public enum NumberFormat {
    /// The minus sign used in labels: U+2212 MINUS SIGN.
    public static let minusSign = "\u{2212}"

    /// `value` rounded half away from zero to `decimals` places (0...9).
    ///
    /// - Parameters:
    ///   - trimZeros: drop trailing fractional zeros (and a bare decimal point).
    ///   - grouping: separate thousands with `,`.
    ///   - minus: the sign written before negative numbers. A value that rounds to zero
    ///     is written without a sign.
    /// Non-finite values are written as `NaN`, `inf` or `-inf`; magnitudes beyond 9e15
    /// are clamped there, which no chart coordinate or scaled label reaches.
    public static func fixed(
        _ value: Double, decimals: Int, trimZeros: Bool = false, grouping: Bool = false,
        minus: String = "-"
    ) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? minus + "inf" : "inf" }
        let places = max(0, min(9, decimals))
        let scale = powerOfTen(places)
        let scaled = min((value.magnitude * scale).rounded(.toNearestOrAwayFromZero), 9e15)
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let whole = units / divisor
        var fraction = units % divisor

        var out = ""
        if value < 0 && units != 0 { out += minus }
        out += grouping ? grouped(whole) : String(whole)
        guard places > 0 else { return out }
        var digits = [Character](repeating: "0", count: places)
        var i = places - 1
        while i >= 0 {
            digits[i] = Character(Unicode.Scalar(UInt8(48 + fraction % 10)))
            fraction /= 10
            i -= 1
        }
        var count = places
        if trimZeros { while count > 0 && digits[count - 1] == "0" { count -= 1 } }
        if count > 0 {
            out += "."
            out += String(digits[0..<count])
        }
        return out
    }

    /// An SVG coordinate: at most 2 decimals, trailing zeros dropped, ASCII minus.
    @inline(__always)
    public static func coordinate(_ value: Double) -> String {
        fixed(value, decimals: 2, trimZeros: true)
    }

    /// A single number for a label, compact and readable:
    /// `2,638`, `-1,380`, `62.5`, `0.25`, `12.3k`, `3.5M`, `1.2B`.
    ///
    /// Below 10,000 the number is written in full with thousands separators (0 decimals from
    /// 100 up, up to 2 from 1 up, about 3 significant digits below 1); from 10,000 up it
    /// takes a `k`, `M`, `B` or `T` suffix with 3 significant digits.
    public static func compact(_ value: Double, minus: String = minusSign) -> String {
        guard value.isFinite else { return fixed(value, decimals: 0, minus: minus) }
        let magnitude = value.magnitude
        if magnitude < 10_000 {
            let decimals: Int
            if magnitude >= 100 { decimals = 0 }
            else if magnitude >= 1 { decimals = 2 }
            else if magnitude == 0 { decimals = 0 }
            else { decimals = min(9, 2 - decimalExponent(magnitude)) }
            return fixed(value, decimals: decimals, trimZeros: true, grouping: true, minus: minus)
        }
        var (divisor, suffix) = suffixFor(magnitude)
        var scaled = magnitude / divisor
        // 999,950 would round to "1000k": move to the next suffix instead.
        if scaled.rounded() >= 1000 && suffix != "T" {
            (divisor, suffix) = suffixFor(magnitude * 1000)
            scaled = magnitude / divisor
        }
        let decimals = scaled >= 100 ? 0 : (scaled >= 10 ? 1 : 2)
        let signed = value < 0 ? -scaled : scaled
        return fixed(signed, decimals: decimals, trimZeros: true, grouping: true, minus: minus) + suffix
    }

    /// The divisor and suffix for a magnitude of at least 10,000.
    static func suffixFor(_ magnitude: Double) -> (Double, String) {
        if magnitude >= 1e12 { return (1e12, "T") }
        if magnitude >= 1e9 { return (1e9, "B") }
        if magnitude >= 1e6 { return (1e6, "M") }
        return (1e3, "k")
    }

    /// `1,234,567` for 1234567.
    static func grouped(_ n: UInt64) -> String {
        let plain = Array(String(n))
        guard plain.count > 3 else { return String(plain) }
        var out = ""
        out.reserveCapacity(plain.count + plain.count / 3)
        for (i, c) in plain.enumerated() {
            if i > 0 && (plain.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// 10^n for n in 0...22, exact in binary floating point.
    static func powerOfTen(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<max(0, n) { p *= 10 }
        return p
    }

    /// The integer e with 10^e <= x < 10^(e+1), for finite x > 0.
    static func decimalExponent(_ x: Double) -> Int {
        precondition(x > 0 && x.isFinite)
        var e = 0
        var p = 1.0
        if x >= 1 {
            while p * 10 <= x { p *= 10; e += 1 }
        } else {
            // Divide rather than multiply by 0.1 so that 10^-k stays correctly rounded.
            while x < 1 / p { p *= 10; e -= 1 }
        }
        return e
    }
}

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
