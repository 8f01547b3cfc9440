#!/usr/bin/env python3
"""Run `hedgeplan stress` as N shards on a Dask distributed cluster, then merge them.

Dask is the scheduler; this driver only fans the shards out and merges. Each task runs
the hedgeplan executable as a subprocess,

    hedgeplan stress PLAN STRESS-OPTIONS --shards N --shard-index I -o shard-I.json

in a scratch folder of its own on the worker, and returns the partial result's bytes, so
workers need no shared volume for results. The driver writes the N partial results to a
scratch folder on this machine and runs `hedgeplan merge` on them, which prints exactly the
bytes that the unsharded run prints (shard results depend on the seed and the path index
only, never on which worker ran them or in which order they finished).

Every worker must see the hedgeplan executable, this folder and the plan (and any --model
bootstrap:FEED.csv) at the same paths as this machine: true of a LocalCluster, of workers
started from the same container image, or of a shared filesystem. Each shard runs in this
folder with the plan path spelled as given: a plan records its strategy's path, and the
spec hash that merge checks covers the plan, so `plan.yaml` and `/abs/plan.yaml` make
different (unmergeable) runs.

Usage:
    dask_stress.py HEDGEPLAN PLAN --shards N (--scheduler ADDRESS | --local-workers K)
                   [--format text|json] [-o MERGED.json] [--report stress.html]
                   [--shard-timeout SECONDS] [--keep-shards DIR] STRESS-OPTIONS...

STRESS-OPTIONS (--paths is required) go to every shard's `hedgeplan stress` unchanged, for
example `--paths 1000000 --horizon 7d --step 1h --seed 7`. Each shard runs on one thread
(`--threads 1`: Dask runs one task per worker thread) unless STRESS-OPTIONS set --threads.

Examples:
    # three worker processes on this machine
    dask_stress.py .build/release/hedgeplan strategies/eth-iron-condor-perp-hedged.yaml \\
        --shards 30 --local-workers 3 --paths 300000 --horizon 7d
    # a running cluster (`dask scheduler` and `dask worker tcp://HOST:8786` on each node)
    dask_stress.py /opt/hedgeplan/bin/hedgeplan /shared/plan.json --shards 1000 \\
        --scheduler tcp://scheduler:8786 --paths 10000000 --format json -o stress.json

Exit codes (those of hedgeplan): 0 merged, 1 a shard or the merge failed (the message names
the shard and shows its standard error), 64 usage errors, 69 dask.distributed is missing or
the scheduler cannot be reached.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

EXIT_FAILED = 1
EXIT_USAGE = 64
EXIT_UNAVAILABLE = 69

# Options that the driver sets on every shard itself.
RESERVED_STRESS_OPTIONS = {"--shards", "--shard-index", "-o", "--output", "--format", "--report"}


@dataclass
class ShardOutcome:
    """What one task sends back: the partial result's bytes, or why there is none."""

    index: int
    status: int  # hedgeplan's exit status; negative: killed by that signal
    timed_out: bool
    stderr: str
    result: bytes | None
    seconds: float
    host: str


def run_shard(
    executable: str, folder: str, plan: str, stress_options: list[str], shards: int, index: int,
    timeout: float | None,
) -> ShardOutcome:
    """Runs shard `index` of `shards` in `folder`, writing to a scratch folder; never raises
    for a failed shard.

    Runs on a Dask worker. Returns the bytes of the partial result file rather than a path, so
    that the driver needs no filesystem shared with the workers for results (a partial result
    is a few kilobytes, whatever the number of paths).
    """
    import socket

    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=f"hedgeplan-shard-{index}-") as scratch:
        output = os.path.join(scratch, f"shard-{index}.json")
        command = [executable, "stress", plan, *stress_options, "--shards", str(shards),
                   "--shard-index", str(index), "-o", output]
        timed_out = False
        try:
            completed = subprocess.run(
                command, cwd=folder, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE, timeout=timeout, check=False)
            status, stderr = completed.returncode, completed.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired as expired:
            status, timed_out = -9, True
            stderr = (expired.stderr or b"").decode("utf-8", "replace") + f"\n(killed after {timeout:g} s)"
        except OSError as error:
            status, stderr = 127, f"cannot run {executable}: {error}"
        result = None
        if status == 0:
            try:
                result = Path(output).read_bytes()
            except OSError as error:
                status, stderr = EXIT_FAILED, stderr + f"\nexited 0 but wrote no partial result: {error}"
    return ShardOutcome(index, status, timed_out, stderr, result, time.monotonic() - start, socket.gethostname())


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    """argparse, with hedgeplan's usage exit code (64) instead of argparse's 2."""

    def error(self, message: str):  # noqa: D401 - argparse's signature
        self.print_usage(sys.stderr)
        print(f"dask_stress.py: error: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def parse(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = Parser(
        prog="dask_stress.py",
        description="Fan `hedgeplan stress` out as N shards on Dask, then `hedgeplan merge` them. "
                    "Options not listed here go to every shard's `hedgeplan stress`.",
        epilog="Example: dask_stress.py .build/release/hedgeplan strategies/eth-iron-condor-perp-hedged.yaml "
               "--shards 30 --local-workers 3 --paths 300000 --horizon 7d")
    parser.add_argument("hedgeplan", help="the hedgeplan executable (the same path on every worker)")
    parser.add_argument("plan", help="a compiled plan (.json) or a strategy (.yaml)")
    parser.add_argument("--shards", type=int, required=True, help="number of shards N (tasks)")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", metavar="ADDRESS", help="a running scheduler, such as tcp://host:8786")
    where.add_argument("--local-workers", type=int, metavar="K",
                       help="start a LocalCluster of K worker processes (one thread each) on this machine")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="merged output on standard output (default text)")
    parser.add_argument("-o", "--output", metavar="MERGED.json", help="also write the merged JSON result here")
    parser.add_argument("--report", metavar="FILE.html", help="also write merge's HTML report")
    parser.add_argument("--shard-timeout", type=float, metavar="SECONDS",
                        help="kill a shard that runs longer than this (default: no limit)")
    parser.add_argument("--keep-shards", metavar="DIR",
                        help="keep the partial results in DIR (default: a temporary folder, removed)")
    args, stress_options = parser.parse_known_args(argv)
    if stress_options[:1] == ["--"]:
        stress_options = stress_options[1:]
    if args.shards < 1:
        parser.error(f"--shards must be at least 1, got {args.shards}")
    if args.local_workers is not None and args.local_workers < 1:
        parser.error(f"--local-workers must be at least 1, got {args.local_workers}")
    if args.shard_timeout is not None and args.shard_timeout <= 0:
        parser.error(f"--shard-timeout must be positive, got {args.shard_timeout:g}")
    reserved = sorted({option.split("=", 1)[0] for option in stress_options} & RESERVED_STRESS_OPTIONS)
    if reserved:
        parser.error(f"{', '.join(reserved)}: set by the driver for each shard; give --shards, --format, -o "
                     "and --report to the driver itself")
    if not any(option.split("=", 1)[0] == "--paths" for option in stress_options):
        parser.error("--paths N is required (it goes to every shard's hedgeplan stress)")
    if not any(option.split("=", 1)[0] == "--threads" for option in stress_options):
        stress_options = [*stress_options, "--threads", "1"]
    # Workers may start in another folder: the executable by its absolute path, the plan as
    # given (it is part of the spec hash) with the shards run in this folder.
    args.hedgeplan = os.path.abspath(args.hedgeplan)
    if not (os.path.isfile(args.hedgeplan) and os.access(args.hedgeplan, os.X_OK)):
        parser.error(f"{args.hedgeplan}: not an executable file")
    if not os.path.isfile(args.plan):
        parser.error(f"{args.plan}: no such plan or strategy file")
    return args, stress_options


def describe_failure(outcome: ShardOutcome, shards: int) -> str:
    if outcome.timed_out:
        how = "timed out"
    elif outcome.status < 0:
        how = f"was killed by signal {-outcome.status}"
    else:
        how = f"exited {outcome.status}"
    stderr = outcome.stderr.strip() or "(no standard error)"
    indented = "\n".join("    " + line for line in stderr.splitlines())
    return f"shard {outcome.index} of {shards} {how} on {outcome.host}:\n{indented}"


def run(args: argparse.Namespace, stress_options: list[str]) -> int:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as error:
        print(f"dask_stress.py: error: dask.distributed is not installed ({error}); "
              "pip install 'dask[distributed]'", file=sys.stderr)
        return EXIT_UNAVAILABLE

    cluster = None
    try:
        if args.local_workers is not None:
            cluster = LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(args.scheduler, timeout="30s")
    except (OSError, TimeoutError) as error:
        where = args.scheduler or "a LocalCluster"
        print(f"dask_stress.py: error: cannot reach the Dask scheduler at {where}: {error}", file=sys.stderr)
        if cluster is not None:
            cluster.close()
        return EXIT_UNAVAILABLE

    start = time.monotonic()
    outcomes: dict[int, ShardOutcome] = {}
    failures: list[str] = []
    try:
        futures = [
            client.submit(run_shard, args.hedgeplan, os.getcwd(), args.plan, stress_options, args.shards, index,
                          args.shard_timeout, key=f"hedgeplan-shard-{index}-of-{args.shards}", pure=False)
            for index in range(args.shards)
        ]
        index_of = {future.key: index for index, future in enumerate(futures)}
        for future in as_completed(futures):
            index = index_of[future.key]
            try:
                outcome = future.result()
            except Exception as error:  # a worker lost, a task that could not run
                failures.append(f"shard {index} of {args.shards} did not run on Dask: {type(error).__name__}: {error}")
                continue
            if outcome.status != 0 or outcome.result is None:
                failures.append(describe_failure(outcome, args.shards))
            else:
                outcomes[index] = outcome
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    if failures:
        failures.sort(key=lambda text: int(text.split()[1]))
        print(f"dask_stress.py: error: {len(failures)} of {args.shards} shards failed; nothing merged",
              file=sys.stderr)
        for text in failures:
            print(text, file=sys.stderr)
        return EXIT_FAILED

    ran = time.monotonic() - start
    with tempfile.TemporaryDirectory(prefix="hedgeplan-merge-") as temporary:
        folder = Path(args.keep_shards or temporary)
        folder.mkdir(parents=True, exist_ok=True)
        files = []
        for index in range(args.shards):
            path = folder / f"shard-{index}.json"
            path.write_bytes(outcomes[index].result)
            files.append(str(path))
        command = [args.hedgeplan, "merge", *files, "--format", args.format]
        if args.output:
            command += ["-o", args.output]
        if args.report:
            command += ["--report", args.report]
        merged = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, check=False)
    if merged.returncode != 0:
        print(f"dask_stress.py: error: hedgeplan merge exited {merged.returncode}:", file=sys.stderr)
        sys.stderr.write(merged.stderr.decode("utf-8", "replace"))
        return merged.returncode
    sys.stdout.buffer.write(merged.stdout)
    sys.stdout.flush()
    sys.stderr.write(merged.stderr.decode("utf-8", "replace"))
    hosts = len({outcome.host for outcome in outcomes.values()})
    slowest = max(outcome.seconds for outcome in outcomes.values())
    print(f"dask_stress.py: {args.shards} shards on {hosts} host(s) in {ran:.1f} s "
          f"(slowest shard {slowest:.1f} s), merged", file=sys.stderr)
    return 0


def main(argv: list[str]) -> int:
    args, stress_options = parse(argv)
    return run(args, stress_options)


if __name__ == "__main__":  # LocalCluster's worker processes import this file: start only here
    sys.exit(main(sys.argv[1:]))
