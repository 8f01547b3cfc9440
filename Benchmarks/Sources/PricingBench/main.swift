import Foundation
import Pricing

// Prices the fixed-seed random workloads of BENCHMARKS.md and prints ns/option.
// Usage: PricingBench [--dump DIR] [--options N] [--implied-vol-only]
// --implied-vol-only skips the Black-Scholes and Merton timings (the implied-vol workload is the same).
// --dump writes the exact inputs as raw little-endian float64 files so that the C, C++ and
// numpy peers price the very same options.

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform(_ a: Double, _ b: Double) -> Double {
        a + (b - a) * Double(next() >> 11) * 0x1p-53
    }
}

nonisolated(unsafe) var dumpDirectory: String?
var optionCount = 1_000_000
var impliedVolOnly = false
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--dump": dumpDirectory = args.popFirst()
    case "--options": optionCount = Int(args.popFirst() ?? "") ?? optionCount
    case "--implied-vol-only": impliedVolOnly = true
    default: FileHandle.standardError.write("unknown argument \(a)\n".data(using: .utf8)!); exit(64)
    }
}

/// Crypto-like ranges: spot 1k-100k, strike 0.5-1.5 x spot, vol 0.2-1.5, T 1 day - 1 year,
/// r 0-0.08, q 0-0.1, calls and puts half and half.
func makeOptions(_ n: Int, seed: UInt64) -> OptionBatch {
    var rng = SplitMix64(state: seed)
    var b = OptionBatch(reservingCapacity: n)
    for _ in 0..<n {
        let kind: OptionKind = rng.next() & 1 == 0 ? .call : .put
        let s = rng.uniform(1_000, 100_000)
        b.append(kind: kind, spot: s, strike: s * rng.uniform(0.5, 1.5), rate: rng.uniform(0, 0.08),
                 carry: rng.uniform(0, 0.1), volatility: rng.uniform(0.2, 1.5), timeToExpiry: rng.uniform(1.0 / 365, 1))
    }
    return b
}

func dump(_ name: String, _ values: [Double]) {
    guard let dir = dumpDirectory else { return }
    let data = values.withUnsafeBufferPointer { Data(buffer: $0) }
    FileManager.default.createFile(atPath: dir + "/" + name + ".f64", contents: data)
}

func dumpBatch(_ prefix: String, _ b: OptionBatch) {
    dump(prefix + "_kind", b.kinds.map { Double($0.rawValue) })  // 0 call, 1 put
    dump(prefix + "_spot", b.spot); dump(prefix + "_strike", b.strike); dump(prefix + "_r", b.rate)
    dump(prefix + "_q", b.carry); dump(prefix + "_vol", b.volatility); dump(prefix + "_t", b.timeToExpiry)
}

/// Best of `repeats` timings, in nanoseconds per item.
func measure(_ items: Int, repeats: Int = 5, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        let end = DispatchTime.now().uptimeNanoseconds
        best = min(best, Double(end - start) / Double(items))
    }
    return best
}

func report(_ name: String, _ ns: Double, _ checksum: Double) {
    print(String(format: "swift %-28@ %10.2f ns/option   (checksum %.6e)", name as NSString, ns, checksum))
}

let bs = makeOptions(optionCount, seed: 42)
dumpBatch("bs", bs)
var out = ValuationBatch(count: bs.count)

let mertonCount = min(100_000, bs.count)
if !impliedVolOnly {
let simdNs = measure(bs.count) { BlackScholes.valuate(bs, into: &out) }
report("bs_simd_all_greeks", simdNs, out.price.reduce(0, +) + out.gamma.reduce(0, +))
let scalarNs = measure(bs.count) { BlackScholes.valuateScalar(bs, into: &out) }
report("bs_scalar_all_greeks", scalarNs, out.price.reduce(0, +) + out.gamma.reduce(0, +))

// Merton: the first 100k options with lambda = 5 per year, log-jump mean -0.05, log-jump stdev 0.15.
var merton = MertonBatch()
for i in 0..<mertonCount {
    merton.append(kind: bs.kinds[i], spot: bs.spot[i], strike: bs.strike[i], rate: bs.rate[i], carry: bs.carry[i],
                  volatility: bs.volatility[i], timeToExpiry: bs.timeToExpiry[i],
                  intensity: 5, meanLog: -0.05, jumpVolatility: 0.15)
}
var mertonOut = ValuationBatch(count: mertonCount)
let mertonNs = measure(mertonCount, repeats: 3) { MertonJumpDiffusion.valuate(merton, into: &mertonOut) }
report("merton_all_greeks", mertonNs, mertonOut.price.reduce(0, +))
}

// Implied volatility of the first 100k Black-Scholes prices.
var ivOptions = OptionBatch(reservingCapacity: mertonCount)
for i in 0..<mertonCount {
    ivOptions.append(kind: bs.kinds[i], spot: bs.spot[i], strike: bs.strike[i], rate: bs.rate[i], carry: bs.carry[i],
                     volatility: 0, timeToExpiry: bs.timeToExpiry[i])
}
BlackScholes.valuate(bs, into: &out)
let ivPrices = Array(out.price[0..<mertonCount])
dump("iv_price", ivPrices)
var ivOut = ImpliedVolatilityBatch(count: mertonCount)
let ivNs = measure(mertonCount) { ImpliedVolatility.solve(ivOptions, prices: ivPrices, into: &ivOut) }
let solved = ivOut.volatility.filter { !$0.isNaN }.count
var worstIV = 0.0
for i in 0..<mertonCount where !ivOut.volatility[i].isNaN && out.vega[i] > 1e-6 * out.price[i] {
    worstIV = max(worstIV, abs(ivOut.volatility[i] - bs.volatility[i]) / bs.volatility[i])
}
report("implied_vol", ivNs, Double(solved))
print("swift implied_vol: \(solved) of \(mertonCount) solved (others: price at intrinsic in double precision); worst relative error \(worstIV) where vega > 1e-6 price")
