#!/bin/sh
# Runs one libFuzzer target for SECONDS (default 600), from the repository root:
#   swift build -c release --package-path Fuzz --sanitize fuzzer
#   Fuzz/run.sh strategy 600
# KIND: strategy, lint, plan, feed, tick, journal. The committed seeds are read only; the
# corpus the run grows and any crashing input go to .build-fuzz/KIND (not committed).
set -eu
kind=${1:?usage: Fuzz/run.sh strategy|lint|plan|feed|tick|journal [SECONDS]}
seconds=${2:-600}
bin=Fuzz/.build/release
case $kind in
  strategy) target=FuzzStrategy; seeds="strategies"; maxlen=8192 ;;
  lint) target=FuzzLintConfiguration; seeds="Fuzz/Corpus/lint"; maxlen=1024 ;;
  plan) target=FuzzPlan; seeds="Tests/HedgeplanCompilerTests/Golden"; maxlen=8192 ;;
  feed) target=FuzzFeedRows; seeds="Fuzz/Corpus/feed"; maxlen=4096 ;;
  tick) target=FuzzTickMessage; seeds="Fuzz/Corpus/tick"; maxlen=512 ;;
  journal) target=FuzzJournal; seeds="Fuzz/Corpus/journal"; maxlen=40000 ;;
  *) echo "unknown kind $kind" >&2; exit 64 ;;
esac
work=.build-fuzz/$kind
# The Swift runtime's backtracer would catch the trap of a broken property before libFuzzer
# could save the input that caused it.
export SWIFT_BACKTRACE=enable=no
mkdir -p "$work/corpus"
exec "$bin/$target" "$work/corpus" $seeds -max_total_time="$seconds" -max_len="$maxlen" -timeout=20 \
  -artifact_prefix="$work/" -print_final_stats=1
