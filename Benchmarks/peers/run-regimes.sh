#!/bin/sh
# Regime model fit, whole process, side by side in one farm-bench run: Swift (RegimesBench,
# release -O: 2 states, 10 starts, one fit) against hmmlearn (10 GaussianHMM fits,
# Tests/PricingTests/Fixtures/hmm_oracle.py), both on Examples/feeds/ethereum.csv (26,278
# hourly log returns). Usage: Benchmarks/peers/run-regimes.sh [RUNS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
root=$(dirname "$bench")
python3 -c "import hmmlearn" 2>/dev/null || pip install --quiet hmmlearn
swift build -c release --package-path "$bench" --product RegimesBench >&2
feed="$root/Examples/feeds/ethereum.csv"
"$bench/.build/release/RegimesBench" "$feed" --repeat 5
farm-bench -n "${1:-3}" --warmup 0 --timeout 3600 \
  --vs "python3 $root/Tests/PricingTests/Fixtures/hmm_oracle.py $feed 2 10" \
  -- "$bench/.build/release/RegimesBench" "$feed" --repeat 1
