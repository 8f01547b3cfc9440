import Pricing

// This module alone is compiled with AVX2 enabled (Package.swift: `-mavx2`, and no FMA, so
// each lane is rounded as on the baseline and both give the same bits). It holds nothing
// but these entry points: any other code here could run on a processor without AVX2.
// Never inlined into a caller, which is compiled for the baseline target; callers go
// through `OptionChunkKernels` (HedgeplanRuntime), which calls them only where AVX2 runs.
extension OptionLegChunk {
    /// `value(_:at:)` on 256-bit AVX2 registers.
    @inline(never)
    public static func valueAVX2(_ chunk: UnsafePointer<OptionLegChunk>, at tick: OptionChunkTick) -> Value {
        chunk.pointee.valueKernel(at: tick)
    }

    /// `valueWithExpired(_:at:)` on 256-bit AVX2 registers.
    @inline(never)
    public static func valueWithExpiredAVX2(_ chunk: UnsafePointer<OptionLegChunk>, at tick: OptionChunkTick) -> Value {
        chunk.pointee.valueWithExpiredKernel(at: tick)
    }

    /// `greeks(_:at:)` on 256-bit AVX2 registers.
    @inline(never)
    public static func greeksAVX2(_ chunk: UnsafePointer<OptionLegChunk>, at tick: OptionChunkTick) -> Greeks {
        chunk.pointee.greeksKernel(at: tick)
    }
}
