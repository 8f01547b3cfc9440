import Testing
@testable import Venues

/// `UInt256`, `UInt512` and `Int256` against values computed independently with Python's
/// arbitrary-precision integers: `Fixtures/uint256_vectors.json`, written by
/// `Fixtures/make_uint256_vectors.py` (carry and borrow chains across every limb, full-width
/// products, 512/256 divisions by 1- to 4-limb divisors including the ones where Knuth's
/// Algorithm D corrects its quotient estimate or adds the divisor back, shifts by 0...256).
/// The in-source tables below give their provenance row by row.
struct UInt256Tests {
    struct Vectors: Decodable {
        struct Add: Decodable { let a, b, sum: String; let overflow: Bool }
        struct Sub: Decodable { let a, b, difference: String; let overflow: Bool }
        struct Mul: Decodable { let a, b, high, low: String }
        struct MulDiv: Decodable { let a, b, d, why: String; let overflow: Bool; let quotient, remainder: String? }
        struct Div: Decodable { let a, d, quotient, remainder: String }
        struct Shift: Decodable { let a: String; let shift: Int; let left, right: String }
        let add: [Add]
        let sub: [Sub]
        let mul: [Mul]
        let mulDiv: [MulDiv]
        let div: [Div]
        let shift: [Shift]
    }

    static let vectors = try? FixtureLoader.decode(Vectors.self, from: "uint256_vectors.json")

    static func hex(_ text: String) -> UInt256 {
        guard let value = UInt256(text, radix: 16) else { fatalError("not a hex uint256: \(text)") }
        return value
    }

    @Test func fileHasAllVectors() throws {
        let v = try #require(Self.vectors)
        #expect(v.add.count == 90 && v.sub.count == 90 && v.mul.count == 44)
        #expect(v.mulDiv.count == 35 && v.div.count == 36 && v.shift.count == 44)
        #expect(v.mulDiv.filter { $0.why.contains("addback") }.count == 6)
        #expect(v.mulDiv.filter { $0.why.contains("correction") }.count == 9)
    }

    @Test func additionAndSubtraction() throws {
        let v = try #require(Self.vectors)
        for row in v.add {
            let (sum, overflow) = Self.hex(row.a).addingReportingOverflow(Self.hex(row.b))
            #expect(sum == Self.hex(row.sum) && overflow == row.overflow, "\(row.a) + \(row.b)")
            #expect(Self.hex(row.a) &+ Self.hex(row.b) == Self.hex(row.sum))
        }
        for row in v.sub {
            let (difference, overflow) = Self.hex(row.a).subtractingReportingOverflow(Self.hex(row.b))
            #expect(difference == Self.hex(row.difference) && overflow == row.overflow, "\(row.a) - \(row.b)")
        }
    }

    @Test func fullWidthProducts() throws {
        let v = try #require(Self.vectors)
        for row in v.mul {
            let product = Self.hex(row.a).multipliedFullWidth(by: Self.hex(row.b))
            #expect(product == UInt512(high: Self.hex(row.high), low: Self.hex(row.low)), "\(row.a) * \(row.b)")
            let (low, overflow) = Self.hex(row.a).multipliedReportingOverflow(by: Self.hex(row.b))
            #expect(low == Self.hex(row.low) && overflow == (row.high != "0"))
        }
    }

    @Test func mulDivMatchesPython() throws {
        let v = try #require(Self.vectors)
        for row in v.mulDiv {
            let a = Self.hex(row.a), b = Self.hex(row.b), d = Self.hex(row.d)
            if row.overflow {
                #expect(throws: UniswapMathError.self, "\(row.why)") { try FullMath.mulDiv(a, b, d) }
                continue
            }
            let quotient = Self.hex(row.quotient!), remainder = Self.hex(row.remainder!)
            let result = a.multipliedFullWidth(by: b).dividedReportingOverflow(by: d)
            #expect(result?.quotient == quotient && result?.remainder == remainder, "\(row.why)")
            #expect(try FullMath.mulDiv(a, b, d) == quotient, "\(row.why)")
            if remainder.isZero {
                #expect(try FullMath.mulDivRoundingUp(a, b, d) == quotient, "\(row.why)")
            } else if quotient == .max {
                #expect(throws: UniswapMathError.overflow(type: "uint256"), "\(row.why)") { try FullMath.mulDivRoundingUp(a, b, d) }
            } else {
                #expect(try FullMath.mulDivRoundingUp(a, b, d) == quotient + 1, "\(row.why)")
            }
        }
    }

    @Test func divisionMatchesPython() throws {
        let v = try #require(Self.vectors)
        for row in v.div {
            let (quotient, remainder) = Self.hex(row.a).quotientAndRemainder(dividingBy: Self.hex(row.d))
            #expect(quotient == Self.hex(row.quotient) && remainder == Self.hex(row.remainder), "\(row.a) / \(row.d)")
        }
    }

    @Test func shiftsMatchPython() throws {
        let v = try #require(Self.vectors)
        for row in v.shift {
            #expect(Self.hex(row.a) << row.shift == Self.hex(row.left), "\(row.a) << \(row.shift)")
            #expect(Self.hex(row.a) >> row.shift == Self.hex(row.right), "\(row.a) >> \(row.shift)")
        }
    }

    /// The revert conditions of `FullMath.mulDiv`: a zero denominator, and a quotient of
    /// 2^256 or more (by hand: (2^256-1)^2 / (2^256-2) = 2^256 + 1/(2^256-2), so it does not fit).
    @Test func mulDivRevertsWhereTheContractDoes() {
        #expect(throws: UniswapMathError.divisionByZero) { try FullMath.mulDiv(5, 7, 0) }
        #expect(throws: UniswapMathError.divisionByZero) { try FullMath.mulDivRoundingUp(5, 7, 0) }
        #expect(throws: UniswapMathError.overflow(type: "uint256")) { try FullMath.mulDiv(.max, .max, .max - 1) }
        #expect((try? FullMath.mulDiv(.max, .max, .max)) == .max)
        // ceil(7 * 3 / 2) = 11, floor = 10, by hand.
        #expect((try? FullMath.mulDivRoundingUp(7, 3, 2)) == 11)
        #expect((try? FullMath.mulDiv(7, 3, 2)) == 10)
    }

    /// Decimal text round trip; expected digits from Python (`str(10**77 // 7)`, `str(2**256-1)`).
    @Test func decimalText() {
        let tenTo77 = UInt256("100000000000000000000000000000000000000000000000000000000000000000000000000000")!
        #expect((tenTo77 / 7).description == "14285714285714285714285714285714285714285714285714285714285714285714285714285")
        #expect(tenTo77 % 7 == 5)
        #expect(UInt256.max.description == "115792089237316195423570985008687907853269984665640564039457584007913129639935")
        #expect(UInt256(UInt256.max.description) == .max)
        #expect(UInt256("115792089237316195423570985008687907853269984665640564039457584007913129639936") == nil)  // 2^256
        #expect(UInt256("") == nil && UInt256("12a") == nil && UInt256("-1") == nil)
        #expect(UInt256(0).description == "0")
        #expect(UInt256.max.toString(radix: 16) == String(repeating: "f", count: 64))
    }

    /// int256 bounds and checked arithmetic; min from Python (`str(-2**255)`).
    @Test func signedArithmetic() {
        #expect(Int256.min.description == "-57896044618658097711785492504343953926634992332820282019728792003956564819968")
        #expect(Int256(Int256.min.description) == .min)
        #expect(Int256("57896044618658097711785492504343953926634992332820282019728792003956564819968") == nil)  // 2^255
        #expect(Int256.max.addingReportingOverflow(1).overflow)
        #expect(Int256.min.subtractingReportingOverflow(1).overflow)
        #expect(!Int256.min.addingReportingOverflow(Int256.max).overflow)
        #expect(Int256.min + Int256.max == -1)
        #expect(Int256(-5) < Int256(3) && Int256(-5) < Int256(-4) && !(Int256(3) < Int256(-5)))
        #expect(Int256.min.magnitude == UInt256(1) << 255)
        #expect(Int256(-12345).magnitude == 12345)
        #expect(Int256(exactly: UInt256(1) << 255) == nil)
        #expect(throws: UniswapMathError.overflow(type: "int256")) { try EVMWord.sub(Int256.min, 1) }
        #expect(throws: UniswapMathError.overflow(type: "int256")) { try EVMWord.int256(UInt256(1) << 255) }
    }

    /// Double conversions. Exact integers come back exact (Python: `float(2**64 + 2**11)`,
    /// `float(3000 * 10**18)`, `int(1.5e30)`); above 2^53 the rounding is attaswift BigInt
    /// 6.0.1's (round up only when the first dropped bit and the last kept bit are both 1), so
    /// 2^54 + 3 gives 2^54 where correct rounding would give 2^54 + 4 (worked by hand).
    @Test func doubleConversions() {
        #expect(Double(UInt256(1) << 64 + UInt256(1) << 11) == 18_446_744_073_709_553_664.0)
        #expect(Double(UInt256("3000000000000000000000")!) == 3e21)
        #expect(UInt256(exactly: 1.5e30) == UInt256("1499999999999999889089448902656"))
        #expect(Double(UInt256(1) << 54 + 3) == 0x1p54)
        #expect(Double(UInt256(1) << 53 + 3) == 0x1p53 + 4)
        #expect(Double(UInt256.max) == 0x1p256)
        #expect(Double(Int256(-3)) == -3)
        #expect(UInt256(exactly: 0.5) == nil && UInt256(exactly: -1.0) == nil && UInt256(exactly: .infinity) == nil)
        #expect(UInt256(exactly: 0x1p256) == nil)
        #expect(UInt256(exactly: 0x1p255) == UInt256(1) << 255)
        #expect(UInt256(exactly: -0.0) == 0)
    }

    /// The limb-level `Double(UInt256)` against the rule written with whole-number shifts (keep
    /// the top 54 bits, round up when the last two are 11, scale by 2^(bits - 53)), on values
    /// of every bit length 0...256 with pseudo-random low bits, and on the cases that carry
    /// the rounding into a new power of two.
    @Test func doubleConversionMatchesTheShiftRule() {
        func reference(_ value: UInt256) -> Double {
            let bits = value.significantBitCount
            if bits <= 53 { return Double(value.w0) }
            var top = (value >> (bits - 54)).w0
            if top & 3 == 3 { top = (top >> 1) + 1 } else { top >>= 1 }
            return Double(top) * Double(sign: .plus, exponent: bits - 53, significand: 1)
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        for bits in 0...256 {
            for _ in 0..<20 {
                var value = UInt256(w0: next(), w1: next(), w2: next(), w3: next())
                value = bits == 0 ? .zero : (value >> (256 - bits)) | (UInt256(1) << (bits - 1))
                #expect(Double(value).bitPattern == reference(value).bitPattern, "\(value)")
            }
            if bits >= 2 {
                let ones = UInt256.max >> (256 - bits)  // rounds up to 2^bits beyond 53 bits
                #expect(Double(ones).bitPattern == reference(ones).bitPattern, "\(ones)")
            }
        }
    }

    /// Divisions within 128 bits (the runtime's 128-bit division) against the general long
    /// division (`UInt512.dividedUnchecked`, Knuth's Algorithm D), on pseudo-random operands of
    /// every pair of bit lengths in steps of 7, and the quotient-remainder identity.
    @Test func divisionWithin128BitsMatchesLongDivision() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        func random(bits: Int) -> UInt256 {
            let value = UInt256(w0: next(), w1: next(), w2: 0, w3: 0) >> (128 - bits)
            return value | (UInt256(1) << (bits - 1))
        }
        for dividendBits in stride(from: 1, through: 128, by: 7) {
            for divisorBits in stride(from: 1, through: 128, by: 7) {
                let dividend = random(bits: dividendBits), divisor = random(bits: divisorBits)
                let fast = dividend.quotientAndRemainder(dividingBy: divisor)
                let long = UInt512(high: .zero, low: dividend).dividedUnchecked(by: divisor)
                #expect(fast.quotient == long.quotient && fast.remainder == long.remainder, "\(dividend) / \(divisor)")
                #expect(fast.quotient * divisor + fast.remainder == dividend && fast.remainder < divisor)
            }
        }
    }
}
