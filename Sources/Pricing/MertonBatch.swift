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
        o.kinds.withUnsafeBufferPointer { kinds in
        o.spot.withUnsafeBufferPointer { spot in
        o.strike.withUnsafeBufferPointer { strike in
        o.rate.withUnsafeBufferPointer { rate in
        o.carry.withUnsafeBufferPointer { carry in
        o.volatility.withUnsafeBufferPointer { vol in
        o.timeToExpiry.withUnsafeBufferPointer { time in
        batch.intensity.withUnsafeBufferPointer { lambda in
        batch.meanLog.withUnsafeBufferPointer { mu in
        batch.jumpVolatility.withUnsafeBufferPointer { delta in
        output.price.withUnsafeMutableBufferPointer { price in
        output.delta.withUnsafeMutableBufferPointer { dl in
        output.gamma.withUnsafeMutableBufferPointer { gamma in
        output.vega.withUnsafeMutableBufferPointer { vega in
        output.theta.withUnsafeMutableBufferPointer { theta in
        output.rho.withUnsafeMutableBufferPointer { rho in
            for i in 0..<spot.count {
                let v = valuation(sign: kinds[i].sign, spot: spot[i], strike: strike[i], rate: rate[i],
                                  carry: carry[i], volatility: vol[i], timeToExpiry: time[i],
                                  intensity: lambda[i], meanLog: mu[i], jumpVolatility: delta[i])
                price[i] = v.price; dl[i] = v.delta; gamma[i] = v.gamma
                vega[i] = v.vega; theta[i] = v.theta; rho[i] = v.rho
            }
        }}}}}}}}}}}}}}}}
    }
}
