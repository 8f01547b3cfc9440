import HedgeplanFormatting

/// "Nice numbers" for axis ticks, after Paul Heckbert, *Nice Numbers for Graph Labels*
/// (Graphics Gems, 1990): tick steps are 1, 2 or 5 times a power of ten.
///
/// With `loose` labelling (Heckbert's default) the domain widens to whole steps around the
/// data, so the first and last ticks sit on the plot's edges: 0...97 becomes 0...100 with
/// ticks every 20. With tight labelling the domain stays the data's and only ticks inside
/// it are kept.
public struct NiceScale: Sendable, Hashable {
    /// The domain the axis shows.
    public let lower: Double
    public let upper: Double
    /// The distance between ticks: 1, 2 or 5 × 10^k.
    public let step: Double
    /// Tick values in increasing order, computed as integer multiples of the step so that
    /// 0.1-steps do not drift (`0.30000000000000004`).
    public let ticks: [Double]

    /// Ticks for data spanning `min...max`, about `targetTicks` of them (at least 2).
    ///
    /// An empty span (`min == max`) is widened around the value first; non-finite input
    /// gives the unit domain 0...1.
    public init(min dataMin: Double, max dataMax: Double, targetTicks: Int = 5, loose: Bool = true) {
        var lo = Swift.min(dataMin, dataMax)
        var hi = Swift.max(dataMin, dataMax)
        if !lo.isFinite || !hi.isFinite { (lo, hi) = (0, 1) }
        if lo == hi {
            let pad = lo == 0 ? 1 : lo.magnitude * 0.1
            (lo, hi) = (lo - pad, hi + pad)
        }
        let n = Swift.max(2, targetTicks)
        let range = Self.niceNumber(hi - lo, round: false)
        let (mantissa, exponent) = Self.niceParts(range / Double(n - 1), round: true)
        let step = Self.value(Int64(mantissa), exponent)
        self.step = step

        let first = (lo / step).rounded(.down)
        let last = (hi / step).rounded(.up)
        let i0 = Int64(first), i1 = Int64(last)
        var ticks: [Double] = []
        ticks.reserveCapacity(Int(i1 - i0) + 1)
        let slack = step * 1e-9
        for i in i0...i1 {
            let t = Self.value(i * Int64(mantissa), exponent)
            if loose || (t >= lo - slack && t <= hi + slack) { ticks.append(t) }
        }
        self.ticks = ticks
        if loose {
            lower = Self.value(i0 * Int64(mantissa), exponent)
            upper = Self.value(i1 * Int64(mantissa), exponent)
        } else {
            (lower, upper) = (lo, hi)
        }
    }

    /// Heckbert's `nicenum`: a 1, 2, 5 or 10 × 10^k close to `x` (> 0). With `round` the
    /// nearest such number; without, the smallest one at least `x`.
    public static func niceNumber(_ x: Double, round: Bool) -> Double {
        let (m, e) = niceParts(x, round: round)
        return value(Int64(m), e)
    }

    /// The mantissa (1, 2, 5 or 10) and decimal exponent of `niceNumber`.
    static func niceParts(_ x: Double, round: Bool) -> (Int, Int) {
        guard x > 0, x.isFinite else { return (1, 0) }
        let e = NumberFormat.decimalExponent(x)
        let f = e >= 0 ? x / NumberFormat.powerOfTen(e) : x * NumberFormat.powerOfTen(-e)
        let m: Int
        if round {
            m = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10
        } else {
            m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10
        }
        return m == 10 ? (1, e + 1) : (m, e)
    }

    /// `n × 10^e`, correctly rounded for the exponents charts meet (|e| <= 22).
    static func value(_ n: Int64, _ e: Int) -> Double {
        e >= 0 ? Double(n) * NumberFormat.powerOfTen(e) : Double(n) / NumberFormat.powerOfTen(-e)
    }
}
