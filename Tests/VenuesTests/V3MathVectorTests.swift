import Testing
@testable import Venues

/// Uniswap v3 library vectors, exact: `uniswap_v3_tickmath.json` (49),
/// `uniswap_v3_sqrtpricemath.json` (25, four of which must revert) and
/// `uniswap_v3_swapmath_computeSwapStep.json` (9).
struct V3MathVectorTests {
    struct TickVector: Decodable, CustomTestStringConvertible {
        let fn: String
        let tick: Int
        let sqrtPriceX96: String
        let source: String
        var testDescription: String { "\(fn) tick \(tick) sqrtP \(sqrtPriceX96)" }
    }

    struct SqrtPriceVector: Decodable, CustomTestStringConvertible {
        let fn: String
        let sqrtPX96, liquidity, amount: String?
        let zeroForOne: Bool?
        let sqrtRatioAX96, sqrtRatioBX96: String?
        let roundUp: Bool?
        let expected: String
        let source: String
        var testDescription: String { "\(fn) \(source)" }
    }

    struct StepVector: Decodable, CustomTestStringConvertible {
        let name: String
        let sqrtRatioCurrentX96, sqrtRatioTargetX96, liquidity, amountRemaining: String
        let feePips: Int
        let expected_amountIn, expected_amountOut, expected_feeAmount: String
        let expected_sqrtRatioNextX96: String?
        let source: String
        var testDescription: String { name }
    }

    static let tickVectors = (try? FixtureLoader.decode([TickVector].self, from: "uniswap_v3_tickmath.json")) ?? []
    static let sqrtPriceVectors = (try? FixtureLoader.decode([SqrtPriceVector].self, from: "uniswap_v3_sqrtpricemath.json")) ?? []
    static let stepVectors = (try? FixtureLoader.decode([StepVector].self, from: "uniswap_v3_swapmath_computeSwapStep.json")) ?? []

    @Test func filesHaveAllVectors() {
        #expect(Self.tickVectors.count == 49)
        #expect(Self.sqrtPriceVectors.count == 25)
        #expect(Self.sqrtPriceVectors.filter { $0.expected == "REVERT" }.count == 4)
        #expect(Self.stepVectors.count == 9)
    }

    @Test(arguments: tickVectors)
    func tickMath(_ v: TickVector) throws {
        let sqrtPrice = UInt256(decimal: v.sqrtPriceX96)
        switch v.fn {
        case "getSqrtRatioAtTick":
            #expect(try TickMath.getSqrtRatioAtTick(v.tick) == sqrtPrice, "\(v.source)")
        case "getTickAtSqrtRatio":
            #expect(try TickMath.getTickAtSqrtRatio(sqrtPrice) == v.tick, "\(v.source)")
        default:
            Issue.record("unknown fn \(v.fn)")
        }
    }

    @Test func tickMathBoundsAreTypedErrors() {
        #expect(throws: UniswapMathError.tickOutOfRange(887_273)) { try TickMath.getSqrtRatioAtTick(887_273) }
        #expect(throws: UniswapMathError.tickOutOfRange(-887_273)) { try TickMath.getSqrtRatioAtTick(-887_273) }
        #expect(throws: UniswapMathError.sqrtPriceOutOfRange) { try TickMath.getTickAtSqrtRatio(TickMath.minSqrtRatio - 1) }
        #expect(throws: UniswapMathError.sqrtPriceOutOfRange) { try TickMath.getTickAtSqrtRatio(TickMath.maxSqrtRatio) }
        #expect((try? TickMath.getSqrtRatioAtTick(TickMath.minTick)) == TickMath.minSqrtRatio)
        #expect((try? TickMath.getSqrtRatioAtTick(TickMath.maxTick)) == TickMath.maxSqrtRatio)
    }

    /// Round trip on a spread of ticks (an independent property: the inverse of the inverse).
    @Test func tickRoundTrip() throws {
        for tick in stride(from: -887_271, through: 887_271, by: 7_919) + [-1, 0, 1] {
            let ratio = try TickMath.getSqrtRatioAtTick(tick)
            #expect(try TickMath.getTickAtSqrtRatio(ratio) == tick)
            #expect(try TickMath.getTickAtSqrtRatio(ratio - 1) == tick - 1)
        }
    }

    @Test(arguments: sqrtPriceVectors)
    func sqrtPriceMath(_ v: SqrtPriceVector) throws {
        func compute() throws(UniswapMathError) -> UInt256 {
            switch v.fn {
            case "getNextSqrtPriceFromInput":
                return try SqrtPriceMath.getNextSqrtPriceFromInput(
                    sqrtPX96: UInt256(decimal: v.sqrtPX96!), liquidity: UInt256(decimal: v.liquidity!),
                    amountIn: UInt256(decimal: v.amount!), zeroForOne: v.zeroForOne!)
            case "getNextSqrtPriceFromOutput":
                return try SqrtPriceMath.getNextSqrtPriceFromOutput(
                    sqrtPX96: UInt256(decimal: v.sqrtPX96!), liquidity: UInt256(decimal: v.liquidity!),
                    amountOut: UInt256(decimal: v.amount!), zeroForOne: v.zeroForOne!)
            case "getAmount0Delta":
                return try SqrtPriceMath.getAmount0Delta(
                    UInt256(decimal: v.sqrtRatioAX96!), UInt256(decimal: v.sqrtRatioBX96!),
                    liquidity: UInt256(decimal: v.liquidity!), roundUp: v.roundUp!)
            case "getAmount1Delta":
                return try SqrtPriceMath.getAmount1Delta(
                    UInt256(decimal: v.sqrtRatioAX96!), UInt256(decimal: v.sqrtRatioBX96!),
                    liquidity: UInt256(decimal: v.liquidity!), roundUp: v.roundUp!)
            default:
                fatalError("unknown fn \(v.fn)")
            }
        }
        if v.expected == "REVERT" {
            #expect(throws: UniswapMathError.self, "\(v.source)") { try compute() }
        } else {
            #expect(try compute() == UInt256(decimal: v.expected), "\(v.source)")
        }
    }

    @Test(arguments: stepVectors)
    func computeSwapStep(_ v: StepVector) throws {
        let step = try SwapMath.computeSwapStep(
            sqrtRatioCurrentX96: UInt256(decimal: v.sqrtRatioCurrentX96), sqrtRatioTargetX96: UInt256(decimal: v.sqrtRatioTargetX96),
            liquidity: UInt256(decimal: v.liquidity), amountRemaining: Int256(decimal: v.amountRemaining), feePips: v.feePips)
        #expect(step.amountIn == UInt256(decimal: v.expected_amountIn), "\(v.source)")
        #expect(step.amountOut == UInt256(decimal: v.expected_amountOut), "\(v.source)")
        #expect(step.feeAmount == UInt256(decimal: v.expected_feeAmount), "\(v.source)")
        if let next = v.expected_sqrtRatioNextX96 {
            #expect(step.sqrtRatioNextX96 == UInt256(decimal: next), "\(v.source)")
        } else {
            // The contract's test only asserts the price stopped short of the target.
            #expect(step.sqrtRatioNextX96 < UInt256(decimal: v.sqrtRatioTargetX96), "\(v.source)")
        }
        // Exact input spends exactly the amount: in + fee == remaining when the target is not reached.
        let remaining = Int256(decimal: v.amountRemaining)
        if remaining > 0 {
            #expect(step.amountIn + step.feeAmount <= remaining.magnitude)
        }
    }
}
