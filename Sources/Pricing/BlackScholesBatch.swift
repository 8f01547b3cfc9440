extension BlackScholes {
    /// Values every option of `options` into `output` (resized to `options.count`), four
    /// options per SIMD step, with no allocation once `output` has the capacity.
    /// Preconditions: see `OptionBatch`. Traps if the input arrays differ in length.
    public static func valuate(_ options: OptionBatch, into output: inout ValuationBatch) {
        precondition(options.isConsistent, "OptionBatch arrays differ in length")
        let n = options.count
        output.resize(to: n)
        options.kinds.withUnsafeBufferPointer { kinds in
        options.spot.withUnsafeBufferPointer { spot in
        options.strike.withUnsafeBufferPointer { strike in
        options.rate.withUnsafeBufferPointer { rate in
        options.carry.withUnsafeBufferPointer { carry in
        options.volatility.withUnsafeBufferPointer { vol in
        options.timeToExpiry.withUnsafeBufferPointer { time in
        output.price.withUnsafeMutableBufferPointer { price in
        output.delta.withUnsafeMutableBufferPointer { delta in
        output.gamma.withUnsafeMutableBufferPointer { gamma in
        output.vega.withUnsafeMutableBufferPointer { vega in
        output.theta.withUnsafeMutableBufferPointer { theta in
        output.rho.withUnsafeMutableBufferPointer { rho in
            var i = 0
            while i < n {
                let v = kernel(
                    sign: LaneIO.loadSign(kinds, i, n),
                    spot: LaneIO.load(spot, i, n, pad: 1),
                    strike: LaneIO.load(strike, i, n, pad: 1),
                    rate: LaneIO.load(rate, i, n, pad: 0),
                    carry: LaneIO.load(carry, i, n, pad: 0),
                    volatility: LaneIO.load(vol, i, n, pad: 0.2),
                    timeToExpiry: LaneIO.load(time, i, n, pad: 1))
                LaneIO.store(v.price, price, i, n)
                LaneIO.store(v.delta, delta, i, n)
                LaneIO.store(v.gamma, gamma, i, n)
                LaneIO.store(v.vega, vega, i, n)
                LaneIO.store(v.theta, theta, i, n)
                LaneIO.store(v.rho, rho, i, n)
                i += 4
            }
        }}}}}}}}}}}}}
    }

    /// The same batch through the scalar kernel, one option at a time (the reference against
    /// which the SIMD path is tested, and the "scalar build" of the benchmark).
    public static func valuateScalar(_ options: OptionBatch, into output: inout ValuationBatch) {
        precondition(options.isConsistent, "OptionBatch arrays differ in length")
        let n = options.count
        output.resize(to: n)
        options.kinds.withUnsafeBufferPointer { kinds in
        options.spot.withUnsafeBufferPointer { spot in
        options.strike.withUnsafeBufferPointer { strike in
        options.rate.withUnsafeBufferPointer { rate in
        options.carry.withUnsafeBufferPointer { carry in
        options.volatility.withUnsafeBufferPointer { vol in
        options.timeToExpiry.withUnsafeBufferPointer { time in
        output.price.withUnsafeMutableBufferPointer { price in
        output.delta.withUnsafeMutableBufferPointer { delta in
        output.gamma.withUnsafeMutableBufferPointer { gamma in
        output.vega.withUnsafeMutableBufferPointer { vega in
        output.theta.withUnsafeMutableBufferPointer { theta in
        output.rho.withUnsafeMutableBufferPointer { rho in
            for i in 0..<n {
                let v = kernel(sign: kinds[i].sign, spot: spot[i], strike: strike[i], rate: rate[i],
                               carry: carry[i], volatility: vol[i], timeToExpiry: time[i])
                price[i] = v.price; delta[i] = v.delta; gamma[i] = v.gamma
                vega[i] = v.vega; theta[i] = v.theta; rho[i] = v.rho
            }
        }}}}}}}}}}}}}
    }
}
