import Foundation
import HedgeplanTestSupport
import Pricing
import Testing
@testable import HedgeplanRuntime

/// The option book's kernels compiled for AVX2 (`PricingAVX2`) against the same kernels on
/// the baseline target: the same operations without fused multiply-adds, so every value,
/// delta, gamma and vega must have the same bits, or a run's output would depend on the
/// processor it ran on.
struct OptionChunkKernelsTests {
    static let hasAVX2 = OptionChunkKernels.supports(.avx2)

    /// Random books of 1 to 9 legs (one to three chunks, padding lanes included) valued at
    /// random ticks: spots from 0.2x to 5x the strikes, volatilities from 0.1% to 400%, and
    /// expiries from a day past (unsettled legs, valued at intrinsic) through the tick
    /// itself to two years ahead.
    @Test(.enabled(if: hasAVX2, "this processor has no AVX2: only the baseline kernels can run here"))
    func avx2GivesTheBaselineBits() throws {
        let baseline = try #require(OptionChunkKernels(.baseline))
        let avx2 = try #require(OptionChunkKernels(.avx2))
        var random = SeededGenerator(seed: 20261201)
        let now: Int64 = 1_800_000_000_000
        let day: Int64 = 86_400_000
        var compared = 0, withExpired = 0
        for _ in 0..<3_000 {
            let rate = [0.0, 0.04, -0.01, 0.25][Int(random.next() % 4)]
            var books = (OptionBook(rate: rate, kernels: baseline), OptionBook(rate: rate, kernels: avx2))
            let strikeBase = 10 * pow(10, 4 * random.unit())
            for _ in 0..<(1 + Int(random.next() % 9)) {
                let sign = random.next() % 2 == 0 ? 1.0 : -1.0
                let strike = strikeBase * (0.5 + random.unit())
                let expiry: Int64
                switch random.next() % 8 {
                case 0: expiry = now - Int64(random.unit() * Double(day))
                case 1: expiry = now
                default: expiry = now + Int64(pow(random.unit(), 3) * Double(730 * day)) + 1
                }
                let quantity = (random.unit() - 0.5) * 20
                books.0.open(sign: sign, strike: strike, expiry: expiry, quantity: quantity)
                books.1.open(sign: sign, strike: strike, expiry: expiry, quantity: quantity)
            }
            if now > books.0.nextExpiry { withExpired += 1 }
            let model = OptionModel(rate: rate, jumps: nil)
            let spot = strikeBase * pow(5, 2 * random.unit() - 1)
            let volatility = 0.001 * pow(4_000, random.unit())
            for valuation in [OptionBook.valuate, OptionBook.greeks] {
                let a = valuation(books.0)(spot, .nan, now, volatility, model)
                let b = valuation(books.1)(spot, .nan, now, volatility, model)
                #expect(a.value.bitPattern == b.value.bitPattern, "value \(a.value) vs \(b.value)")
                #expect(a.delta.bitPattern == b.delta.bitPattern, "delta \(a.delta) vs \(b.delta)")
                #expect(a.gamma.bitPattern == b.gamma.bitPattern, "gamma \(a.gamma) vs \(b.gamma)")
                #expect(a.vega.bitPattern == b.vega.bitPattern, "vega \(a.vega) vs \(b.vega)")
                compared += 1
            }
        }
        #expect(compared == 6_000)
        #expect(withExpired > 300, "the unsettled-leg kernel was exercised \(withExpired) times")
    }

    /// A processor with AVX2 runs the AVX2 kernels unless the environment asks for the
    /// baseline (`HEDGEPLAN_INSTRUCTIONS=baseline`), and the baseline always runs.
    @Test func theFastestSetThisProcessorRunsIsChosen() throws {
        #expect(OptionChunkKernels(.baseline) != nil)
        let forced = ProcessInfo.processInfo.environment["HEDGEPLAN_INSTRUCTIONS"] == "baseline"
        let expected: OptionChunkKernels.InstructionSet = Self.hasAVX2 && !forced ? .avx2 : .baseline
        #expect(OptionChunkKernels.fastest.instructionSet == expected)
        #expect(OptionBook(rate: 0.04).kernels.instructionSet == expected)
    }
}
