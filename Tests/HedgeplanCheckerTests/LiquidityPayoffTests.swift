import Foundation
import HedgeplanChecker
import HedgeplanDiagnostics
import HedgeplanIR
import Testing

/// An lp leg's loss over the whole half-line [0, inf), not on a spot grid (issue 10, item 9):
/// a full-range position loses its whole capital only as spot -> 0, which a grid of 0.36x
/// to 2.8x spot never reaches.
struct LiquidityPayoffTests {
    static let now = Instant(iso8601: "2026-11-25T12:00:00Z")!

    static func check(_ text: String) throws -> Checker.Result {
        let loaded = StrategyLoader.load(text: text, path: "lp.yaml", now: now)
        let strategy = try #require(loaded.strategy, "\(loaded.diagnostics.map(\.message))")
        #expect(!loaded.hasErrors)
        return Checker.check(strategy)
    }

    static func fullRange(maxLoss: String) -> String {
        """
        hedgeplan: 1
        name: lp-full-range
        underlying: ETH/USDC
        market: { spot: 3000, volatility: 60%, rate: 4% }
        legs:
          - { id: pool, side: long, type: lp, venue: univ2, capital: 100000 }
        risk:
          max_loss: \(maxLoss)
        execution:
          venues:
            - { name: univ2, kind: constant-product, reserves: { base: 4000, quote: 12000000 }, fee: 0.30% }
        """
    }

    /// 300,000 USDC on [2400, 3600] at 3000 plus 40 long puts 2400 bought for 50 (expiring in 30 days).
    static func rangedWithPuts(maxLoss: String) -> String {
        """
        hedgeplan: 1
        name: lp-ranged-puts
        underlying: ETH/USDC
        market: { spot: 3000, volatility: 60%, rate: 4% }
        legs:
          - { id: pool, side: long, type: lp, venue: univ3, capital: 300000, range: [2400, 3600] }
          - { id: floor, side: long, type: put, strike: 2400, expiry: 30d, quantity: 40, premium: 50 }
        risk:
          max_loss: \(maxLoss)
        execution:
          venues:
            - name: univ3
              kind: concentrated-liquidity
              fee: 0.05%
              positions: [{ range: [2400, 3600], liquidity: 9.0e5 }]
        """
    }

    /// Before: the grid's lowest spot (~1,069 at 60% volatility over 30 days) showed a loss of
    /// 40,312.20 USDC (100,000 - 2 L sqrt(1068.79) with L = 100,000 / (2 sqrt(3000))), so a
    /// declared 60,000 passed as proven. The position is worth 2 L sqrt(S): it loses the full
    /// 100,000 as S -> 0.
    @Test func aFullRangePositionWithAnUnderstatedMaxLossIsRefusedAtTheDeclaration() throws {
        let text = Self.fullRange(maxLoss: "60000")
        let result = try Self.check(text)
        let errors = result.diagnostics.filter { $0.severity == .error }
        let error = try #require(errors.first, "an understated max_loss passed")
        #expect(errors.count == 1)
        #expect(error.rule == .riskBound)
        #expect(error.message == "max loss 100,000.00 USDC at spot 0 exceeds the declared 60,000.00 USDC by 40,000.00 USDC")
        #expect(error.location.file == "lp.yaml")
        #expect(error.location.line == 8 && error.location.column == 13)
        #expect(result.analysis?.payoff.isModelBased == false)
    }

    @Test func aFullRangePositionDeclaringItsCapitalAsMaxLossPasses() throws {
        let result = try Self.check(Self.fullRange(maxLoss: "100000"))
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        let payoff = try #require(result.analysis?.payoff)
        #expect(payoff.maxLoss.map { ($0.amount * 100).rounded() / 100 } == 100_000)
        // 2 L sqrt(S) grows without bound (slowly): no max profit; breakeven at the entry spot.
        #expect(payoff.maxProfit == nil)
        #expect(payoff.breakevens.count == 1)
        #expect(abs(payoff.breakevens[0] - 3000) < 1e-6)
    }

    /// Independent numbers (Python, numpy and scipy, formulas written from the Uniswap v3
    /// whitepaper, 6.2.1, not from this code):
    ///
    ///     def lp_value(S, L, pa, pb):  # x S + y
    ///         x = L(1/sqrt(pa) - 1/sqrt(pb)) if S < pa else L(1/sqrt(S) - 1/sqrt(pb)) if S < pb else 0
    ///         y = 0 if S < pa else L(sqrt(S) - sqrt(pa)) if S < pb else L(sqrt(pb) - sqrt(pa))
    ///     L = 300000 / lp_value(3000, 1, 2400, 3600)                  # 28423.311594215986
    ///     pnl(S) = lp_value(S, L, 2400, 3600) - 300000 + 40 (max(2400 - S, 0) - 50)
    ///     on np.linspace(0, 1e5, 2_000_001): min -206000.0 at 0, max 10946.491533714405 from 3600 on
    ///     brentq(pnl, 2400, 3600) = 3046.26524795808
    ///
    /// By hand: at 0 the pool is worth nothing and the puts pay 40 x 2400 = 96,000, less
    /// 300,000 of capital and 2,000 of premium: -206,000. Below 2400 the slope is the pool's
    /// 106.4 ETH less the puts' 40, so 0 is the low; above 3600 the pool is all USDC,
    /// L (60 - sqrt(2400)) = 312,946.49, and the P&L is flat at 10,946.49.
    @Test func aRangedPositionWithPutsMatchesTheIndependentFigures() throws {
        let result = try Self.check(Self.rangedWithPuts(maxLoss: "206000"))
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        let payoff = try #require(result.analysis?.payoff)
        let loss = try #require(payoff.maxLoss)
        #expect(abs(loss.amount - 206_000) < 1e-6)
        #expect(loss.regions.map(\.description) == ["at spot 0"])
        let profit = try #require(payoff.maxProfit)
        #expect(abs(profit.amount - 10_946.491533714405) < 1e-6)
        #expect(profit.regions.map(\.description) == ["at spot >= 3,600"])
        #expect(payoff.breakevens.count == 1)
        #expect(abs(payoff.breakevens[0] - 3_046.26524795808) < 1e-6)
        #expect(payoff.slopeAtInfinity == 0)
    }

    /// The grid (down to ~1,069 here) saw a loss of about 156,000 and let 200,000 pass.
    @Test func aRangedPositionUnderstatingItsLossIsRefused() throws {
        let result = try Self.check(Self.rangedWithPuts(maxLoss: "200000"))
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message == "max loss 206,000.00 USDC at spot 0 exceeds the declared 200,000.00 USDC by 6,000.00 USDC")
        #expect(error.location.line == 9 && error.location.column == 13)
    }

    /// A full-range position with its delta shorted as a static perp leg: 2 L sqrt(S) - q S
    /// falls without bound, which no max_loss can cover.
    @Test func aFullRangePositionShortMoreThanItHoldsIsUnbounded() throws {
        let text = Self.fullRange(maxLoss: "100000").replacingOccurrences(
            of: "capital: 100000 }\n",
            with: "capital: 100000 }\n  - { id: short, side: short, type: perp, quantity: 16.6667 }\n")
        let result = try Self.check(text)
        let payoff = try #require(result.analysis?.payoff)
        #expect(payoff.maxLoss == nil)
        #expect(abs(payoff.slopeAtInfinity + 16.6667) < 1e-9)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message.hasPrefix("the loss at expiry is unbounded as spot rises"))
    }

    /// Each piece a + b S + c sqrt(S): the full-range pool alone is 2 L sqrt(S) - capital.
    @Test func theFullRangePieceIsTwoLRootS() throws {
        let result = try Self.check(Self.fullRange(maxLoss: "100000"))
        let legs = try #require(result.analysis?.legs)
        let payoff = try #require(RootLinearPayoff(legs: legs))
        let l = 100_000 / (2 * 3000.0.squareRoot())
        #expect(payoff.breakpoints.isEmpty)
        #expect(payoff.pieces.count == 1)
        #expect(abs(payoff.pieces[0].root - 2 * l) < 1e-9)
        #expect(payoff.pieces[0].slope == 0)
        #expect(payoff.pieces[0].constant == -100_000)
        #expect(payoff.slopeAtZero == .infinity)
    }

    @Test func piecesFindTheirZerosAndPeaks() {
        // 30 - S + 11 sqrt(S) = 0 at sqrt(S) = (11 + sqrt(121 + 120)) / 2 = 13.262..., S = 175.88...;
        // peak at sqrt(S) = 11/2, S = 30.25.
        let piece = RootLinearPayoff.Piece(constant: 30, slope: -1, root: 11)
        let zeros = piece.zeros(after: 0, before: .infinity)
        let u = (11 + 241.0.squareRoot()) / 2
        #expect(zeros.count == 1)
        #expect(abs(zeros[0] - u * u) < 1e-9)
        #expect(piece.peak == 30.25)
        #expect(piece.zeros(after: 0, before: 100).isEmpty)
    }
}
