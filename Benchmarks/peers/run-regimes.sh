#!/bin/sh
# Regime model fit, whole process, side by side: Swift (RegimesBench, release -O: 2 states,
# 10 starts, one fit) and hmmlearn (10 GaussianHMM fits, Tests/PricingTests/Fixtures/hmm_oracle.py),
# in turn (A B A B ...), each timed by GNU time, both on Examples/feeds/ethereum.csv (26,278
# hourly log returns). Usage: Benchmarks/peers/run-regimes.sh [RUNS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
root=$(dirname "$bench")
python3 -c "import hmmlearn" 2>/dev/null || pip install --quiet hmmlearn
swift build -c release --package-path "$bench" --product RegimesBench >&2
feed="$root/Examples/feeds/ethereum.csv"
"$bench/.build/release/RegimesBench" "$feed" --repeat 5
runs=${1:-3}
i=0
while [ "$i" -lt "$runs" ]; do
  /usr/bin/time -f "swift   user %U s  sys %S s  wall %e s  max %M KiB" "$bench/.build/release/RegimesBench" "$feed" --repeat 1 >/dev/null
  /usr/bin/time -f "hmmlearn user %U s  sys %S s  wall %e s  max %M KiB" python3 "$root/Tests/PricingTests/Fixtures/hmm_oracle.py" "$feed" 2 10 >/dev/null
  i=$((i + 1))
done
