import Foundation
import Testing
@testable import Feeds

/// Simulated paths against theory, with fixed seeds and tolerances of 4-5 standard errors
/// (each computed from the sample's own moments), and determinism.
struct SimulatedPathTests {
    struct Moments {
        var n: Double, mean: Double, variance: Double, fourthCentral: Double
        /// Standard error of the sample mean and of the sample variance.
        var meanError: Double { (variance / n).squareRoot() }
        var varianceError: Double { ((fourthCentral - variance * variance) / n).squareRoot() }
    }

    static func moments(_ xs: [Double]) -> Moments {
        let n = Double(xs.count)
        let mean = xs.reduce(0, +) / n
        var m2 = 0.0, m4 = 0.0
        for x in xs { let d = x - mean; m2 += d * d; m4 += d * d * d * d }
        return Moments(n: n, mean: mean, variance: m2 / (n - 1), fourthCentral: m4 / n)
    }

    static func logReturns(_ ticks: [Tick]) -> [Double] {
        zip(ticks.dropFirst(), ticks).map { Foundation.log($0.price / $1.price) }
    }

    @Test(arguments: [7, 8, 9] as [UInt64])
    func gbmLogReturnsMatchTheory(seed: UInt64) throws {
        let p = PathParameters(spot: 3000, volatility: 0.6, days: 30, step: 60_000, seed: seed, drift: 0.1)
        var path = GBMPath(p)
        let ticks = try drain(&path)
        #expect(ticks.count == 43_201)
        #expect(ticks[0].price == 3000)
        #expect(ticks[0].timestamp == PathParameters.defaultStart)
        #expect(ticks[1].timestamp - ticks[0].timestamp == 60_000)
        let dt = p.stepInYears
        let m = Self.moments(Self.logReturns(ticks))
        let theoryMean = (0.1 - 0.18) * dt
        let theoryVariance = 0.36 * dt
        #expect(abs(m.mean - theoryMean) < 4 * m.meanError, "mean \(m.mean) vs \(theoryMean)")
        #expect(abs(m.variance - theoryVariance) < 4 * m.varianceError, "variance \(m.variance) vs \(theoryVariance)")
        // Gaussian returns: kurtosis 3 (standard error sqrt(24/n)).
        let kurtosis = m.fourthCentral / (m.variance * m.variance)
        #expect(abs(kurtosis - 3) < 4 * (24 / m.n).squareRoot())
    }

    @Test func mertonLogReturnsMatchTheory() throws {
        let p = PathParameters(spot: 3000, volatility: 0.6, days: 365, step: 3_600_000, seed: 11)
        let j = JumpParameters(intensity: 1_000, meanLogJump: -0.04, jumpVolatility: 0.1)
        var path = MertonPath(p, jumps: j)
        let ticks = try drain(&path)
        let dt = p.stepInYears
        let lambdaT = j.intensity * 365 / 365
        // Jump count ~ Poisson(lambda T): mean and variance lambda T.
        #expect(abs(Double(path.jumpCount) - lambdaT) < 4 * lambdaT.squareRoot(), "jumps \(path.jumpCount)")
        let m = Self.moments(Self.logReturns(ticks))
        let k = Foundation.exp(-0.04 + 0.005) - 1
        let theoryMean = (-0.18 - j.intensity * k) * dt + j.intensity * dt * -0.04
        let theoryVariance = 0.36 * dt + j.intensity * dt * (0.04 * 0.04 + 0.01)
        #expect(abs(m.mean - theoryMean) < 4 * m.meanError, "mean \(m.mean) vs \(theoryMean)")
        #expect(abs(m.variance - theoryVariance) < 4 * m.varianceError, "variance \(m.variance) vs \(theoryVariance)")
        // Fat tails: excess kurtosis well above a Gaussian's.
        #expect(m.fourthCentral / (m.variance * m.variance) > 3.5)
    }

    @Test func mertonJumpCountsArePoisson() throws {
        var counts: [Double] = []
        for seed in 1...300 as ClosedRange<UInt64> {
            var path = MertonPath(PathParameters(spot: 100, volatility: 0.3, days: 365, step: 86_400_000, seed: seed),
                                  jumps: JumpParameters(intensity: 3, meanLogJump: -0.04, jumpVolatility: 0.1))
            _ = try drain(&path)
            counts.append(Double(path.jumpCount))
        }
        let m = Self.moments(counts)
        // Poisson(3): mean 3, variance 3; standard errors sqrt(3/n) and sqrt((mu + 2 mu^2)/n).
        #expect(abs(m.mean - 3) < 4 * (3.0 / 300).squareRoot(), "mean \(m.mean)")
        #expect(abs(m.variance - 3) < 4 * ((3.0 + 18) / 300).squareRoot(), "variance \(m.variance)")
    }

    /// The drift compensation makes the price a martingale with drift 0: E[S_T] = S_0. Without
    /// it, these strong negative jumps would pull E[S_T] down to about 0.86 S_0.
    @Test func mertonIsCompensated() throws {
        var finals: [Double] = []
        for seed in 1...2_000 as ClosedRange<UInt64> {
            var path = MertonPath(PathParameters(spot: 1, volatility: 0.6, days: 30, step: 86_400_000, seed: seed),
                                  jumps: JumpParameters(intensity: 20, meanLogJump: -0.1, jumpVolatility: 0.1))
            var last = 1.0
            while let t = path.next() { last = t.price }
            finals.append(last)
        }
        let m = Self.moments(finals)
        #expect(abs(m.mean - 1) < 4 * m.meanError, "E[S_T]/S_0 = \(m.mean) +- \(m.meanError)")
    }

    @Test func sameSeedSameTicksDifferentSeedDifferentTicks() throws {
        let p = PathParameters(spot: 3000, volatility: 0.6, days: 1, step: 60_000, seed: 7)
        var a = MertonPath(p, jumps: JumpParameters(intensity: 300, meanLogJump: -0.04, jumpVolatility: 0.1))
        var b = MertonPath(p, jumps: JumpParameters(intensity: 300, meanLogJump: -0.04, jumpVolatility: 0.1))
        var q = p
        q.seed = 8
        var c = MertonPath(q, jumps: JumpParameters(intensity: 300, meanLogJump: -0.04, jumpVolatility: 0.1))
        let ta = try drain(&a), tb = try drain(&b), tc = try drain(&c)
        #expect(ta == tb)
        #expect(ta != tc)
        var g1 = GBMPath(p), g2 = GBMPath(p), g3 = GBMPath(q)
        let t1 = try drain(&g1), t2 = try drain(&g2), t3 = try drain(&g3)
        #expect(t1 == t2)
        #expect(zip(t1.dropFirst(), t3.dropFirst()).allSatisfy { $0.price != $1.price })
    }

    /// Bit patterns recorded once: the same on every machine, since the generator, the
    /// normal sampler and exp/log use only integer and correctly rounded IEEE operations.
    @Test func goldenTicks() throws {
        var g = GBMPath(PathParameters(spot: 3000, volatility: 0.6, days: 30, step: 60_000, seed: 7))
        let gbm = try drain(&g, limit: 4).map(\.price.bitPattern)
        var m = MertonPath(PathParameters(spot: 3000, volatility: 0.6, days: 30, step: 60_000, seed: 7),
                           jumps: JumpParameters(intensity: 3, meanLogJump: -0.04, jumpVolatility: 0.1))
        let merton = try drain(&m).last!.price.bitPattern
        #expect(gbm == Self.goldenGBM)
        #expect(merton == Self.goldenMertonLast)
    }
    static let goldenGBM: [UInt64] = [0x40a7_7000_0000_0000, 0x40a7_74c9_dcba_a3c8, 0x40a7_6f80_9b4f_e8aa, 0x40a7_6dfd_cdff_e78c]
    static let goldenMertonLast: UInt64 = 0x40a6_c609_2624_fa60

    /// The lane functions the paths use give each lane the scalar's bits: `log` on four
    /// lanes (the normal sampler) and `exp` on eight (a block of prices), over the whole
    /// range, at the sqrt(2) split of the mantissa, and with lanes the lane code leaves to
    /// the scalar (zero, subnormal, infinite, negative, NaN) mixed in.
    @Test func laneFunctionsHaveTheScalarsBits() {
        var random = Xoshiro256StarStar(seed: 11)
        let sqrt2 = 1.4142135623730951
        var specials: [Double] = [1, 0.5, 2, sqrt2, sqrt2.nextUp, sqrt2.nextDown, 0.5 * sqrt2, (0.5 * sqrt2).nextUp, 0x1p-104,
                                  Double.leastNormalMagnitude, Double.greatestFiniteMagnitude]
        specials += [0, Double.leastNonzeroMagnitude, .infinity, -1, .nan]
        func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }
        for round in 0..<20_000 {
            var x = SIMD4<Double>()
            for lane in 0..<4 {
                x[lane] = round % 5 == 0 && lane == round % 4
                    ? specials[Int(random.next() % UInt64(specials.count))]
                    : Foundation.exp((random.uniform() - 0.5) * 1_380)
            }
            let lanes = PortableMath.log(x)
            for lane in 0..<4 { #expect(same(lanes[lane], PortableMath.log(x[lane])), "log \(x[lane])") }
            var y = SIMD8<Double>()
            for lane in 0..<8 { y[lane] = (random.uniform() - 0.5) * (round % 7 == 0 ? 1_600 : 1_380) }
            let exps = PortableMath.exp(y)
            for lane in 0..<8 { #expect(same(exps[lane], PortableMath.exp(y[lane])), "exp \(y[lane])") }
        }
    }

    /// Variates drawn up to eight at a time are those drawn one at a time, bit for bit, and
    /// leave the sampler where one at a time would: counts from 0 to 8 in random order, odd
    /// counts carrying the pair's second variate into the next call, mixed with single draws.
    @Test func batchedNormalsAreTheOneAtATimeNormals() {
        var counts = Xoshiro256StarStar(seed: 5)
        for seed in UInt64(1)...40 {
            var batched = NormalSampler(seed: seed), single = NormalSampler(seed: seed)
            for _ in 0..<500 {
                let count = Int(counts.next() % 10)
                if count == 9 {
                    #expect(batched.next().bitPattern == single.next().bitPattern)
                    continue
                }
                let lanes = batched.next(count)
                for lane in 0..<8 {
                    let expected = lane < count ? single.next() : 0
                    #expect(lanes[lane].bitPattern == expected.bitPattern, "seed \(seed), lane \(lane) of \(count)")
                }
            }
            #expect(batched.next().bitPattern == single.next().bitPattern)
            var streams = (batched.random, single.random)
            #expect(streams.0.next() == streams.1.next())
        }
    }

    @Test func portableMathIsAccurate() {
        var worstExp = 0.0, worstLog = 0.0
        var x = -700.0
        while x < 700 {
            worstExp = max(worstExp, abs(PortableMath.exp(x) / Foundation.exp(x) - 1))
            x += 0.0137
        }
        var y = 1e-300
        while y < 1e300 {
            let l = Foundation.log(y)
            worstLog = max(worstLog, abs(PortableMath.log(y) - l) / max(1, abs(l)))
            y *= 1.0137
        }
        for y in stride(from: 0.5, to: 2.0, by: 0.0001) {
            worstLog = max(worstLog, abs(PortableMath.log(y) - Foundation.log(y)))
        }
        #expect(worstExp < 1e-15, "exp \(worstExp)")
        #expect(worstLog < 1e-15, "log \(worstLog)")
        #expect(PortableMath.exp(0) == 1)
        #expect(PortableMath.log(1) == 0)
    }
}
