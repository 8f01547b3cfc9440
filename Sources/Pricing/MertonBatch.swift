/// Struct-of-arrays inputs for Merton batch pricing: the options plus one jump parameter
/// per option. Preconditions (unchecked): those of `OptionBatch` and `JumpParameters`, and
/// lambda T <= 500.
public struct MertonBatch: Sendable {
    public var options = OptionBatch()
    public var intensity: [Double] = []
    public var meanLog: [Double] = []
    public var jumpVolatility: [Double] = []

    public init() {}

    public var count: Int { options.count }

    public mutating func append(_ o: EuropeanOption, jumps: JumpParameters) {
        options.append(o)
        intensity.append(jumps.intensity); meanLog.append(jumps.meanLog); jumpVolatility.append(jumps.volatility)
    }

    public mutating func append(kind: OptionKind, spot: Double, strike: Double, rate: Double, carry: Double,
                                volatility: Double, timeToExpiry: Double,
                                intensity l: Double, meanLog m: Double, jumpVolatility j: Double) {
        options.append(kind: kind, spot: spot, strike: strike, rate: rate, carry: carry,
                       volatility: volatility, timeToExpiry: timeToExpiry)
        intensity.append(l); meanLog.append(m); jumpVolatility.append(j)
    }
}

extension MertonJumpDiffusion {
    /// Values every option of `batch` into `output` (resized to `batch.count`). No
    /// allocation once `output` has the capacity. Traps if the arrays differ in length.
    public static func valuate(_ batch: MertonBatch, into output: inout ValuationBatch) {
        let o = batch.options
        precondition(o.isConsistent && batch.intensity.count == o.count && batch.meanLog.count == o.count
                     && batch.jumpVolatility.count == o.count, "MertonBatch arrays differ in length")
        output.resize(to: o.count)
        o.withBuffers { o in
        batch.intensity.withUnsafeBufferPointer { intensity in
        batch.meanLog.withUnsafeBufferPointer { meanLog in
        batch.jumpVolatility.withUnsafeBufferPointer { jumpVolatility in
            output.withMutableBuffers { out in
                for i in 0..<o.spot.count {
                    out.store(valuation(
                        sign: o.kinds[i].sign, spot: o.spot[i], strike: o.strike[i], rate: o.rate[i], carry: o.carry[i],
                        volatility: o.volatility[i], timeToExpiry: o.timeToExpiry[i], intensity: intensity[i],
                        meanLog: meanLog[i], jumpVolatility: jumpVolatility[i]), at: i)
                }
            }
        }}}}
    }
}
