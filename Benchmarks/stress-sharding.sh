#!/usr/bin/env bash
# How the cost of `hedgeplan stress` grows with paths, threads and shards, on this machine.
# Prints one Markdown table row a measurement: CPU seconds (user + sys, the process and its
# children, from GNU time), wall seconds and peak resident memory.
#
#   swift build -c release --scratch-path .build-release --product hedgeplan
#   Benchmarks/stress-sharding.sh .build-release/release/hedgeplan [PATHS...]   (default 1000 10000 100000)
#
# Workload: the bundled perp-hedged iron condor, compiled once to a plan (so that shards do
# not each compile the strategy), 7-day horizon in hourly steps (168 steps a path), seed 1.
# Shard runs are sequential, one process a shard on one thread, then one `hedgeplan merge`:
# what a cluster would spend in total, with the per-shard costs (process start, plan load,
# partial-result write) visible as the growth with the shard count.
set -euo pipefail

hedgeplan="${1:?usage: $0 HEDGEPLAN [PATHS...]}"
shift
if [ "$#" -gt 0 ]; then path_counts=("$@"); else path_counts=(1000 10000 100000); fi
shard_paths="${SHARD_PATHS:-10000}" # the run that is split into 1, 10 and 100 shards
strategy="$(dirname "$0")/../strategies/eth-iron-condor-perp-hedged.yaml"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HEDGEPLAN_NOW=2026-11-25T12:00:00Z NO_COLOR=1

"$hedgeplan" compile "$strategy" -o "$work/plan.json" >/dev/null 2>&1
options=(--horizon 7d --step 1h --seed 1)

# measure LABEL COMMAND...: one row.
measure() {
    local label="$1"
    shift
    /usr/bin/time -f '%U %S %e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
        echo "failed: $*" >&2
        cat "$work/stderr" >&2
        exit 1
    }
    read -r user sys wall kb <"$work/time"
    printf '| %s | %.2f | %.2f | %.0f |\n' "$label" "$(echo "$user + $sys" | bc -l)" "$wall" "$((kb / 1024))"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | CPU s | wall s | peak MiB |"
echo "|---|---:|---:|---:|"
measure "start, load the plan, 1 path (the per-shard floor)" "$hedgeplan" stress "$work/plan.json" --paths 1 --threads 1 "${options[@]}"
measure "the same from the strategy (compiled in the shard)" "$hedgeplan" stress "$strategy" --paths 1 --threads 1 "${options[@]}"
for paths in "${path_counts[@]}"; do
    for threads in 1 2; do
        measure "$paths paths, $threads thread(s), unsharded" "$hedgeplan" stress "$work/plan.json" --paths "$paths" --threads "$threads" "${options[@]}"
    done
done

# Sharded: $shard_paths paths split into 1, 10 and 100 shards, run one after another.
paths="$shard_paths"
for shards in 1 10 100; do
    rm -f "$work"/shard-*.json
    # shellcheck disable=SC2016 # the inner script takes its values as arguments
    measure "$paths paths in $shards shard(s), sequential" bash -c '
        for ((i = 0; i < $4; i++)); do
            "$1" stress "$2" --paths "$3" --threads 1 --horizon 7d --step 1h --seed 1 \
                --shards "$4" --shard-index "$i" -o "$5/shard-$i.json" 2>/dev/null
        done' _ "$hedgeplan" "$work/plan.json" "$paths" "$shards" "$work"
    measure "merge of $shards partial result(s)" "$hedgeplan" merge "$work"/shard-*.json -o "$work/merged-$shards.json"
done
"$hedgeplan" stress "$work/plan.json" --paths "$paths" --threads 1 "${options[@]}" --format json >"$work/unsharded.json"
for shards in 1 10 100; do
    cmp -s "$work/unsharded.json" "$work/merged-$shards.json" || { echo "merged $shards shards differ from the unsharded run" >&2; exit 1; }
done
echo
echo "merged results of 1, 10 and 100 shards: identical to the unsharded run"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
