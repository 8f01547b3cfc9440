import Testing
@testable import Venues

/// Uniswap v2 vectors (`uniswap_v2_amounts.json`), exact: every amount must match to the
/// last wei, and one wei more than the expected output must break the pair's invariant.
struct ConstantProductVectorTests {
    struct Vector: Decodable {
        let `case`: String
        let source: String
        let fee_bps: Int
        let amount_in, reserve_in, reserve_out, expected_amount_out: String?
        let amount_out, expected_amount_in: String?
        let amount_out_token0, reserve0, reserve1, amount_in_token0_repaid: String?
        let amount_a, reserve_a, reserve_b, expected_amount_b: String?
    }

    static let vectors: [Vector] = (try? FixtureLoader.decode([Vector].self, from: "uniswap_v2_amounts.json")) ?? []

    @Test func fileHasAllVectors() {
        #expect(Self.vectors.count == 15)
        #expect(Set(Self.vectors.map(\.case)) == ["getAmountOut", "optimistic_flash_swap", "router_getAmountOut", "router_getAmountIn", "router_quote"])
    }

    @Test(arguments: vectors)
    func vector(_ v: Vector) throws {
        let feePips = v.fee_bps * 100
        switch v.case {
        case "getAmountOut", "router_getAmountOut":
            let amountIn = UInt256(decimal: v.amount_in!)
            let reserveIn = UInt256(decimal: v.reserve_in!), reserveOut = UInt256(decimal: v.reserve_out!)
            let out = try ConstantProductMath.getAmountOut(amountIn: amountIn, reserveIn: reserveIn, reserveOut: reserveOut, feePips: feePips)
            #expect(out == UInt256(decimal: v.expected_amount_out!), "\(v.source)")
            // The pair accepts exactly this output and rejects one wei more (`UniswapV2: K`).
            func accepts(_ output: UInt256) -> Bool {
                ConstantProductMath.satisfiesInvariant(
                    balance0: reserveIn + amountIn, balance1: reserveOut - output, amount0In: amountIn, amount1In: 0,
                    reserve0: reserveIn, reserve1: reserveOut, feePips: feePips)
            }
            #expect(accepts(out))
            #expect(!accepts(out + 1))
        case "router_getAmountIn":
            let amountIn = try ConstantProductMath.getAmountIn(
                amountOut: UInt256(decimal: v.amount_out!), reserveIn: UInt256(decimal: v.reserve_in!),
                reserveOut: UInt256(decimal: v.reserve_out!), feePips: feePips)
            #expect(amountIn == UInt256(decimal: v.expected_amount_in!), "\(v.source)")
        case "router_quote":
            let b = try ConstantProductMath.quote(
                amountA: UInt256(decimal: v.amount_a!), reserveA: UInt256(decimal: v.reserve_a!), reserveB: UInt256(decimal: v.reserve_b!))
            #expect(b == UInt256(decimal: v.expected_amount_b!), "\(v.source)")
        case "optimistic_flash_swap":
            // Borrow token0 and repay token0: the repayment must cover the 0.3% fee.
            let out = UInt256(decimal: v.amount_out_token0!), repaid = UInt256(decimal: v.amount_in_token0_repaid!)
            let r0 = UInt256(decimal: v.reserve0!), r1 = UInt256(decimal: v.reserve1!)
            func accepts(_ output: UInt256) -> Bool {
                ConstantProductMath.satisfiesInvariant(
                    balance0: r0 + repaid - output, balance1: r1, amount0In: repaid, amount1In: 0,
                    reserve0: r0, reserve1: r1, feePips: feePips)
            }
            #expect(accepts(out), "\(v.source)")
            #expect(!accepts(out + 1), "\(v.source)")
        default:
            Issue.record("unknown case \(v.case)")
        }
    }

    @Test func revertingInputsAreTypedErrors() {
        #expect(throws: UniswapMathError.insufficientAmount(reason: "INSUFFICIENT_INPUT_AMOUNT")) {
            try ConstantProductMath.getAmountOut(amountIn: 0, reserveIn: 100, reserveOut: 100)
        }
        #expect(throws: UniswapMathError.insufficientLiquidity) {
            try ConstantProductMath.getAmountOut(amountIn: 1, reserveIn: 0, reserveOut: 100)
        }
        #expect(throws: UniswapMathError.insufficientAmount(reason: "INSUFFICIENT_OUTPUT_AMOUNT")) {
            try ConstantProductMath.getAmountIn(amountOut: 0, reserveIn: 100, reserveOut: 100)
        }
        #expect(throws: UniswapMathError.insufficientLiquidity) {
            try ConstantProductMath.getAmountIn(amountOut: 100, reserveIn: 100, reserveOut: 100)
        }
        #expect(throws: UniswapMathError.insufficientAmount(reason: "INSUFFICIENT_AMOUNT")) {
            try ConstantProductMath.quote(amountA: 0, reserveA: 100, reserveB: 200)
        }
    }

    /// By hand: 1 token into 10/10 reserves with 0.3% fee: 0.997*10/(10+0.997) = 0.906610893880149131...
    @Test func amountOutByHand() throws {
        let out = try ConstantProductMath.getAmountOut(amountIn: 1_000, reserveIn: 10_000, reserveOut: 10_000)
        #expect(out == 906)  // 997*10000/(10000*1000+997)*1000 = 906.61 -> 906
    }
}

extension ConstantProductVectorTests.Vector: CustomTestStringConvertible {
    var testDescription: String { "\(self.case) \(source)" }
}
