extension BlackScholes {
    /// Values every option of `options` into `output` (resized to `options.count`), four
    /// options per SIMD step, with no allocation once `output` has the capacity.
    /// Preconditions: see `OptionBatch`. Traps if the input arrays differ in length.
    public static func valuate(_ options: OptionBatch, into output: inout ValuationBatch) {
        precondition(options.isConsistent, "OptionBatch arrays differ in length")
        let n = options.count
        output.resize(to: n)
        options.withBuffers { o in
            output.withMutableBuffers { out in
                var i = 0
                while i < n {
                    let v = kernel(
                        sign: LaneIO.loadSign(o.kinds, i, n),
                        spot: LaneIO.load(o.spot, i, n, pad: 1),
                        strike: LaneIO.load(o.strike, i, n, pad: 1),
                        rate: LaneIO.load(o.rate, i, n, pad: 0),
                        carry: LaneIO.load(o.carry, i, n, pad: 0),
                        volatility: LaneIO.load(o.volatility, i, n, pad: 0.2),
                        timeToExpiry: LaneIO.load(o.timeToExpiry, i, n, pad: 1))
                    LaneIO.store(v.price, out.price, i, n)
                    LaneIO.store(v.delta, out.delta, i, n)
                    LaneIO.store(v.gamma, out.gamma, i, n)
                    LaneIO.store(v.vega, out.vega, i, n)
                    LaneIO.store(v.theta, out.theta, i, n)
                    LaneIO.store(v.rho, out.rho, i, n)
                    i += 4
                }
            }
        }
    }

    /// The same batch through the scalar kernel, one option at a time (the reference against
    /// which the SIMD path is tested, and the "scalar build" of the benchmark).
    public static func valuateScalar(_ options: OptionBatch, into output: inout ValuationBatch) {
        precondition(options.isConsistent, "OptionBatch arrays differ in length")
        let n = options.count
        output.resize(to: n)
        options.withBuffers { o in
            output.withMutableBuffers { out in
                for i in 0..<n {
                    out.store(OptionValuation(kernel(
                        sign: o.kinds[i].sign, spot: o.spot[i], strike: o.strike[i], rate: o.rate[i], carry: o.carry[i],
                        volatility: o.volatility[i], timeToExpiry: o.timeToExpiry[i])), at: i)
                }
            }
        }
    }
}
