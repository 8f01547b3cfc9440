/// The exact decimal value of a `Double` and its rounding to a number of places, without
/// Foundation or `printf`: every finite double is m x 2^e, and m x 2^e = m x 5^-e / 10^-e
/// when e < 0, so its decimal expansion is finite and can be written digit for digit.
///
/// This is what makes `Money` agree with C's `%.2f` (correct rounding of the exact binary
/// value, ties to even) while staying locale-free and Foundation-free.
enum ExactDecimal {
    /// How a value half-way between two results is rounded.
    enum Tie: Sendable {
        /// The exact binary value, ties to even: C's `printf`.
        case toEven
        /// The binary product `magnitude x 10^places` (itself rounded to a double), ties away
        /// from zero: the rule the SVG charts were written with (687.8249999999999 x 100 is 68782.5 in
        /// binary and gives 687.83, while printf gives 687.82 from the exact 687.82499999999993...).
        case productAwayFromZero
    }

    /// The decimal digits (most significant first, no leading zeros, `[0]` for zero) of
    /// `magnitude` x 10^places rounded to an integer; `magnitude` finite and >= 0.
    static func scaledDigits(_ magnitude: Double, places: Int, tie: Tie) -> [UInt8] {
        if places <= 22 {
            let scaled = magnitude * powerOfTen(places)
            if scaled < 9.0e15 {
                // Exactly the chart rule; for printf, a fast path where the scaled value is far
                // enough from a tie that rounding the binary product (relative error <= 2^-53)
                // gives the same integer as rounding the exact value.
                let fraction = scaled - scaled.rounded(.down)
                if tie == .productAwayFromZero || (fraction - 0.5).magnitude > scaled * 0x1p-50 + 0x1p-60 {
                    return digits(of: UInt64(scaled.rounded(.toNearestOrAwayFromZero)))
                }
            }
        }
        let (all, fractionDigits) = expansion(magnitude)
        return round(all, keeping: all.count - fractionDigits + places, tie: tie)
    }

    /// The exact expansion of finite `x >= 0`: all its digits, and how many of them follow
    /// the decimal point (`0.375` gives `[3, 7, 5]`, 3).
    static func expansion(_ x: Double) -> (digits: [UInt8], fractionDigits: Int) {
        precondition(x.isFinite && x >= 0)
        if x == 0 { return ([0], 0) }
        var m = x.significandBitPattern
        let e: Int
        if x.exponentBitPattern == 0 { e = -1074 } else { m |= 1 << 52; e = Int(x.exponentBitPattern) - 1075 }
        // Little-endian limbs of 9 decimal digits each.
        var limbs: [UInt64] = [m % base, m / base]
        if e >= 0 {
            var left = e
            while left > 0 { let s = min(left, 30); multiply(&limbs, by: 1 << UInt64(s)); left -= s }
        } else {
            var left = -e
            while left > 0 { let s = min(left, 13); multiply(&limbs, by: power(5, s)); left -= s }
        }
        while limbs.count > 1 && limbs[limbs.count - 1] == 0 { limbs.removeLast() }
        var out = digits(of: limbs[limbs.count - 1])
        for limb in limbs.dropLast().reversed() {
            let d = digits(of: limb)
            out += [UInt8](repeating: 0, count: 9 - d.count) + d
        }
        let fractionDigits = max(0, -e)
        // At least one digit before the point: 0.375 is [0, 3, 7, 5] with 3 after it.
        if out.count <= fractionDigits { out = [UInt8](repeating: 0, count: fractionDigits - out.count + 1) + out }
        return (out, fractionDigits)
    }

    /// `digits` cut to the first `keep` of them (keep may be <= 0 or past the end), rounded on
    /// what is dropped; leading zeros removed (`[0]` for zero).
    static func round(_ digits: [UInt8], keeping keep: Int, tie: Tie) -> [UInt8] {
        if keep >= digits.count { return trimmed(digits + [UInt8](repeating: 0, count: keep - digits.count)) }
        var kept = keep > 0 ? Array(digits[0..<keep]) : []
        let first = keep >= 0 ? digits[keep] : 0
        let rest = digits[max(0, keep >= 0 ? keep + 1 : 0)...].contains { $0 != 0 }
        let roundUp: Bool
        if first > 5 || (first == 5 && rest) {
            roundUp = true
        } else if first == 5 {
            roundUp = tie == .productAwayFromZero || (kept.last ?? 0) % 2 == 1
        } else {
            roundUp = false
        }
        if roundUp {
            var i = kept.count - 1
            while i >= 0 && kept[i] == 9 { kept[i] = 0; i -= 1 }
            if i >= 0 { kept[i] += 1 } else { kept.insert(1, at: 0) }
        }
        return trimmed(kept)
    }

    static func trimmed(_ digits: [UInt8]) -> [UInt8] {
        let firstNonZero = digits.firstIndex { $0 != 0 } ?? digits.count
        return firstNonZero == digits.count ? [0] : Array(digits[firstNonZero...])
    }

    static func digits(of n: UInt64) -> [UInt8] {
        if n == 0 { return [0] }
        var n = n
        var out: [UInt8] = []
        while n > 0 { out.append(UInt8(n % 10)); n /= 10 }
        return out.reversed()
    }

    /// 10^n for n in 0...22, exact in binary floating point.
    static func powerOfTen(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<max(0, n) { p *= 10 }
        return p
    }

    private static let base: UInt64 = 1_000_000_000

    private static func power(_ b: UInt64, _ n: Int) -> UInt64 {
        var p: UInt64 = 1
        for _ in 0..<n { p *= b }
        return p
    }

    /// limbs *= factor (factor < 2^32).
    private static func multiply(_ limbs: inout [UInt64], by factor: UInt64) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let product = limbs[i] * factor + carry
            limbs[i] = product % base
            carry = product / base
        }
        while carry > 0 { limbs.append(carry % base); carry /= base }
    }
}
