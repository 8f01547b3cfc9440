/// Locale-free number text: the same `Double` always gives the same characters, whatever
/// the machine's locale, without Foundation.
///
/// Display formats (tick labels, annotations) use the typographic minus sign U+2212 where
/// asked, which lines up with the digits; coordinates in SVG use ASCII `-`.
public enum NumberFormat {
    /// The minus sign used in labels: U+2212 MINUS SIGN.
    public static let minusSign = "\u{2212}"

    /// How a value is rounded to its last place.
    public enum Rounding: Sendable {
        /// The exact binary value, ties to even: what C's `printf("%.2f")` writes (0.285 is
        /// 0.28499999999999998 and gives `0.28`; 0.125 gives `0.12`); money and report figures.
        case halfToEven
        /// `value x 10^decimals` as computed in binary, ties away from zero (`2.5` gives `3`,
        /// 687.8249999999999 gives `687.83` because its x 100 is 68782.5 in binary): chart
        /// coordinates and labels, which the SVG goldens were written with.
        case halfAwayFromZero
    }

    /// `value` rounded to `decimals` places (0...1100).
    ///
    /// - Parameters:
    ///   - trimZeros: drop trailing fractional zeros (and a bare decimal point).
    ///   - grouping: separate thousands with `,`.
    ///   - minus: the sign written before negative numbers. A value that rounds to zero
    ///     is written without a sign.
    /// Non-finite values are written as `NaN`, `inf` or `-inf`.
    public static func fixed(
        _ value: Double, decimals: Int, trimZeros: Bool = false, grouping: Bool = false,
        minus: String = "-", rounding: Rounding = .halfAwayFromZero
    ) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? minus + "inf" : "inf" }
        let places = max(0, min(1_100, decimals))
        var digits = ExactDecimal.scaledDigits(value.magnitude, places: places,
                                               tie: rounding == .halfToEven ? .toEven : .productAwayFromZero)
        let isZero = digits == [0]
        if digits.count <= places { digits = [UInt8](repeating: 0, count: places - digits.count + 1) + digits }
        let whole = digits[0..<(digits.count - places)]
        var fraction = digits[(digits.count - places)...]
        if trimZeros { while fraction.last == 0 { fraction = fraction.dropLast() } }

        var out = value < 0 && !isZero ? minus : ""
        out += grouping ? groupedDigits(Array(whole)) : text(whole)
        if !fraction.isEmpty { out += "." + text(fraction) }
        return out
    }

    /// An SVG coordinate: at most 2 decimals, trailing zeros dropped, ASCII minus.
    @inline(__always)
    public static func coordinate(_ value: Double) -> String {
        fixed(value, decimals: 2, trimZeros: true)
    }

    /// A fraction as a percentage: `percent(0.0825, decimals: 2) == "8.25%"`.
    public static func percent(
        _ fraction: Double, decimals: Int, trimZeros: Bool = false, minus: String = "-",
        rounding: Rounding = .halfAwayFromZero
    ) -> String {
        fixed(fraction * 100, decimals: decimals, trimZeros: trimZeros, minus: minus, rounding: rounding) + "%"
    }

    /// A number as a user wrote it: `2500`, `0.25`, `9.0e+17` (whole numbers below 1e16
    /// without a trailing `.0`; otherwise Swift's shortest round-trip text).
    public static func asWritten(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e16 { return String(Int64(value)) }
        return String(value)
    }

    /// `value` to `digits` significant digits (1...17) as C's `%.{digits}g` writes it:
    /// `0.0001234`, `1.235e-05`, `-2.5e+07`; trailing zeros dropped.
    public static func significant(_ value: Double, digits: Int) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let precision = max(1, min(17, digits))
        let sign = value.sign == .minus ? "-" : ""
        if value == 0 { return sign + "0" }
        let (all, fractionDigits) = ExactDecimal.expansion(value.magnitude)
        let leading = all.firstIndex { $0 != 0 } ?? 0
        // Decimal exponent of the first significant digit, then of the rounded value.
        var exponent = all.count - fractionDigits - 1 - leading
        var kept = ExactDecimal.round(Array(all[leading...]), keeping: precision, tie: .toEven)
        if kept.count > precision { kept.removeLast(kept.count - precision); exponent += 1 }
        while kept.count < precision { kept.append(0) }
        while kept.count > 1 && kept.last == 0 { kept.removeLast() }
        if exponent < -4 || exponent >= precision {
            let mantissa = text(kept[0...0]) + (kept.count > 1 ? "." + text(kept[1...]) : "")
            let e = abs(exponent)
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
        }
        if exponent < 0 {
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + text(kept[...])
        }
        let wholeCount = exponent + 1
        let padded = kept + [UInt8](repeating: 0, count: max(0, wholeCount - kept.count))
        let whole = text(padded[0..<wholeCount])
        let fraction = padded.count > wholeCount ? "." + text(padded[wholeCount...]) : ""
        return sign + whole + fraction
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

    /// The divisor and suffix for a magnitude of at least 10,000: `k`, `M`, `B` or `T`.
    public static func suffixFor(_ magnitude: Double) -> (Double, String) {
        if magnitude >= 1e12 { return (1e12, "T") }
        if magnitude >= 1e9 { return (1e9, "B") }
        if magnitude >= 1e6 { return (1e6, "M") }
        return (1e3, "k")
    }

    /// An integer with thousands separators: `1,234,567`, `-26,280`.
    public static func grouped(_ n: some BinaryInteger) -> String {
        (n < 0 ? "-" : "") + groupedDigits(ExactDecimal.digits(of: UInt64(n.magnitude)))
    }

    /// 10^n for n in 0...22, exact in binary floating point.
    public static func powerOfTen(_ n: Int) -> Double { ExactDecimal.powerOfTen(n) }

    /// The integer e with 10^e <= x < 10^(e+1), for finite x > 0.
    public static func decimalExponent(_ x: Double) -> Int {
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

    static func text(_ digits: some Collection<UInt8>) -> String {
        String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
    }

    static func groupedDigits(_ digits: [UInt8]) -> String {
        guard digits.count > 3 else { return text(digits) }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + digits.count / 3)
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(d + 48)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
