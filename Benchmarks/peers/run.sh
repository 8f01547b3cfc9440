#!/bin/sh
# Side-by-side pricing benchmark: Swift (Pricing, release -O) vs a plain C loop (gcc -O2),
# QuantLib C++ (Debian libquantlib0-dev) and numpy, on the same fixed-seed inputs.
# Usage: Benchmarks/peers/run.sh            (from anywhere; needs apt/pip access on first run)
# Env: SWIFT_TARGET_CPU=haswell adds -Xswiftc -target-cpu haswell (AVX2) to a second Swift run.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
build="$here/build"; mkdir -p "$build/data"
if ! [ -f /usr/include/ql/quantlib.hpp ]; then
  apt-get update && apt-get install -y libquantlib0-dev
fi
if ! [ -x "$here/.venv/bin/python" ]; then
  python3 -m venv "$here/.venv" && "$here/.venv/bin/pip" install -q numpy scipy
fi
echo "== building (Swift release -O, gcc -O2, g++ -O2)" >&2
swift build -c release --package-path "$bench" >&2
gcc -O2 -o "$build/bs_loop" "$here/bs_loop.c" -lm
g++ -O2 -std=c++17 -o "$build/quantlib_driver" "$here/quantlib_driver.cpp" -lQuantLib
out="$build/results.txt"; : > "$out"
"$bench/.build/release/PricingBench" --dump "$build/data" | tee -a "$out"
if [ -n "${SWIFT_TARGET_CPU:-}" ]; then
  swift build -c release --package-path "$bench" --scratch-path "$bench/.build-$SWIFT_TARGET_CPU" \
    -Xswiftc -target-cpu -Xswiftc "$SWIFT_TARGET_CPU" >&2
  "$bench/.build-$SWIFT_TARGET_CPU/release/PricingBench" | sed "s/^swift /swift_$SWIFT_TARGET_CPU /" | tee -a "$out"
fi
"$build/bs_loop" "$build/data" | tee -a "$out"
"$build/quantlib_driver" "$build/data" 200000 5000 | tee -a "$out"
"$here/.venv/bin/python" "$here/numpy_peer.py" "$build/data" | tee -a "$out"
echo
echo "== side by side (ns/option; ratio = peer / Swift SIMD batch, or Swift Merton/IV batch)"
awk '
  { for (i = 1; i <= NF; i++) if ($i ~ /^ns\/option/) { ns[$1 " " $2] = $(i-1) } }
  END {
    split("bs_all_greeks merton_all_greeks merton_price implied_vol", w, " ")
    ref["bs_all_greeks"] = ns["swift bs_simd_all_greeks"]; ref["merton_all_greeks"] = ns["swift merton_all_greeks"]
    ref["merton_price"] = ns["swift merton_all_greeks"]; ref["implied_vol"] = ns["swift implied_vol"]
    printf "%-34s %12s %10s\n", "implementation / workload", "ns/option", "vs Swift"
    for (k in ns) { split(k, p, " "); wl = p[2]; sub(/^bs_(simd|scalar)_/, "bs_", wl)
      r = (wl in ref && ref[wl] > 0) ? sprintf("%.2fx", ns[k] / ref[wl]) : "-"
      printf "%-34s %12.2f %10s\n", k, ns[k], r }
  }' "$out" | sort
