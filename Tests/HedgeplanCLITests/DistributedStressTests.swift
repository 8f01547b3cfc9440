import Foundation
import Testing
import HedgeplanTestSupport

/// `Examples/distributed/`: the engines that run `hedgeplan stress` shards past one machine.
/// The Dask driver runs for real on a LocalCluster of 3 worker processes on this machine;
/// the Slurm script runs its shard and merge steps as Slurm would (the array variables set
/// by hand, `sbatch` replaced by a recorder); the Kubernetes manifest is parsed (PyYAML)
/// and its shard command run as a pod would run it. Each merged result must be exactly the
/// bytes of the unsharded run.
///
/// Dask and PyYAML are Python packages: without them these tests say why they skip, except
/// under CI (`CI` set), where `.ci/run` installs them and their absence fails the test.
struct DistributedStressTests {
    static let examples = HedgeplanProcess.packageRoot.appendingPathComponent("Examples/distributed")
    static let strategy = "strategies/eth-iron-condor-perp-hedged.yaml"
    /// A small run: 60 paths of one day in hourly steps (a few seconds in a debug build).
    static let runOptions = ["--paths", "60", "--horizon", "1d"]

    /// The unsharded run that every engine must reproduce: standard output in `format`, and
    /// the JSON result that `-o` writes.
    struct Unsharded {
        let text: String
        let json: String
    }

    static let unsharded: Swift.Result<Unsharded, any Error> = Swift.Result {
        let dir = try scratch("unsharded")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("full.json")
        let text = try HedgeplanProcess.run(["stress", strategy] + runOptions + ["-o", file.path], timeout: 300)
        let json = try HedgeplanProcess.run(["stress", strategy] + runOptions + ["--format", "json"], timeout: 300)
        guard text.status == 0, json.status == 0 else {
            throw Failure("the unsharded run failed: \(text.stderr) \(json.stderr)")
        }
        // -o writes exactly what --format json prints: either can be the reference for JSON.
        guard try Data(contentsOf: file) == Data(json.stdout.utf8) else {
            throw Failure("stress -o and stress --format json differ")
        }
        return Unsharded(text: text.stdout, json: json.stdout)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static func scratch(_ name: String) throws -> URL {
        try ScratchFolder.make("hedgeplan-distributed-\(name)")
    }

    /// Whether python3 can import `module`; when it cannot, fails under CI and otherwise
    /// prints why the test skips.
    static func pythonHas(_ module: String, install: String) throws -> Bool {
        let probe = try HedgeplanProcess.run(["-c", "import \(module)"], timeout: 120, program: "python3")
        if probe.status == 0 { return true }
        let why = "python3 cannot import \(module) (\(install)): \(probe.stderr.split(separator: "\n").last ?? "")"
        try #require(ProcessInfo.processInfo.environment["CI"] == nil, "CI installs it: \(why)")
        print("skipping: \(why)")
        return false
    }

    // MARK: Dask distributed

    @Test(arguments: ["text", "json"])
    func daskOnThreeLocalWorkersMergesToTheUnshardedBytes(format: String) throws {
        guard try Self.pythonHas("dask.distributed", install: "pip install 'dask[distributed]'") else { return }
        let reference = try Self.unsharded.get()
        let dir = try Self.scratch("dask-\(format)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let merged = dir.appendingPathComponent("merged.json")
        let shards = dir.appendingPathComponent("shards")
        let result = try HedgeplanProcess.run(
            [Self.examples.appendingPathComponent("dask_stress.py").path, HedgeplanProcess.executable.path, Self.strategy,
             "--shards", "7", "--local-workers", "3", "--format", format, "-o", merged.path, "--keep-shards", shards.path]
                + Self.runOptions,
            timeout: 600, program: "python3")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("7 shards on 1 host(s)"), "\(result.stderr)")
        #expect(result.stdout == (format == "json" ? reference.json : reference.text))
        #expect(try String(contentsOf: merged, encoding: .utf8) == reference.json)
        // Seven partial results of 60 paths: shard I holds the paths k with k mod 7 = I.
        for index in 0..<7 {
            let data = try Data(contentsOf: shards.appendingPathComponent("shard-\(index).json"))
            let shard = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(shard["shard_index"] as? Int == index)
            #expect(shard["shards"] as? Int == 7)
            // The outcomes are stored as columns, one array a field, in path order.
            let outcomes = try #require(shard["outcomes"] as? [String: Any])
            #expect(outcomes["path"] as? [Int] == Array(stride(from: index, to: 60, by: 7)))
            #expect((outcomes["unhedged"] as? [Double])?.count == (index < 4 ? 9 : 8))
        }
    }

    /// A stand-in for hedgeplan that fails on shard 3 only (and runs the real one otherwise):
    /// the driver must name that shard, show its standard error, and merge nothing.
    @Test func daskNamesTheFailedShardAndItsStandardError() throws {
        guard try Self.pythonHas("dask.distributed", install: "pip install 'dask[distributed]'") else { return }
        let dir = try Self.scratch("dask-failure")
        defer { try? FileManager.default.removeItem(at: dir) }
        let flaky = dir.appendingPathComponent("flaky-hedgeplan")
        try """
            #!/bin/sh
            case " $* " in *" --shard-index 3 "*) echo "shard storage is full" >&2; exit 74;; esac
            exec '\(HedgeplanProcess.executable.path)' "$@"

            """.write(to: flaky, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: flaky.path)
        let merged = dir.appendingPathComponent("merged.json")
        let result = try HedgeplanProcess.run(
            [Self.examples.appendingPathComponent("dask_stress.py").path, flaky.path, Self.strategy,
             "--shards", "5", "--local-workers", "3", "-o", merged.path] + Self.runOptions,
            timeout: 600, program: "python3")
        #expect(result.status == 1)
        #expect(result.stderr.contains("1 of 5 shards failed; nothing merged"), "\(result.stderr)")
        #expect(result.stderr.contains("shard 3 of 5 exited 74 on "), "\(result.stderr)")
        #expect(result.stderr.contains("    shard storage is full"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: merged.path))
    }

    /// Usage errors stop the driver before it starts a cluster (exit 64, hedgeplan's).
    @Test(arguments: [
        (["nope.yaml", "--shards", "3", "--local-workers", "2", "--paths", "9"], "nope.yaml: no such plan or strategy file"),
        (["strategies/eth-iron-condor-perp-hedged.yaml", "--shards", "3", "--local-workers", "2"], "--paths N is required"),
        (["strategies/eth-iron-condor-perp-hedged.yaml", "--shards", "3", "--local-workers", "2", "--paths", "9", "--shard-index", "1"], "--shard-index: set by the driver"),
        (["strategies/eth-iron-condor-perp-hedged.yaml", "--shards", "0", "--local-workers", "2", "--paths", "9"], "--shards must be at least 1, got 0"),
        (["strategies/eth-iron-condor-perp-hedged.yaml", "--shards", "3", "--paths", "9"], "one of the arguments --scheduler --local-workers is required"),
    ])
    func daskDriverRefusesBadArguments(arguments: [String], message: String) throws {
        let result = try HedgeplanProcess.run(
            [Self.examples.appendingPathComponent("dask_stress.py").path, HedgeplanProcess.executable.path] + arguments,
            timeout: 120, program: "python3")
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    // MARK: Slurm

    /// The array tasks as Slurm runs them (SLURM_ARRAY_TASK_ID from an array 5-7, so the
    /// index is ID - MIN), then the merge step: the same bytes as the unsharded run.
    @Test func slurmArrayTasksAndMergeReproduceTheUnshardedRun() throws {
        let reference = try Self.unsharded.get()
        let script = Self.examples.appendingPathComponent("slurm-array.sh").path
        let syntax = try HedgeplanProcess.run(["-n", script], timeout: 60, program: "bash")
        #expect(syntax.status == 0, "\(syntax.stderr)")

        let dir = try Self.scratch("slurm")
        defer { try? FileManager.default.removeItem(at: dir) }
        let settings = [
            "HEDGEPLAN": HedgeplanProcess.executable.path, "PLAN": Self.strategy, "PATHS": "60", "SHARDS": "3",
            "HORIZON": "1d", "RESULTS": dir.path,
        ]
        for id in 5...7 {
            let task = try HedgeplanProcess.run(
                [script, "shard"], environment: settings.merging(["SLURM_ARRAY_TASK_ID": "\(id)", "SLURM_ARRAY_TASK_MIN": "5"]) { $1 },
                timeout: 300, program: "bash")
            #expect(task.status == 0, "\(task.stderr)")
            #expect(task.stderr.contains("shard \(id - 5) of 3: 20 paths written"), "\(task.stderr)")
        }
        let merge = try HedgeplanProcess.run([script, "merge"], environment: settings, timeout: 300, program: "bash")
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.stdout == reference.text)
        #expect(try String(contentsOf: dir.appendingPathComponent("stress.json"), encoding: .utf8) == reference.json)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("stress.html").path))

        // A lost shard: merge names it and fails, so the dependent job never reports success.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("shard-1.json"))
        let missing = try HedgeplanProcess.run([script, "merge"], environment: settings, timeout: 300, program: "bash")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("shard-1.json"), "\(missing.stderr)")
    }

    /// `submit` with a recording `sbatch`: an array of SHARDS tasks, then a merge job that
    /// depends on that array's id with afterok.
    @Test func slurmSubmitMakesTheMergeDependOnTheArray() throws {
        let dir = try Self.scratch("sbatch")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bin = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let log = dir.appendingPathComponent("sbatch.log")
        try """
            #!/bin/sh
            echo "$*" >> '\(log.path)'
            case "$*" in *--dependency*) echo 4243;; *) echo "4242;cluster-a";; esac

            """.write(to: bin.appendingPathComponent("sbatch"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent("sbatch").path)
        let script = Self.examples.appendingPathComponent("slurm-array.sh").path
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let results = dir.appendingPathComponent("results").path
        let submit = try HedgeplanProcess.run(
            [script, "submit", "--vol", "80%"], environment: ["PATH": path, "SHARDS": "250", "RESULTS": results],
            timeout: 60, program: "bash")
        #expect(submit.status == 0, "\(submit.stderr)")
        #expect(submit.stdout.contains("submitted shards as job 4242 and the merge as job 4243"), "\(submit.stdout)")
        let calls = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        try #require(calls.count == 2, "\(calls)")
        #expect(calls[0].contains("--array=0-249"))
        #expect(calls[0].hasSuffix("\(script) shard --vol 80%"), "\(calls[0])")
        #expect(calls[1].contains("--dependency=afterok:4242 "), "\(calls[1])")
        #expect(calls[1].hasSuffix("\(script) merge"), "\(calls[1])")
        #expect(FileManager.default.fileExists(atPath: results))
    }

    // MARK: Kubernetes

    /// The manifest parses (PyYAML), N agrees between `completions` and `--shards`, both Jobs
    /// mount the same claim, and the shard container's command, run as a pod would run it
    /// (hedgeplan on PATH, JOB_COMPLETION_INDEX set, a smaller run), writes its shard.
    @Test func kubernetesIndexedJobParsesAndItsShardCommandRuns() throws {
        guard try Self.pythonHas("yaml", install: "pip install pyyaml") else { return }
        let manifest = Self.examples.appendingPathComponent("kubernetes-indexed-job.yaml").path
        let summary = try HedgeplanProcess.run(["-c", """
            import json, sys, yaml
            docs = list(yaml.safe_load_all(open(sys.argv[1])))
            jobs = {d["metadata"]["name"]: d for d in docs if d["kind"] == "Job"}
            def pod(job): return jobs[job]["spec"]["template"]["spec"]
            print(json.dumps({
                "kinds": [d["kind"] for d in docs],
                "steps": [d["metadata"]["labels"]["step"] for d in docs],
                "claim": [d["metadata"]["name"] for d in docs if d["kind"] == "PersistentVolumeClaim"][0],
                "shards": jobs["hedgeplan-stress-shards"]["spec"],
                "shard_pod": pod("hedgeplan-stress-shards"),
                "merge_pod": pod("hedgeplan-stress-merge"),
            }))
            """, manifest], timeout: 120, program: "python3")
        try #require(summary.status == 0, "\(summary.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
        #expect(object["kinds"] as? [String] == ["PersistentVolumeClaim", "Job", "Job"])
        #expect(object["steps"] as? [String] == ["shards", "shards", "merge"])
        let spec = try #require(object["shards"] as? [String: Any])
        #expect(spec["completionMode"] as? String == "Indexed")
        let completions = try #require(spec["completions"] as? Int)
        let parallelism = try #require(spec["parallelism"] as? Int)
        #expect(completions == 1000 && parallelism >= 1 && parallelism <= completions)

        func container(_ pod: String) throws -> (command: String, claims: [String]) {
            let spec = try #require(object[pod] as? [String: Any])
            let containers = try #require(spec["containers"] as? [[String: Any]])
            let args = try #require(containers.first?["args"] as? [String])
            let claims = (spec["volumes"] as? [[String: Any]] ?? []).compactMap {
                ($0["persistentVolumeClaim"] as? [String: Any])?["claimName"] as? String
            }
            #expect(spec["restartPolicy"] as? String == "Never")
            return (args.joined(separator: " "), claims)
        }
        let shard = try container("shard_pod"), merge = try container("merge_pod")
        #expect(shard.claims == [object["claim"] as? String ?? "?"] && merge.claims == shard.claims)
        #expect(shard.command.contains("--shards \(completions) "), "\(shard.command)")
        #expect(shard.command.contains("-o /results/shard-${JOB_COMPLETION_INDEX}.json"))
        #expect(merge.command.contains("hedgeplan merge /results/shard-*.json"))

        // Run the shard command as pod 2 would, with the image's paths mapped into a scratch
        // folder and 1,000 paths instead of 10 million (one path for this shard).
        let dir = try Self.scratch("kubernetes")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bin = dir.appendingPathComponent("bin"), results = dir.appendingPathComponent("results")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("hedgeplan"), withDestinationURL: HedgeplanProcess.executable)
        let small = shard.command
            .replacingOccurrences(of: "/plans/", with: HedgeplanProcess.packageRoot.appendingPathComponent("strategies").path + "/")
            .replacingOccurrences(of: "/results", with: results.path)
            .replacingOccurrences(of: "--paths 10000000", with: "--paths 1000")
            .replacingOccurrences(of: "--horizon 7d", with: "--horizon 1d")
        #expect(small.contains("--paths 1000 ") && small.contains("--horizon 1d "), "\(small)")
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let pod = try HedgeplanProcess.run(["-c", small], environment: ["PATH": path, "JOB_COMPLETION_INDEX": "2"], timeout: 300, program: "sh")
        #expect(pod.status == 0, "\(pod.stderr)")
        let data = try Data(contentsOf: results.appendingPathComponent("shard-2.json"))
        let partial = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(partial["shard_index"] as? Int == 2)
        #expect(partial["shards"] as? Int == 1000)
        #expect((partial["outcomes"] as? [String: Any])?["path"] as? [Int] == [2])
    }
}
