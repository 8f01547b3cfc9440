#!/bin/sh
# Side by side, in one run: the Swift interpreter (whole loop: feed, greeks, policy,
# breakers, accounting, recording) on a 10M-tick synthetic feed, against the bare C loop
# (greeks and band check only) and the same loop in plain Python; then the front end,
# checker and compiler figures. Usage: Benchmarks/peers/run-runtime.sh [TICKS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
root=$(dirname "$bench")
ticks=${1:-10000000}
build="$here/build"; mkdir -p "$build"
echo "== building (Swift release -O, gcc -O2)" >&2
swift build -c release --package-path "$bench" --product RuntimeBench >&2
swift build -c release --package-path "$bench" --product FrontendBench >&2
gcc -O2 -o "$build/interpreter_loop" "$here/interpreter_loop.c" -lm
"$bench/.build/release/RuntimeBench" "$ticks"
"$build/interpreter_loop" "$ticks"
python3 "$here/interpreter_loop.py" 1000000
if [ -n "${SWIFT_TARGET_CPU:-}" ]; then
  swift build -c release --package-path "$bench" --product RuntimeBench --scratch-path "$bench/.build-$SWIFT_TARGET_CPU" \
    -Xswiftc -target-cpu -Xswiftc "$SWIFT_TARGET_CPU" >&2
  "$bench/.build-$SWIFT_TARGET_CPU/release/RuntimeBench" "$ticks" | sed "s/^swift /swift_$SWIFT_TARGET_CPU /"
fi
cd "$root" && "$bench/.build/release/FrontendBench"
