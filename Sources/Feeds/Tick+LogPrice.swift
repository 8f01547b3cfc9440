import Pricing

extension Tick {
    /// Works out `logPrice` for every tick of `ticks`, four at a time in SIMD lanes.
    ///
    /// `ElementaryFunctions.log` is one branch-free generic body, so a lane of `SIMD4` gets
    /// the same bits as the scalar call the kernels would otherwise make
    /// (`TickLogPriceTests`). Done where ticks wait in memory for the engine: a read-ahead
    /// block on its drawing thread, a recorded path before it is replayed to several books.
    public static func workOutLogPrices(_ ticks: inout [Tick]) {
        ticks.withUnsafeMutableBufferPointer { ticks in
            let n = ticks.count
            var i = 0
            while i + 4 <= n {
                let logs = ElementaryFunctions.log(SIMD4(ticks[i].price, ticks[i + 1].price, ticks[i + 2].price, ticks[i + 3].price))
                for l in 0..<4 { ticks[i + l].logPrice = logs[l] }
                i += 4
            }
            while i < n {
                ticks[i].logPrice = ElementaryFunctions.log(ticks[i].price)
                i += 1
            }
        }
    }
}
