#!/usr/bin/env bash
# README's tune table: the bundled weekly ETH condor hedged by five policies
# (Examples/tune/policies.yaml), on 2,000 paths of each of three models: a stationary
# bootstrap of the bundled ETH history, of the bundled BTC history, and Merton paths (the
# plan's own model). GARCH and regime bands are fitted to the history of the same asset
# (ETH's for the Merton paths). Prints one markdown table; each tune also writes its JSON
# and its frontier plot next to the output file given as $1 (default /tmp/tune-table).
#
#   HEDGEPLAN=.build/release/hedgeplan bash Examples/tune/table.sh /tmp/tune-table
set -euo pipefail
cd "$(dirname "$0")/../.."
HEDGEPLAN="${HEDGEPLAN:-.build/release/hedgeplan}"
OUT="${1:-/tmp/tune-table}"
PATHS="${PATHS:-2000}"
STRATEGY=strategies/eth-iron-condor-perp-hedged.yaml
mkdir -p "$OUT"
run() {  # name model history
    "$HEDGEPLAN" tune "$STRATEGY" --paths "$PATHS" --model "$2" --history "$3" --grid Examples/tune/policies.yaml \
        --format json --plot "$OUT/$1.svg" > "$OUT/$1.json"
}
run eth-bootstrap bootstrap:Examples/feeds/ethereum.csv Examples/feeds/ethereum.csv
run btc-bootstrap bootstrap:Examples/feeds/bitcoin.csv Examples/feeds/bitcoin.csv
run merton merton Examples/feeds/ethereum.csv
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
names = {"eth-bootstrap": "ETH history, bootstrap", "btc-bootstrap": "BTC history, bootstrap", "merton": "Merton (the plan's model)"}
label = lambda p: ("Whalley-Wilmott, risk aversion 1" if p["trigger"] == "whalley-wilmott"
                   else "band 1 ETH" + ({"ewma": ", EWMA", "garch": ", GARCH"}.get(str(p.get("adapt", {}).get("volatility")), "")
                                        if not isinstance(p.get("adapt", {}).get("volatility"), dict) else ", 2 regimes"))
print("| paths | policy | cost | std | ES 99% | rebalances | Pareto |")
print("|---|---|---:|---:|---:|---:|---|")
for key, title in names.items():
    d = json.load(open(f"{out}/{key}.json"))
    for i, c in enumerate(d["candidates"]):
        e = c["stderr"]
        star = " **(recommended)**" if i == d["recommended"] else ""
        print(f"| {title} | {label(c['policy'])}{star} | {c['cost']:,.2f} ± {e['cost']:.2f} | {c['std']:,.2f} ± {e['std']:.2f} | "
              f"{c['es99']:,.2f} ± {'n/a' if e['es99'] is None else format(e['es99'], '.2f')} | {c['hedges']:.1f} | {'yes' if c['pareto'] else ''} |")
PY
