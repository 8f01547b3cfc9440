import Pricing

// This module alone is compiled with AVX2 enabled (Package.swift: `-mavx2`, and no FMA, so
// each lane is rounded as on the baseline and both give the same bits). It holds nothing
// but these entry points: any other code here could run on a processor without AVX2.
// Never inlined into a caller, which is compiled for the baseline target; callers go
// through `OptionChunkKernels` (HedgeplanRuntime), which calls them only where AVX2 runs.
extension OptionLegChunk {
    /// `addValue` on 256-bit AVX2 registers.
    @inline(never)
    public static func addValueAVX2(_ chunk: UnsafePointer<OptionLegChunk>, at tick: OptionChunkTick, to sums: inout Sums) {
        chunk.pointee.addValueKernel(at: tick, to: &sums)
    }

    /// `addValueWithExpired` on 256-bit AVX2 registers.
    @inline(never)
    public static func addValueWithExpiredAVX2(_ chunk: UnsafePointer<OptionLegChunk>, at tick: OptionChunkTick, to sums: inout Sums) {
        chunk.pointee.addValueWithExpiredKernel(at: tick, to: &sums)
    }

    /// `addGreeks` on 256-bit AVX2 registers.
    @inline(never)
    public static func addGreeksAVX2(_ chunk: UnsafePointer<OptionLegChunk>, at tick: OptionChunkTick, to sums: inout Sums) {
        chunk.pointee.addGreeksKernel(at: tick, to: &sums)
    }
}
