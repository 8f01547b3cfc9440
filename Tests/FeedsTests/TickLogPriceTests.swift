import Pricing
import Testing
@testable import Feeds

/// `Tick.logPrice`, the ln S that a read-ahead thread or a recorded path works out for the
/// option kernels: bit for bit the kernels' own scalar `ElementaryFunctions.log(price)` (a
/// run's figures must not depend on which thread took the logarithm), NaN where nobody
/// worked it out or the price changed since, and no part of a tick's equality.
struct TickLogPriceTests {
    /// Prices over the whole plausible range (1e-12 to 1e12), at powers of two and at the
    /// log's sqrt(2) mantissa split, in batches of every length from 0 to 9 so that the
    /// SIMD4 body and the scalar tail both run.
    @Test func theBatchGivesTheScalarLogarithmsBits() {
        var generator = SystemRandomNumberGenerator()
        var prices: [Double] = [1e-12, 1e12, 1, 2, 0.5, 3000, 2.0.squareRoot(), 0.5.squareRoot(), 1.0.nextUp, 1.0.nextDown]
        for _ in 0..<2_000 { prices.append(Double.random(in: -27.6...27.6, using: &generator).exp) }
        for count in 0...9 {
            var start = 0
            while start < prices.count {
                let slice = prices[start..<min(prices.count, start + count)]
                var ticks = slice.enumerated().map { Tick(timestamp: Int64($0.offset), price: $0.element) }
                Tick.workOutLogPrices(&ticks)
                for tick in ticks {
                    #expect(tick.logPrice.bitPattern == ElementaryFunctions.log(tick.price).bitPattern, "price \(tick.price)")
                }
                start += max(count, 1)
            }
        }
    }

    @Test func aNewTickHasNoneAndANewPriceDropsIt() {
        var ticks = [Tick(timestamp: 0, price: 3000)]
        #expect(ticks[0].logPrice.isNaN)
        Tick.workOutLogPrices(&ticks)
        #expect(ticks[0].logPrice == ElementaryFunctions.log(3000.0))
        ticks[0].price = 2900  // a portfolio member's view of a pool's price, for example
        #expect(ticks[0].logPrice.isNaN)
    }

    /// The memory figures quoted for `ReadAheadTicks` (3.4 MiB of blocks) and
    /// `BufferedTicks` (18 KB) count 72 bytes a tick: the logarithm took it from 64.
    @Test func aTickTakes72Bytes() {
        #expect(MemoryLayout<Tick>.stride == 72)
    }

    @Test func equalityIgnoresIt() {
        let plain = Tick(timestamp: 5, price: 3000, gasGwei: 20, impliedVolatility: 0.6, volume: 1, flags: .afterGap)
        var worked = [plain]
        Tick.workOutLogPrices(&worked)
        #expect(worked[0] == plain)
        var other = plain
        other.volume = 2
        #expect(other != plain)
    }

    /// Both places that hand ticks to the engine work it out: the read-ahead's blocks and a
    /// recorded path; the ticks are otherwise the source's.
    @Test func readAheadAndRecordedTicksCarryIt() throws {
        var direct = GBMPath(BufferedTicksTests.path)
        let expected = try drain(&direct)
        #expect(expected.allSatisfy { $0.logPrice.isNaN })

        var ahead = try #require(ReadAheadTicks(GBMPath(BufferedTicksTests.path), blockSize: 100))
        let read = try drain(&ahead)
        var path = GBMPath(BufferedTicksTests.path)
        let recorded = try RecordedTicks(draining: &path).ticks
        for got in [read, recorded] {
            #expect(got == expected)
            #expect(got.allSatisfy { $0.logPrice.bitPattern == ElementaryFunctions.log($0.price).bitPattern })
        }
    }
}

private extension Double {
    var exp: Double { ElementaryFunctions.exp(self) }
}
