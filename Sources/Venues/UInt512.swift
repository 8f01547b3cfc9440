/// A 512-bit unsigned integer, `high`·2^256 + `low`: the intermediate product of
/// `FullMath.mulDiv`, which the contract keeps in two words (`prod1`, `prod0`).
///
/// The contract divides it by a 256-bit denominator with a modular-inverse trick that needs
/// the EVM's `mulmod`; here the same quotient comes from schoolbook long division on 64-bit
/// limbs (Knuth, TAOCP vol. 2, 4.3.1, Algorithm D), each quotient limb estimated with the
/// CPU's 128/64 division. Both give floor(product / denominator) and both refuse exactly
/// when the quotient does not fit 256 bits, i.e. when `denominator <= prod1`.
public struct UInt512: Sendable, Hashable {
    public var high: UInt256
    public var low: UInt256

    @inlinable
    public init(high: UInt256, low: UInt256) { self.high = high; self.low = low }

    /// floor(self / divisor) and the remainder, or nil when the divisor is zero or the
    /// quotient needs more than 256 bits (the cases where `FullMath.mulDiv` reverts).
    @inlinable
    public func dividedReportingOverflow(by divisor: UInt256) -> (quotient: UInt256, remainder: UInt256)? {
        guard high < divisor else { return nil }  // also rejects divisor == 0
        return dividedUnchecked(by: divisor)
    }

    /// Long division. Precondition: `high < divisor` (so the quotient fits 256 bits and the
    /// divisor is not zero).
    @usableFromInline
    func dividedUnchecked(by divisor: UInt256) -> (quotient: UInt256, remainder: UInt256) {
        if divisor.nonzeroBitCount == 1 {
            // A power of two (Q96, Q128 in the contracts): a shift.
            let k = divisor.trailingZeroBitCount
            return ((high << (256 - k)) | (low >> k), low & (divisor &- 1))
        }
        // Dividend limbs u[0..<8] (one spare limb for normalization), divisor limbs v[0..<n].
        var u = InlineArray<9, UInt64>(repeating: 0)
        for i in 0..<4 {
            u[i] = low[limb: i]
            u[i + 4] = high[limb: i]
        }
        var m = 8
        while m > 0 && u[m - 1] == 0 { m -= 1 }
        let n = divisor.significantLimbCount
        if m < n { return (.zero, low) }  // dividend < divisor (high is zero here)

        // Normalize: shift both so the divisor's top limb has its top bit set, which makes
        // each estimated quotient limb at most 2 too large and lets the 128/64 divisions use
        // one precomputed reciprocal.
        let shift = UInt64(divisor[limb: n - 1].leadingZeroBitCount)
        var v = InlineArray<4, UInt64>(repeating: 0)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var limb = divisor[limb: i] &<< shift
            if shift != 0 && i > 0 { limb |= divisor[limb: i - 1] &>> (64 - shift) }
            v[i] = limb
        }
        u[m] = shift == 0 ? 0 : u[m - 1] &>> (64 - shift)
        for i in stride(from: m - 1, through: 0, by: -1) {
            var limb = u[i] &<< shift
            if shift != 0 && i > 0 { limb |= u[i - 1] &>> (64 - shift) }
            u[i] = limb
        }
        let vTop = v[n - 1]
        let reciprocal = Self.reciprocal(vTop)
        var quotient = InlineArray<8, UInt64>(repeating: 0)

        if n == 1 {
            // Short division: the running remainder stays below the divisor (u[m] < 2^shift).
            var remainder = u[m]
            for i in stride(from: m - 1, through: 0, by: -1) {
                (quotient[i], remainder) = Self.divide(remainder, u[i], by: vTop, reciprocal: reciprocal)
            }
            return (Self.limbs(quotient), UInt256(remainder &>> shift))
        }

        let vNext = v[n - 2]
        for j in stride(from: m - n, through: 0, by: -1) {
            // Estimate q̂ = (u[j+n]·b + u[j+n-1]) / v[n-1], then correct it with v[n-2].
            var qHat: UInt64, rHat: UInt64, rHatOverflow: Bool
            if u[j + n] >= vTop {  // only equality is possible; q̂ would be b
                qHat = .max
                (rHat, rHatOverflow) = u[j + n - 1].addingReportingOverflow(vTop)
            } else {
                (qHat, rHat) = Self.divide(u[j + n], u[j + n - 1], by: vTop, reciprocal: reciprocal)
                rHatOverflow = false
            }
            while !rHatOverflow {
                let (productHigh, productLow) = qHat.multipliedFullWidth(by: vNext)
                guard productHigh > rHat || (productHigh == rHat && productLow > u[j + n - 2]) else { break }
                qHat -= 1
                (rHat, rHatOverflow) = rHat.addingReportingOverflow(vTop)
            }

            // u[j...j+n] -= q̂ · v
            var carry: UInt64 = 0, borrow: UInt64 = 0
            for i in 0..<n {
                let (productHigh, productLow) = qHat.multipliedFullWidth(by: v[i])
                let (subtrahend, c) = productLow.addingReportingOverflow(carry)
                carry = productHigh &+ (c ? 1 : 0)
                let (d1, b1) = u[i + j].subtractingReportingOverflow(subtrahend)
                let (d2, b2) = d1.subtractingReportingOverflow(borrow)
                u[i + j] = d2
                borrow = (b1 || b2) ? 1 : 0
            }
            let (t1, b1) = u[j + n].subtractingReportingOverflow(carry)
            let (t2, b2) = t1.subtractingReportingOverflow(borrow)
            u[j + n] = t2
            if b1 || b2 {
                // q̂ was one too large (probability ~2/b): add the divisor back.
                qHat -= 1
                var addCarry: UInt64 = 0
                for i in 0..<n {
                    let (s1, c1) = u[i + j].addingReportingOverflow(v[i])
                    let (s2, c2) = s1.addingReportingOverflow(addCarry)
                    u[i + j] = s2
                    addCarry = (c1 || c2) ? 1 : 0
                }
                u[j + n] = u[j + n] &+ addCarry
            }
            quotient[j] = qHat
        }

        // The remainder is u[0..<n], still shifted left by `shift`.
        var remainder = UInt256.zero
        for i in 0..<n {
            var limb = u[i] &>> shift
            if shift != 0 { limb |= u[i + 1] &<< (64 - shift) }
            remainder[limb: i] = limb
        }
        return (Self.limbs(quotient), remainder)
    }

    /// floor((2^128 - 1) / d) - 2^64 for a normalized d (top bit set): the reciprocal that
    /// turns each 128/64 division into two multiplications (Möller and Granlund, "Improved
    /// division by invariant integers", IEEE Trans. Computers 60(2), 2011, section 3).
    @inline(__always)
    static func reciprocal(_ d: UInt64) -> UInt64 {
        d.dividingFullWidth((~d, .max)).quotient
    }

    /// (high·2^64 + low) / d and the remainder, for a normalized d and high < d, with
    /// `reciprocal(d)` (Möller and Granlund, Algorithm 4).
    @inline(__always)
    static func divide(_ high: UInt64, _ low: UInt64, by d: UInt64, reciprocal: UInt64) -> (quotient: UInt64, remainder: UInt64) {
        let (productHigh, productLow) = reciprocal.multipliedFullWidth(by: high)
        let (sumLow, carry) = productLow.addingReportingOverflow(low)
        var quotient = productHigh &+ high &+ 1 &+ (carry ? 1 : 0)
        var remainder = low &- quotient &* d
        if remainder > sumLow {
            quotient &-= 1
            remainder &+= d
        }
        if remainder >= d {
            quotient &+= 1
            remainder &-= d
        }
        return (quotient, remainder)
    }

    /// The low four limbs (the quotient fits them by the precondition).
    @inline(__always)
    static func limbs(_ limbs: InlineArray<8, UInt64>) -> UInt256 {
        UInt256(w0: limbs[0], w1: limbs[1], w2: limbs[2], w3: limbs[3])
    }
}
