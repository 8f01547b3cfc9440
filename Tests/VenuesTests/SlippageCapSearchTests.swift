import Foundation
import Testing
@testable import Venues

/// The slippage cap found from a venue's floating-point estimate against the marginal-bound
/// bisection (an independent search over the same exact quotes, from a different bracket),
/// and the number of exact quotes it takes.
///
/// Near the cap, the raw unit a fill's QUOTE is rounded to makes "within the cap" flicker
/// over a narrow band of sizes: both searches land in that band, so they agree to its width
/// (about 2e-8 relative on the constant-product pool, where a 0.5% cap is ~24,000 QUOTE
/// rounded to 1e-6), not always to the last bit.
struct SlippageCapSearchTests {
    func constantProduct() throws -> ConstantProductPool { try ConstantProductPool(base: 4000, quote: 12_000_000, fee: 0.003) }

    /// Two nested ranges plus a range above the price that a 5% buy reaches (crossing ticks).
    func concentrated() throws -> ConcentratedLiquidityPool {
        try ConcentratedLiquidityPool(
            positions: [
                .init(lower: 2400, upper: 3600, liquidity: 9e5), .init(lower: 2900, upper: 3100, liquidity: 4e5),
                .init(lower: 3050, upper: 3300, liquidity: 2e5),
            ],
            fee: 0.0005, price: 3000)
    }

    /// How far a search's answer may be from the boundary, relative: the rounding band (one
    /// raw QUOTE unit, 1e-6, moves a fill's slippage by about 1e-6 / (size · mid), and a
    /// relative change ε of the size moves it by about ε · (cap - fee); twice that, so caps
    /// close to the fee, small sizes, get a wide band) plus the searches' precision, 1e-10.
    func band(size: Double, mid: Double, cap: Double, fee: Double) -> Double {
        2 * 1e-6 / (size * mid * (cap - fee)) + 1e-10
    }

    func checkAgainstMarginalBound(_ venue: some HedgeVenue, fee: Double, caps: [Double]) {
        for side in [TradeSide.buy, .sell] {
            for cap in caps {
                let fast = venue.largestSize(side, maxSlippage: cap)
                let reference = venue.largestSizeFromMarginalBound(side, maxSlippage: cap)
                let width = band(size: reference, mid: venue.midPrice, cap: cap, fee: fee)
                #expect(abs(fast - reference) <= 2 * width * reference, "\(side) \(cap): \(fast) vs \(reference)")
                #expect(venue.fitsSlippage(side, fast, maxSlippage: cap), "\(side) \(cap)")
                #expect(!venue.fitsSlippage(side, fast * (1 + 2 * width), maxSlippage: cap), "\(side) \(cap)")
            }
        }
    }

    @Test func constantProductAgreesWithTheMarginalBoundSearch() throws {
        checkAgainstMarginalBound(try constantProduct(), fee: 0.003, caps: [0.0031, 0.004, 0.005, 0.01, 0.05, 0.2])
    }

    @Test func concentratedAgreesWithTheMarginalBoundSearch() throws {
        // 0.05 crosses the ticks at 3050, 3100 and 3300 on a buy, and 2900 on a sell.
        checkAgainstMarginalBound(try concentrated(), fee: 0.0005, caps: [0.0006, 0.001, 0.005, 0.02, 0.05])
    }

    /// A cap below the fee: nothing fits, as before (the estimate is not positive, so the
    /// marginal-bound search answers).
    @Test func capBelowTheFeeIsZero() throws {
        #expect(try constantProduct().largestSize(.buy, maxSlippage: 0.002) == 0)
        #expect(try constantProduct().largestSize(.sell, maxSlippage: 0.002) == 0)
        #expect(try concentrated().largestSize(.buy, maxSlippage: 0.0004) == 0)
        #expect(try concentrated().largestSize(.sell, maxSlippage: 0.0004) == 0)
    }

    /// A buy cap beyond what the pool holds within its ranges: the estimate is everything the
    /// ranges hold (L(1/sqrt(P) - 1/sqrt(Pb)), by hand here), and the search ends at the exact
    /// engine's liquidity. (The marginal-bound search answers 0 here: its first bracket, at
    /// 1e-9 BASE, rounds to a few raw units of QUOTE, over the cap.)
    @Test func capBeyondTheRangesIsTheLiquidity() throws {
        let pool = try ConcentratedLiquidityPool(positions: [.init(lower: 2900, upper: 3100, liquidity: 4e5)], fee: 0.0005, price: 3000)
        let cap = pool.largestSize(.buy, maxSlippage: 0.5)
        let upper = pow(1.0001, (log(3100e-12) / log(1.0001) / 10).rounded() * 10) * 1e12  // the usable tick's price
        let heldAbove = 4e5 * (1 / 3000.0.squareRoot() - 1 / upper.squareRoot())
        #expect(abs(cap / heldAbove - 1) < 1e-6)
        #expect(pool.fitsSlippage(.buy, cap, maxSlippage: 0.5))
        #expect(throws: VenueError.self) { try pool.quote(.buy, base: cap * (1 + 1e-6)) }
    }

    /// How many exact quotes a search takes: a venue that counts its quotes and takes its
    /// estimate from the wrapped pool.
    struct Counted<Venue: HedgeVenue>: HedgeVenue {
        final class Counter: @unchecked Sendable { var quotes = 0 }
        let venue: Venue
        let estimate: @Sendable (TradeSide, Double) -> Double
        let fee: Double
        let counter = Counter()
        var midPrice: Double { venue.midPrice }
        func quote(_ side: TradeSide, base: Double) throws(VenueError) -> Fill { counter.quotes += 1; return try venue.quote(side, base: base) }
        mutating func execute(_ side: TradeSide, base: Double) throws(VenueError) -> Fill { try quote(side, base: base) }
        func sizeAtMarginalPrice(_ side: TradeSide, _ price: Double) -> Double { venue.sizeAtMarginalPrice(side, price) }
        func largestSize(_ side: TradeSide, maxSlippage: Double) -> Double {
            largestSize(side, maxSlippage: maxSlippage, near: estimate(side, maxSlippage), fee: fee, quoteDecimals: 6)
        }
    }

    @Test func estimateNeedsFewExactQuotes() throws {
        let cp = try constantProduct(), cl = try concentrated()
        let countedCP = Counted(venue: cp, estimate: { cp.slippageCapEstimate($0, maxSlippage: $1) }, fee: cp.fee)
        let countedCL = Counted(venue: cl, estimate: { cl.slippageCapEstimate($0, maxSlippage: $1) }, fee: cl.fee)
        for side in [TradeSide.buy, .sell] {
            for cap in [0.005, 0.02] {
                countedCP.counter.quotes = 0
                _ = countedCP.largestSize(side, maxSlippage: cap)
                #expect(countedCP.counter.quotes <= 15, "constant product \(side) \(cap): \(countedCP.counter.quotes)")
                countedCL.counter.quotes = 0
                _ = countedCL.largestSize(side, maxSlippage: cap)
                #expect(countedCL.counter.quotes <= 15, "concentrated \(side) \(cap): \(countedCL.counter.quotes)")
            }
        }
        // The marginal-bound search, for comparison: some 40.
        countedCL.counter.quotes = 0
        _ = countedCL.largestSizeFromMarginalBound(.buy, maxSlippage: 0.005)
        #expect(countedCL.counter.quotes >= 30)
    }
}
