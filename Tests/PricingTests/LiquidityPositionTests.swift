import Foundation
import Testing
@testable import Pricing

@Suite struct LiquidityPositionTests {
    /// Full range, against direct x*y=k reasoning: a pool with reserves (x0, y0) at P0 = y0/x0
    /// moved by arbitrage to price P keeps x*y = k with y/x = P, so x = sqrt(k/P), y = sqrt(k P).
    @Test func fullRangeFollowsTheConstantProduct() throws {
        let x0 = 10.0, y0 = 30_000.0
        let pos = try LiquidityPosition.fullRange(base: x0, quote: y0)
        for p in [500.0, 2_999.0, 3_000.0, 4_500.0, 12_000.0] {
            let a = pos.amounts(at: p)
            let k = x0 * y0
            #expect(abs(a.base - (k / p).squareRoot()) < 1e-9)
            #expect(abs(a.quote - (k * p).squareRoot()) < 1e-7)
            #expect(abs(a.base * a.quote - k) < 1e-6)
            // The classic closed form of impermanent loss.
            let r = p / 3_000
            #expect(abs(pos.impermanentLoss(at: p, entry: 3_000) - (2 * r.squareRoot() / (1 + r) - 1)) < 1e-12)
        }
    }

    /// Concentrated range, against a direct swap simulation: swapping along x*y = L^2 between
    /// virtual reserves (Uniswap v3 whitepaper, eq. 2.2: (x + L/sqrt pb)(y + L sqrt pa) = L^2).
    @Test func concentratedRangeMatchesVirtualReserves() throws {
        let pa = 2_000.0, pb = 4_000.0, l = 1_000.0
        let pos = try LiquidityPosition(liquidity: l, lower: pa, upper: pb)
        for p in [2_000.0, 2_500.0, 3_000.0, 3_999.0, 4_000.0] {
            let a = pos.amounts(at: p)
            let xv = a.base + l / pb.squareRoot(), yv = a.quote + l * pa.squareRoot()
            #expect(abs(xv * yv - l * l) < 1e-6 * l * l, "invariant at \(p)")
            #expect(abs(yv / xv - p) < 1e-9 * p, "price at \(p)")
        }
        // Outside the range the position is all in one token.
        #expect(pos.amounts(at: 1_000).quote == 0)
        #expect(abs(pos.amounts(at: 1_000).base - l * (1 / pa.squareRoot() - 1 / pb.squareRoot())) < 1e-12)
        #expect(pos.amounts(at: 9_000).base == 0)
        #expect(abs(pos.value(at: 9_000) - l * (pb.squareRoot() - pa.squareRoot())) < 1e-9)
        #expect(pos.gamma(at: 1_000) == 0 && pos.gamma(at: 9_000) == 0)
    }

    /// Delta and gamma against central finite differences of the value.
    @Test func greeksMatchFiniteDifferences() throws {
        let positions = [try LiquidityPosition.fullRange(liquidity: 500),
                         try LiquidityPosition(liquidity: 800, lower: 1_500, upper: 2_500)]
        for pos in positions {
            for p in [1_200.0, 1_700.0, 2_000.0, 2_300.0, 3_000.0] {
                let h = 1e-4 * p
                let fd1 = (pos.value(at: p + h) - pos.value(at: p - h)) / (2 * h)
                let fd2 = (pos.delta(at: p + h) - pos.delta(at: p - h)) / (2 * h)
                #expect(abs(pos.delta(at: p) - fd1) < 1e-6 * max(1, abs(fd1)), "delta at \(p)")
                #expect(abs(pos.gamma(at: p) - fd2) < 1e-5 * max(1e-6, abs(fd2)), "gamma at \(p)")
            }
        }
    }

    @Test func impermanentLossIsNeverPositive() throws {
        let pos = try LiquidityPosition(liquidity: 100, lower: 900, upper: 1_100)
        for p in stride(from: 500.0, through: 2_000, by: 37) {
            #expect(pos.impermanentLoss(at: p, entry: 1_000) <= 1e-15)
        }
        #expect(abs(pos.impermanentLoss(at: 1_000, entry: 1_000)) < 1e-15)
    }

    @Test func invalidPositionsAreRejected() {
        #expect(throws: PricingInputError.self) { try LiquidityPosition(liquidity: -1, lower: 1, upper: 2) }
        #expect(throws: PricingInputError.self) { try LiquidityPosition(liquidity: 1, lower: 2, upper: 2) }
        #expect(throws: PricingInputError.self) { try LiquidityPosition(liquidity: .nan, lower: 1, upper: 2) }
        #expect(throws: PricingInputError.self) { try LiquidityPosition.fullRange(base: 0, quote: 1) }
    }
}
