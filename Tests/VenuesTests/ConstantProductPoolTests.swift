import Testing
@testable import Venues

/// The runtime constant-product pool against x*y = k worked by hand (fee on the input).
/// ETH/USDC-like: 4000 BASE, 12,000,000 QUOTE, 0.30%, mid 3000.
struct ConstantProductPoolTests {
    let x = 4000.0, y = 12_000_000.0, f = 0.003

    func pool() throws -> ConstantProductPool { try ConstantProductPool(base: x, quote: y, fee: f) }

    @Test func midPrice() throws {
        #expect(try pool().midPrice == 3000)
    }

    /// Buying 10: (x - 10)(y + 0.997*q) = k  =>  q = y*10 / (3990 * 0.997) = 30,165.6850... QUOTE.
    @Test func buyMatchesInvariantByHand() throws {
        let fill = try pool().quote(.buy, base: 10)
        let byHand = y * 10 / ((x - 10) * (1 - f))
        #expect(abs(fill.quote - byHand) <= 2e-6)          // v2 rounds the input up by 1 raw unit (1e-6 USDC)
        #expect(abs(fill.quote - 30_165.685_0) < 1e-3)
        #expect(abs(fill.averagePrice - 3016.568_50) < 1e-4)
        #expect(abs(fill.fee - fill.quote * 0.003) < 1e-9)
        // Price impact (fee out): 0.997*q/10 vs 3000 = 3000*4000/3990 / 3000 - 1 = 10/3990.
        #expect(abs(fill.priceImpact - 10.0 / 3990) < 1e-8)
        #expect(abs(fill.slippage - (byHand / 10 / 3000 - 1)) < 1e-8)
    }

    /// Selling 10: q = y * 9.97 / (4000 + 9.97) = 29,835.634... QUOTE.
    @Test func sellMatchesInvariantByHand() throws {
        let fill = try pool().quote(.sell, base: 10)
        let byHand = y * 10 * (1 - f) / (x + 10 * (1 - f))
        #expect(abs(fill.quote - byHand) <= 1e-6)           // v2 rounds the output down
        #expect(abs(fill.quote - 29_835.634_8) < 1e-3)
    }

    /// Executing moves the reserves; the next quote starts from them. k grows by the fee.
    @Test func stateCarriesAcrossTrades() throws {
        var pool = try pool()
        let first = try pool.execute(.buy, base: 10)
        #expect(abs(pool.reserveBase - 3990) < 1e-12)
        #expect(abs(pool.reserveQuote - (y + first.quote)) < 1e-6)
        #expect(abs(pool.midPrice - (y + first.quote) / 3990) < 1e-9)
        #expect(pool.reserveBase * pool.reserveQuote > x * y)     // the fee stays in the pool
        let second = try pool.quote(.buy, base: 10)
        let byHand = pool.reserveQuote * 10 / ((3990 - 10) * (1 - f))
        #expect(abs(second.quote - byHand) <= 2e-6)
        #expect(second.quote > first.quote)                       // our own trade moved our price
        // Selling back the 10 returns less than was paid (fee twice plus impact).
        let back = try pool.execute(.sell, base: 10)
        #expect(back.quote < first.quote)
    }

    /// Largest buy within 0.5% (fee included): avg = y/((x-Δ)(1-f)) = 3000*1.005
    /// => Δ = x (1 - 1/(1.005*0.997)) = 7.92427... BASE.
    @Test func largestSizeWithinSlippageCap() throws {
        let pool = try pool()
        let cap = pool.largestSize(.buy, maxSlippage: 0.005)
        let byHand = x * (1 - 1 / (1.005 * 0.997))
        #expect(abs(cap - byHand) < 1e-6)
        #expect(try pool.quote(.buy, base: cap).slippage <= 0.005)
        #expect(try pool.quote(.buy, base: cap * 1.0001).slippage > 0.005)
        // Sell: avg = y(1-f)/(x+Δ(1-f)) = 3000*0.995 => Δ = x(1/0.995 - 1/0.997)... solved by hand:
        let sellByHand = (x * (1 - f) / 0.995 - x) / (1 - f)
        #expect(abs(pool.largestSize(.sell, maxSlippage: 0.005) - sellByHand) < 1e-6)
        // A cap below the fee leaves nothing.
        #expect(pool.largestSize(.buy, maxSlippage: 0.002) == 0)
    }

    @Test func errors() throws {
        let pool = try pool()
        #expect(throws: VenueError.invalidSize(0)) { try pool.quote(.buy, base: 0) }
        #expect(throws: VenueError.invalidSize(-1)) { try pool.quote(.sell, base: -1) }
        #expect(throws: VenueError.insufficientLiquidity(available: 4000)) { try pool.quote(.buy, base: 4000) }
        #expect(throws: VenueError.self) { try ConstantProductPool(base: 0, quote: 1, fee: 0.003) }
    }
}
