"""numpy peer of `hedgeplan stress`: discrete delta hedging simulated the usual way, one
numpy array across paths, one loop over time steps. Independent of Hedgeplan (its own GBM,
its own Black-Scholes), it serves two purposes:

  atm-call  the Boyle-Emanuel hedger: short 1 at-the-money call, hedged to delta 0 on a
            free perp at every step (rate 0, drift 0). Prints the mean and std of the hedged
            P&L; HedgeplanSimulationTests compares `stress` with it.
  condor    the speed peer: a short 4-leg iron condor (Black-Scholes), band trigger on a
            perp with a fee, hourly steps. Prints path-steps per second.

usage: hedged_paths_numpy.py atm-call PATHS STEPS SPOT VOL YEARS SEED
       hedged_paths_numpy.py condor PATHS [SEED]
Output: one JSON object on standard output.
"""
import json
import sys
import time

import numpy as np
from scipy.special import ndtr


def call_price_delta(S, K, vol, tau):
    """Black-Scholes call with r = q = 0; tau in years (> 0)."""
    sd = vol * np.sqrt(tau)
    d1 = np.log(S / K) / sd + 0.5 * sd
    return S * ndtr(d1) - K * ndtr(d1 - sd), ndtr(d1)


def atm_call(paths, steps, spot, vol, years, seed):
    rng = np.random.default_rng(seed)
    dt = years / steps
    K = spot
    premium, _ = call_price_delta(np.array([spot]), K, vol, years)
    S = np.full(paths, float(spot))
    hedge_pnl = np.zeros(paths)
    for i in range(steps):
        _, delta = call_price_delta(S, K, vol, years - i * dt)
        # short call: hold +delta of the underlying
        S_next = S * np.exp(-0.5 * vol * vol * dt + vol * np.sqrt(dt) * rng.standard_normal(paths))
        hedge_pnl += delta * (S_next - S)
        S = S_next
    pnl = premium[0] - np.maximum(S - K, 0.0) + hedge_pnl
    return {"paths": paths, "steps": steps, "premium": float(premium[0]), "mean": float(pnl.mean()),
            "std": float(pnl.std(ddof=1))}


def condor(paths, seed=1):
    """Short iron condor 2600/2800/3200/3400 x 10 ETH, 7 days, vol 65%, rate 4%: hourly
    GBM steps, band 1 ETH on a perp with a 0.05% fee (the same workload as
    Benchmarks/strategies/eth-condor-weekly-bs.yaml)."""
    rng = np.random.default_rng(seed)
    spot, vol, r, qty, band, fee = 3000.0, 0.65, 0.04, 10.0, 1.0, 0.0005
    steps, years = 168, 7 / 365
    dt = years / steps
    strikes = np.array([2600.0, 2800.0, 3200.0, 3400.0])
    sign = np.array([1.0, -1.0, -1.0, 1.0])       # long wing, short body, short body, long wing
    is_call = np.array([False, False, True, True])

    def legs(S, tau):
        sd = vol * np.sqrt(tau)
        d1 = (np.log(S[:, None] / strikes) + r * tau) / sd + 0.5 * sd
        d2 = d1 - sd
        disc = np.exp(-r * tau)
        call = S[:, None] * ndtr(d1) - strikes * disc * ndtr(d2)
        put = call - S[:, None] + strikes * disc
        delta = np.where(is_call, ndtr(d1), ndtr(d1) - 1.0)
        price = np.where(is_call, call, put)
        return (price * sign * qty).sum(axis=1), (delta * sign * qty).sum(axis=1)

    S = np.full(paths, spot)
    value0, delta = legs(S, years)
    hedge = np.where(np.abs(delta) > band, -delta, 0.0)   # the band applies from the first tick
    cash = -value0 - hedge * S - np.abs(hedge) * S * fee
    for i in range(1, steps + 1):
        S = S * np.exp((r - 0.5 * vol * vol) * dt + vol * np.sqrt(dt) * rng.standard_normal(paths))
        tau = years - i * dt
        if tau > 1e-12:
            _, delta = legs(S, tau)
        else:
            delta = np.zeros(paths)
        net = delta + hedge
        trade = np.where(np.abs(net) > band, -net, 0.0)
        cash += -trade * S - np.abs(trade) * S * fee
        hedge += trade
    payoff = (np.where(is_call, np.maximum(S[:, None] - strikes, 0), np.maximum(strikes - S[:, None], 0)) * sign * qty).sum(axis=1)
    pnl = cash + payoff + hedge * S
    return pnl, steps


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "atm-call":
        paths, steps = int(sys.argv[2]), int(sys.argv[3])
        spot, vol, years, seed = float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
        print(json.dumps(atm_call(paths, steps, spot, vol, years, seed)))
    elif mode == "condor":
        paths = int(sys.argv[2])
        seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
        t0 = time.perf_counter()
        pnl, steps = condor(paths, seed)
        seconds = time.perf_counter() - t0
        print(json.dumps({"paths": paths, "steps": steps, "seconds": seconds,
                          "path_steps_per_second": paths * steps / seconds, "mean": float(pnl.mean()),
                          "std": float(pnl.std(ddof=1))}))
    else:
        sys.exit(f"unknown mode {mode}: atm-call or condor")
