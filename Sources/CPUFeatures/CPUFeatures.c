#include "CPUFeatures.h"

int hedgeplan_cpu_supports_avx2(void) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    // The compiler runtime reads CPUID and XGETBV once: AVX2 counts only if the OS also
    // saves the YMM state.
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") ? 1 : 0;
#else
    return 0;
#endif
}
