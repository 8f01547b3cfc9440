"""The same bare loop as interpreter_loop.c in plain Python (greeks and the band check only).
Usage: python3 interpreter_loop.py TICKS"""
import math, sys, time

def main(n):
    K, q, w = [2500, 2700, 3300, 3500], [10, -10, -10, 10], [-1, -1, 1, 1]
    r, vol, dt, band = 0.04, 0.6, 1.0 / (365.0 * 86400.0), 0.05
    spot, T, hedge, hedges, s = 3000.0, 180.0 / 365.0, 0.0, 0, 7
    mask = (1 << 64) - 1
    def uniform():
        nonlocal s
        s = (s * 6364136223846793005 + 1442695040888963407) & mask
        return ((s >> 11) + 0.5) / 9007199254740992.0
    start = time.perf_counter()
    for _ in range(n):
        u1, u2 = uniform(), uniform()
        z = math.sqrt(-2 * math.log(u1)) * math.cos(6.283185307179586 * u2)
        spot *= math.exp(-0.5 * vol * vol * dt + vol * math.sqrt(dt) * z)
        T -= dt
        sd, delta = vol * math.sqrt(T), 0.0
        for j in range(4):
            d1 = (math.log(spot / K[j]) + r * T) / sd + 0.5 * sd
            nd1 = 0.5 * math.erfc(-d1 / 1.4142135623730951)
            delta += q[j] * (nd1 if w[j] > 0 else nd1 - 1)
        net = delta + hedge
        if abs(net) > band:
            hedge -= net
            hedges += 1
    sec = time.perf_counter() - start
    print(f"python bare_greeks_band_loop {n / sec / 1e6:.2f} Mticks/s {sec / n * 1e9:.1f} ns/tick ({n} ticks, {hedges} rebalances)")

main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000000)
