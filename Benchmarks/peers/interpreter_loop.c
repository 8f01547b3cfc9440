/* The reference the runtime issue sets: a bare C loop doing only the greeks and the band
 * check of a delta-hedged iron condor, over a GBM path generated in the loop. No accounting,
 * no breakers, no venues: a floor, not a peer of the interpreter.
 * Usage: interpreter_loop TICKS */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t s = 7;
static double uniform(void) { s = s * 6364136223846793005ULL + 1442695040888963407ULL; return ((s >> 11) + 0.5) / 9007199254740992.0; }

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 10000000;
    const double K[4] = {2500, 2700, 3300, 3500}, q[4] = {10, -10, -10, 10}, w[4] = {-1, -1, 1, 1};
    const double r = 0.04, vol = 0.6, dt = 1.0 / (365.0 * 86400.0), band = 0.05;
    double spot = 3000, T = 180.0 / 365.0, hedge = 0, checksum = 0;
    long hedges = 0;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long i = 0; i < n; i++) {
        double u1 = uniform(), u2 = uniform();
        double z = sqrt(-2 * log(u1)) * cos(6.283185307179586 * u2);
        spot *= exp(-0.5 * vol * vol * dt + vol * sqrt(dt) * z);
        T -= dt;
        double sd = vol * sqrt(T), delta = 0;
        for (int j = 0; j < 4; j++) {
            double d1 = (log(spot / K[j]) + r * T) / sd + 0.5 * sd;
            double nd1 = 0.5 * erfc(-d1 / 1.4142135623730951);
            delta += q[j] * (w[j] > 0 ? nd1 : nd1 - 1);
        }
        double net = delta + hedge;
        if (fabs(net) > band) { hedge -= net; hedges++; }
        checksum += net;
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double sec = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) * 1e-9;
    printf("c bare_greeks_band_loop %.2f Mticks/s %.1f ns/tick (%ld ticks, %ld rebalances, checksum %.3f)\n", n / sec / 1e6, sec / n * 1e9, n, hedges, checksum);
    return 0;
}
