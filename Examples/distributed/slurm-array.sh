#!/usr/bin/env bash
# hedgeplan stress on Slurm: 1,000 shards as one job array, then a merge job that starts
# only when every array task succeeded.
#
# Slurm is the scheduler; hedgeplan only knows its shard index. Each array task gets
# SLURM_ARRAY_TASK_ID, and `hedgeplan stress --shards N` (without --shard-index) runs
# shard SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN: the paths k with k mod N = that index.
# `hedgeplan merge` of the N partial results prints exactly the bytes of the unsharded run.
#
# Submit both steps from a login node (RESULTS must be on a filesystem every node sees):
#
#   RESULTS=/scratch/$USER/stress-1 bash slurm-array.sh submit
#
# which runs, in effect:
#
#   shards=$(sbatch --parsable --array=0-999 slurm-array.sh shard)
#   sbatch --dependency=afterok:$shards slurm-array.sh merge
#
# afterok on an array job waits for every task and is never satisfied if one fails: the
# merge job then stays pending with reason DependencyNeverSatisfied (`squeue --me`); rerun
# the failed tasks (`sbatch --array=17,512 slurm-array.sh shard`) and merge by hand
# (`bash slurm-array.sh merge`). merge refuses, naming the file, a missing shard, a
# duplicate or shards of different settings (exit 1).
#
# Settings (environment variables, with these defaults):
#   HEDGEPLAN  the executable, the same path on every node (default: hedgeplan on PATH)
#   PLAN       the plan or strategy (default: the bundled perp-hedged iron condor)
#   PATHS      total paths over all shards (default 10,000,000)
#   SHARDS     N; the submit step sets the --array range 0-(N-1) to match (default 1000)
#   HORIZON, STEP, SEED  stress's --horizon, --step and --seed (default 7d, 1h, 1)
#   RESULTS    folder for the partial and merged results (default ./stress-results)
# Extra `hedgeplan stress` options go after the step: `bash slurm-array.sh submit --vol 80%`.

#SBATCH --job-name=hedgeplan-stress
#SBATCH --array=0-999
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
#SBATCH --mem=512M
#SBATCH --time=00:30:00
#SBATCH --output=stress-%A_%a.log

set -euo pipefail

HEDGEPLAN="${HEDGEPLAN:-hedgeplan}"
PLAN="${PLAN:-strategies/eth-iron-condor-perp-hedged.yaml}"
PATHS="${PATHS:-10000000}"
SHARDS="${SHARDS:-1000}"
RESULTS="${RESULTS:-$PWD/stress-results}"
# Options that change results: every shard and the merge must agree on them.
STRESS_OPTIONS=(--paths "$PATHS" --horizon "${HORIZON:-7d}" --step "${STEP:-1h}" --seed "${SEED:-1}")

step="${1:-}"
if [ "$#" -gt 0 ]; then shift; fi

case "$step" in
submit)
    mkdir -p "$RESULTS"
    # --export=ALL carries the settings above to both jobs; --parsable prints the job id alone.
    shards_job=$(sbatch --parsable --export=ALL --array="0-$((SHARDS - 1))" \
        --output="$RESULTS/shard-%a.log" "$0" shard "$@")
    shards_job="${shards_job%%;*}" # "id;cluster" on a federated cluster
    # --array=0 overrides the #SBATCH --array line above: the merge is a single task. It
    # holds every path's outcome: about 0.25 KB a path plus 20 MB, and 15 us of CPU a path
    # (measured at 1,000,000 paths), so 10 million paths need about 2.5 GB and 2.5 minutes
    # of one core; it decodes the files on the task's cores (--cpus-per-task), each file in
    # flight needing several times its size.
    merge_job=$(sbatch --parsable --export=ALL --dependency="afterok:$shards_job" \
        --array=0 --mem=4G --cpus-per-task=2 --time=01:00:00 --job-name=hedgeplan-merge \
        --output="$RESULTS/merge.log" "$0" merge)
    echo "submitted shards as job $shards_job and the merge as job ${merge_job%%;*};" \
        "the result will be $RESULTS/stress.json (text in $RESULTS/merge.log)"
    ;;
shard)
    : "${SLURM_ARRAY_TASK_ID:?run the shard step as an array task: sbatch --array=0-$((SHARDS - 1)) $0 shard}"
    # One core per task (--cpus-per-task=1): results never depend on --threads. hedgeplan
    # reads its shard index from SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN itself.
    index=$((SLURM_ARRAY_TASK_ID - ${SLURM_ARRAY_TASK_MIN:-0}))
    exec "$HEDGEPLAN" stress "$PLAN" "${STRESS_OPTIONS[@]}" "$@" \
        --threads "${SLURM_CPUS_PER_TASK:-1}" --shards "$SHARDS" \
        -o "$RESULTS/shard-$index.json"
    ;;
merge)
    # Listed by index, not by a glob, so that a missing shard is named by merge itself.
    files=()
    for ((index = 0; index < SHARDS; index++)); do files+=("$RESULTS/shard-$index.json"); done
    exec "$HEDGEPLAN" merge "${files[@]}" -o "$RESULTS/stress.json" --report "$RESULTS/stress.html"
    ;;
*)
    echo "usage: $0 submit|shard|merge [hedgeplan stress options]" >&2
    exit 64
    ;;
esac
