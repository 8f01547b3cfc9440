#ifndef HEDGEPLAN_CPU_FEATURES_H
#define HEDGEPLAN_CPU_FEATURES_H

/// 1 when this processor and the operating system can run AVX2 instructions (the CPUID
/// bit, and the OS saving the YMM registers), else 0. Always 0 off x86-64.
int hedgeplan_cpu_supports_avx2(void);

#endif
