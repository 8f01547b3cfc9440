import CPUFeatures
import Foundation
import Pricing
import PricingAVX2

/// The option chunk kernels (`OptionLegChunk`) for the instruction set this processor has:
/// the hedging loop's hottest code, about 40% faster with AVX2 (BENCHMARKS.md).
///
/// Only the `PricingAVX2` module is compiled with AVX2 enabled; the rest of the program,
/// this choice included, keeps the baseline x86-64 target, so the binary runs on any x86-64
/// processor and uses AVX2 only after the processor said it has it. AVX2 without FMA: the
/// same operations on wider registers, each lane rounded as on the baseline, so both give
/// the same bits (tested).
struct OptionChunkKernels: Sendable {
    enum InstructionSet: String, Sendable {
        /// SSE2 on x86-64; whatever the target is elsewhere.
        case baseline
        /// 256-bit AVX2 registers (x86-64 only).
        case avx2
    }

    let instructionSet: InstructionSet

    /// The kernels for `instructionSet`, nil when this processor cannot run it.
    init?(_ instructionSet: InstructionSet) {
        guard Self.supports(instructionSet) else { return nil }
        self.instructionSet = instructionSet
    }

    /// Whether this processor (and build) can run `instructionSet`.
    static func supports(_ instructionSet: InstructionSet) -> Bool {
        switch instructionSet {
        case .baseline: return true
        case .avx2:
            #if arch(x86_64)
            return hedgeplan_cpu_supports_avx2() != 0
            #else
            return false
            #endif
        }
    }

    /// The fastest set this processor runs, unless the environment variable
    /// `HEDGEPLAN_INSTRUCTIONS=baseline` asks for the baseline (to compare the two). Read
    /// once per process.
    static let fastest: OptionChunkKernels = {
        if ProcessInfo.processInfo.environment["HEDGEPLAN_INSTRUCTIONS"] == InstructionSet.baseline.rawValue {
            return OptionChunkKernels(.baseline)!
        }
        return OptionChunkKernels(.avx2) ?? OptionChunkKernels(.baseline)!
    }()

    // The chunk by pointer, as the entry points take it (an element of the book's array, in
    // place; see `OptionLegChunk`).

    @inline(__always)
    func addValue(_ chunk: UnsafePointer<OptionLegChunk>, at tick: OptionChunkTick, to sums: inout OptionLegChunk.Sums) {
        if instructionSet == .avx2 {
            OptionLegChunk.addValueAVX2(chunk, at: tick, to: &sums)
        } else {
            OptionLegChunk.addValue(chunk, at: tick, to: &sums)
        }
    }

    @inline(__always)
    func addValueWithExpired(_ chunk: UnsafePointer<OptionLegChunk>, at tick: OptionChunkTick, to sums: inout OptionLegChunk.Sums) {
        if instructionSet == .avx2 {
            OptionLegChunk.addValueWithExpiredAVX2(chunk, at: tick, to: &sums)
        } else {
            OptionLegChunk.addValueWithExpired(chunk, at: tick, to: &sums)
        }
    }

    @inline(__always)
    func addGreeks(_ chunk: UnsafePointer<OptionLegChunk>, at tick: OptionChunkTick, to sums: inout OptionLegChunk.Sums) {
        if instructionSet == .avx2 {
            OptionLegChunk.addGreeksAVX2(chunk, at: tick, to: &sums)
        } else {
            OptionLegChunk.addGreeks(chunk, at: tick, to: &sums)
        }
    }
}
