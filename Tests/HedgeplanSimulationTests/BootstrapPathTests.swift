import Feeds
import Foundation
import Testing

/// The stationary bootstrap resamples the history it is given: over many paths, its
/// returns have the sample's mean and variance, within their standard errors.
struct BootstrapPathTests {
    @Test func resampledReturnsKeepTheSampleMeanAndVariance() throws {
        let file = SimulationFixtures.root.appendingPathComponent("Examples/feeds/ethereum.csv").path
        let sample = try ReturnSample.load(path: file)
        #expect(sample.stepMs == 3_600_000)
        let x = sample.logReturns
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        let fourth = x.reduce(0) { $0 + pow($1 - mean, 4) } / n

        var drawn: [Double] = []
        for k in 0..<400 {
            var path = BootstrapPath(sample: sample, spot: 3000, days: 30, seed: UInt64(k) &+ 17, meanBlock: sample.defaultMeanBlock)
            let first = path.next()
            var previous = try #require(first).price
            while let tick = path.next() {
                drawn.append(log(tick.price / previous))
                previous = tick.price
            }
        }
        let m = Double(drawn.count)
        #expect(drawn.count == 400 * 720)
        let drawnMean = drawn.reduce(0, +) / m
        let drawnVariance = drawn.reduce(0) { $0 + ($1 - drawnMean) * ($1 - drawnMean) } / m
        // Standard errors of a mean and of a variance over m draws from the sample.
        let meanError = (variance / m).squareRoot()
        let varianceError = ((fourth - variance * variance) / m).squareRoot()
        #expect(abs(drawnMean - mean) < 3 * meanError, "bootstrap mean \(drawnMean), sample \(mean) ± \(meanError)")
        #expect(abs(drawnVariance - variance) < 3 * varianceError, "bootstrap variance \(drawnVariance), sample \(variance) ± \(varianceError)")
    }

    @Test func blocksAreConsecutiveHistoricalReturnsOfTheMeanLength() throws {
        // Returns 0, 1, 2, ... (as log returns of a made-up history): a block is a run of
        // consecutive indices, so successive draws differ by one except at a new block.
        let sample = ReturnSample(logReturns: (0..<1_000).map { Double($0) * 1e-6 }, stepMs: 60_000)
        var path = BootstrapPath(sample: sample, spot: 100, days: 200, seed: 9, meanBlock: 20)
        let first = path.next()
        var previous = try #require(first).price
        var indices: [Int] = []
        while let tick = path.next() {
            indices.append(Int((log(tick.price / previous) * 1e6).rounded()))
            previous = tick.price
        }
        var blocks = 1
        for (a, b) in zip(indices, indices.dropFirst()) where b != (a + 1) % 1_000 { blocks += 1 }
        let meanLength = Double(indices.count) / Double(blocks)
        // Geometric block lengths of mean 20 (a new block may start where the last one would have gone on).
        #expect(meanLength > 17 && meanLength < 23, "mean block \(meanLength)")
    }

    @Test func feedStringRoundTrips() throws {
        let spec = try FeedSpec.parse("bootstrap:Examples/feeds/ethereum.csv,spot=3000,days=7,seed=42,block=24")
        guard case .bootstrap(let b) = spec else { Issue.record("not a bootstrap: \(spec)"); return }
        #expect(b == BootstrapSpec(path: "Examples/feeds/ethereum.csv", spot: 3000, days: 7, seed: 42, meanBlock: 24, start: PathParameters.defaultStart))
        #expect(try FeedSpec.parse(spec.text) == spec)
        #expect(throws: FeedSpecError.self) { try FeedSpec.parse("bootstrap:spot=3000,days=7") }
        #expect(throws: FeedSpecError.self) { try FeedSpec.parse("bootstrap:x.csv,spot=3000") }
        #expect(throws: FeedSpecError.self) { try FeedSpec.parse("bootstrap:x.csv,spot=3000,days=7,block=0.5") }
    }

    /// A path built from 99 returns carries a warning in its notes (which `dry-run` prints);
    /// 100 returns, the minimum the GARCH and regime fits take, do not.
    @Test func aShortHistoryIsNamedInTheNotes() {
        func notes(_ n: Int) -> [String] {
            let sample = ReturnSample(logReturns: Array(repeating: 1e-3, count: n), stepMs: 3_600_000)
            return BootstrapPath(sample: sample, spot: 3000, days: 1, seed: 1, meanBlock: 1).notes
        }
        #expect(notes(99).count == 2)
        #expect(notes(99).last == "only 99 log returns in the history: every bootstrap path is built from these 99 moves, so its moves and tails are no wider than theirs; 100 or more are advised")
        #expect(notes(100).count == 1)
    }
}
