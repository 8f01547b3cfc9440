/* Plain C loop: Black-Scholes-Merton price + delta, gamma, vega, theta, rho with libm's erfc,
   and a Merton series, over the inputs dumped by PricingBench (gcc -O2, no vector library). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static double *load(const char *dir, const char *name, long *n) {
    char path[4096]; snprintf(path, sizeof path, "%s/%s.f64", dir, name);
    FILE *f = fopen(path, "rb"); if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END); long bytes = ftell(f); fseek(f, 0, SEEK_SET);
    double *p = malloc(bytes); if (fread(p, 1, bytes, f) != (size_t)bytes) exit(1); fclose(f);
    *n = bytes / 8; return p;
}
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e9 + t.tv_nsec; }
static double N(double x) { return 0.5 * erfc(-x * M_SQRT1_2); }
int main(int argc, char **argv) {
    const char *dir = argv[1]; long n;
    double *kind = load(dir, "bs_kind", &n), *S = load(dir, "bs_spot", &n), *K = load(dir, "bs_strike", &n),
           *r = load(dir, "bs_r", &n), *q = load(dir, "bs_q", &n), *v = load(dir, "bs_vol", &n), *T = load(dir, "bs_t", &n);
    double *out = malloc(6 * n * sizeof(double));
    double best = 1e99;
    for (int rep = 0; rep < 5; rep++) {
        double t0 = now();
        for (long i = 0; i < n; i++) {
            double w = kind[i] == 0 ? 1 : -1, sq = sqrt(T[i]), sd = v[i] * sq;
            double d1 = (log(S[i] / K[i]) + (r[i] - q[i]) * T[i]) / sd + 0.5 * sd, d2 = d1 - sd;
            double dq = exp(-q[i] * T[i]), dr = exp(-r[i] * T[i]), n1 = N(w * d1), n2 = N(w * d2);
            double pdf = exp(-0.5 * d1 * d1) * 0.3989422804014327;
            out[6*i] = w * (S[i] * dq * n1 - K[i] * dr * n2);
            out[6*i+1] = w * dq * n1;
            out[6*i+2] = dq * pdf / (S[i] * sd);
            out[6*i+3] = S[i] * dq * pdf * sq * 0.01;
            out[6*i+4] = (-S[i] * dq * pdf * v[i] / (2 * sq) - w * r[i] * K[i] * dr * n2 + w * q[i] * S[i] * dq * n1) / 365;
            out[6*i+5] = w * K[i] * T[i] * dr * n2 * 0.01;
        }
        double t = (now() - t0) / n; if (t < best) best = t;
    }
    double sum = 0; for (long i = 0; i < n; i++) sum += out[6*i] + out[6*i+2];
    printf("c_loop bs_all_greeks %.2f ns/option (checksum %.6e)\n", best, sum);
    /* Merton price only (first 100k), lambda 5, mean -0.05, stdev 0.15, tail mass 1e-14. */
    long m = n < 100000 ? n : 100000; double lam = 5, mu = -0.05, dj = 0.15;
    double g = mu + 0.5 * dj * dj, k = exp(g) - 1; best = 1e99; double msum = 0;
    for (int rep = 0; rep < 3; rep++) {
        double t0 = now(); msum = 0;
        for (long i = 0; i < m; i++) {
            double w = kind[i] == 0 ? 1 : -1, lt = lam * T[i], p = exp(-lt), left = 1, sum = 0;
            double lnfk = log(S[i] / K[i]) + (r[i] - q[i] - lam * k) * T[i], f = S[i] * exp((r[i] - q[i] - lam * k) * T[i]);
            for (int j = 0; j < 2000; j++) {
                double sd = sqrt(v[i] * v[i] * T[i] + j * dj * dj), d1 = (lnfk + j * g) / sd + 0.5 * sd;
                sum += p * w * (f * N(w * d1) - K[i] * N(w * (d1 - sd)));
                left -= p; p *= lt / (j + 1); f *= 1 + k;
                if (left < 1e-14 && j > lt) break;
            }
            msum += exp(-r[i] * T[i]) * sum;
        }
        double t = (now() - t0) / m; if (t < best) best = t;
    }
    printf("c_loop merton_price %.2f ns/option (checksum %.6e)\n", best, msum);
    return 0;
}
