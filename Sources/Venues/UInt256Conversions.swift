/// `UInt256` to and from text (decimal or hexadecimal) and `Double`.
extension UInt256: CustomStringConvertible, LosslessStringConvertible {
    /// Parses digits in `radix` (2...36, no sign, no prefix, no separators); nil on an empty
    /// string, a bad digit, or a value above 2^256 - 1.
    public init?(_ text: some StringProtocol, radix: Int) {
        guard (2...36).contains(radix), !text.isEmpty else { return nil }
        var value = UInt256.zero
        let base = UInt256(UInt64(radix))
        for character in text.utf8 {
            let digit: UInt64
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(character - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = UInt64(character - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = UInt64(character - UInt8(ascii: "A")) + 10
            default: return nil
            }
            guard digit < UInt64(radix) else { return nil }
            let (shifted, mulOverflow) = value.multipliedReportingOverflow(by: base)
            let (sum, addOverflow) = shifted.addingReportingOverflow(UInt256(digit))
            guard !mulOverflow, !addOverflow else { return nil }
            value = sum
        }
        self = value
    }

    /// Parses a decimal integer.
    public init?(_ description: String) { self.init(description, radix: 10) }

    /// Decimal digits.
    public var description: String { toString(radix: 10) }

    /// Digits in `radix` (2...36), lowercase, no prefix.
    public func toString(radix: Int) -> String {
        precondition((2...36).contains(radix), "radix must be in 2...36")
        if isZero { return "0" }
        let digitsPerChunk: Int, chunkBase: UInt64
        (digitsPerChunk, chunkBase) = {
            // The largest power of the radix that fits a limb: one 128/64 division per chunk.
            var count = 0, power: UInt64 = 1
            while true {
                let (next, overflow) = power.multipliedReportingOverflow(by: UInt64(radix))
                if overflow { return (count, power) }
                power = next; count += 1
            }
        }()
        var chunks: [UInt64] = []
        var rest = self
        let divisor = UInt256(chunkBase)
        while !rest.isZero {
            let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: divisor)
            chunks.append(remainder.w0)
            rest = quotient
        }
        var text = String(chunks.last!, radix: radix)
        for chunk in chunks.dropLast().reversed() {
            let digits = String(chunk, radix: radix)
            text += String(repeating: "0", count: digitsPerChunk - digits.count) + digits
        }
        return text
    }
}

extension UInt256 {
    /// The integer a `Double` holds exactly; nil for a fraction, a negative number, a
    /// non-finite value or one of 2^256 or more. (-0.0 is 0.)
    public init?(exactly value: Double) {
        guard value.isFinite, value.rounded(.towardZero) == value else { return nil }
        if value == 0 { self = .zero; return }
        guard value > 0, value < 0x1p256 else { return nil }
        if value < 0x1p64 { self.init(UInt64(value)); return }
        // value = significand · 2^(exponent - 52), with exponent >= 64.
        let significand = value.significandBitPattern | (1 << 52)
        self = UInt256(significand) << (Int(value.exponent) - 52)
    }
}

extension Double {
    /// The nearest `Double` by the rule attaswift/BigInt uses (keep the top 53 bits, round up
    /// when the next bit and the last kept bit are both 1), so fills computed before the
    /// switch to `UInt256` convert to the very same `Double`s. Exact below 2^53.
    ///
    /// Read straight from the limbs (the top 64 bits, then 54 of them), and scaled by a power
    /// of two built from its bit pattern: every pool's mid price and every fill converts a
    /// few of these, and the general shift and `Double(sign:exponent:significand:)` it used
    /// to go through cost more than the rest of a constant-product quote's floating point.
    @inlinable
    public init(_ value: UInt256) {
        let topLimb: UInt64, nextLimb: UInt64, limbsBelowTop: Int
        if value.w3 != 0 {
            (topLimb, nextLimb, limbsBelowTop) = (value.w3, value.w2, 3)
        } else if value.w2 != 0 {
            (topLimb, nextLimb, limbsBelowTop) = (value.w2, value.w1, 2)
        } else if value.w1 != 0 {
            (topLimb, nextLimb, limbsBelowTop) = (value.w1, value.w0, 1)
        } else {
            (topLimb, nextLimb, limbsBelowTop) = (value.w0, 0, 0)
        }
        let leadingZeros = topLimb.leadingZeroBitCount
        let bits = 64 * limbsBelowTop + 64 - leadingZeros
        if bits <= 53 { self = Double(value.w0); return }
        // The value's top 64 bits, then its top 54: the 53 kept and the one below them.
        let top64 = leadingZeros == 0 ? topLimb : (topLimb &<< UInt64(leadingZeros)) | (nextLimb &>> UInt64(64 - leadingZeros))
        var top = top64 &>> 10
        if top & 3 == 3 { top = (top >> 1) + 1 } else { top >>= 1 }
        // 2^(bits - 53), bits <= 256: a normal Double, so the product is exact.
        self = Double(top) * Double(bitPattern: UInt64(bits - 53 + 1023) << 52)
    }

    /// Sign and magnitude, as `Double(UInt256)` rounds the magnitude.
    public init(_ value: Int256) {
        let magnitude = Double(value.magnitude)
        self = value.isNegative ? -magnitude : magnitude
    }
}
