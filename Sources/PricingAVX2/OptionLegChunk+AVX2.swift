import Pricing

// This module alone is compiled with AVX2 enabled (Package.swift: `-mavx2`, and no FMA, so
// each lane is rounded as on the baseline and both give the same bits). It holds nothing
// but these entry points: any other code here could run on a processor without AVX2.
// Never inlined into a caller, which is compiled for the baseline target; callers go
// through `OptionChunkKernels` (HedgeplanRuntime), which calls them only where AVX2 runs.
extension OptionLegChunk {
    /// `value(at:)` on 256-bit AVX2 registers.
    @inline(never)
    public func valueAVX2(at tick: OptionChunkTick) -> Value { valueKernel(at: tick) }

    /// `valueWithExpired(at:)` on 256-bit AVX2 registers.
    @inline(never)
    public func valueWithExpiredAVX2(at tick: OptionChunkTick) -> Value { valueWithExpiredKernel(at: tick) }

    /// `greeks(at:)` on 256-bit AVX2 registers.
    @inline(never)
    public func greeksAVX2(at tick: OptionChunkTick) -> Greeks { greeksKernel(at: tick) }
}
