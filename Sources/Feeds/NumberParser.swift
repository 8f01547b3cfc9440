/// Decimal numbers from raw bytes, without allocation: `3000`, `-0.5`, `39410.22`, `1e-3`,
/// and `nan`/`inf` (so that a NaN price is reported as such, not as "malformed").
///
/// Exactness: with at most 19 significant digits, a mantissa below 2^53 and a decimal
/// exponent within +-22, the result is `Double(mantissa) * 10^e` (or `/ 10^-e`), one
/// correctly rounded IEEE operation on two exact values (Clinger's fast path), so it equals
/// what `Double(String)` gives. Anything else (17+ significant digits, huge exponents)
/// falls back to `Double(String)`: correct, and rare in price files.
enum NumberParser {
    /// 10^e for 0 <= e <= 22: exactly representable as Double. A switch over literals (a
    /// constant table in the binary) rather than a global array, which would cost a lazy
    /// initialisation check and a bounds check on every number.
    @inline(__always)
    static func exactPowerOfTen(_ e: Int) -> Double {
        switch e {
        case 0: 1e0; case 1: 1e1; case 2: 1e2; case 3: 1e3; case 4: 1e4; case 5: 1e5
        case 6: 1e6; case 7: 1e7; case 8: 1e8; case 9: 1e9; case 10: 1e10; case 11: 1e11
        case 12: 1e12; case 13: 1e13; case 14: 1e14; case 15: 1e15; case 16: 1e16
        case 17: 1e17; case 18: 1e18; case 19: 1e19; case 20: 1e20; case 21: 1e21
        default: 1e22
        }
    }

    /// Parses the whole of [p, end) (no surrounding spaces) as a Double; nil if it is not one.
    @inline(__always)
    static func parseDouble(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Double? {
        var p = start
        guard p < end else { return nil }
        var negative = false
        if p.pointee == UInt8(ascii: "-") { negative = true; p += 1 }
        else if p.pointee == UInt8(ascii: "+") { p += 1 }
        guard p < end else { return nil }
        var mantissa: UInt64 = 0
        var significant = 0      // significant digits accumulated in mantissa
        var dropped = 0          // integer digits beyond 19 significant ones
        var exponent = 0
        var digits = 0
        while p < end {
            let d = p.pointee &- 48
            if d > 9 { break }
            if mantissa == 0 && d == 0 { /* leading zero */ }
            else if significant < 19 { mantissa = mantissa &* 10 &+ UInt64(d); significant += 1 }
            else { dropped += 1 }
            digits += 1
            p += 1
        }
        if p < end && p.pointee == UInt8(ascii: ".") {
            p += 1
            while p < end {
                let d = p.pointee &- 48
                if d > 9 { break }
                if mantissa == 0 && d == 0 { exponent -= 1 }
                else if significant < 19 { mantissa = mantissa &* 10 &+ UInt64(d); significant += 1; exponent -= 1 }
                else { significant += 1 }   // more than 19 significant digits: slow path below
                digits += 1
                p += 1
            }
        }
        if digits == 0 { return special(start, end) }
        if p < end && (p.pointee | 0x20) == UInt8(ascii: "e") {
            p += 1
            var expNegative = false
            if p < end && (p.pointee == UInt8(ascii: "-") || p.pointee == UInt8(ascii: "+")) {
                expNegative = p.pointee == UInt8(ascii: "-"); p += 1
            }
            var e = 0
            var expDigits = 0
            while p < end {
                let d = p.pointee &- 48
                if d > 9 { break }
                if e < 100_000 { e = e * 10 + Int(d) }
                expDigits += 1
                p += 1
            }
            if expDigits == 0 { return nil }
            exponent += expNegative ? -e : e
        }
        guard p == end else { return nil }
        if significant <= 19 && dropped == 0 && mantissa <= (1 << 53) {
            var value = Double(mantissa)
            if exponent == 0 || mantissa == 0 {
            } else if exponent > 0 && exponent <= 22 {
                value *= exactPowerOfTen(exponent)
            } else if exponent < 0 && exponent >= -22 {
                value /= exactPowerOfTen(-exponent)
            } else {
                return slow(start, end)
            }
            return negative ? -value : value
        }
        return slow(start, end)
    }

    /// `nan`, `inf`, `infinity` (any case, optional sign), as Swift's parser reads them.
    private static func special(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Double? {
        let n = end - start
        guard n >= 3 && n <= 9 else { return nil }
        return slow(start, end)
    }

    private static func slow(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Double? {
        let text = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        return Double(text)
    }

    /// Parses [p, end) as an unsigned decimal integer with an optional fraction
    /// (`1714377600`, `1714377600.250`): the integer part, the fraction in milliseconds
    /// (truncated to 3 digits), and the count of integer digits. Nil when not of that form
    /// or longer than 18 integer digits.
    @inline(__always)
    static func parseEpoch(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        -> (integer: Int64, fractionMilliseconds: Int64, digits: Int)? {
        var p = start
        var value: Int64 = 0
        var digits = 0
        while p < end {
            let d = p.pointee &- 48
            if d > 9 { break }
            value = value &* 10 &+ Int64(d)
            digits += 1
            p += 1
        }
        guard digits > 0 && digits <= 18 else { return nil }
        var fraction: Int64 = 0
        if p < end && p.pointee == UInt8(ascii: ".") {
            p += 1
            var fractionDigits = 0
            while p < end {
                let d = p.pointee &- 48
                if d > 9 { break }
                if fractionDigits < 3 { fraction = fraction * 10 + Int64(d) }
                fractionDigits += 1
                p += 1
            }
            guard fractionDigits > 0 else { return nil }
            while fractionDigits < 3 { fraction *= 10; fractionDigits += 1 }
        }
        guard p == end else { return nil }
        return (value, fraction, digits)
    }
}
