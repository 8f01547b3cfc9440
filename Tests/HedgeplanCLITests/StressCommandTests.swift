import Foundation
import Testing
import HedgeplanTestSupport

/// `hedgeplan stress` and `merge` as a user runs them: threads and shards (chosen by flag,
/// by a Kubernetes or a Slurm index) never change the bytes, a worst path replays through
/// `dry-run` to the cent, and bad input gets a usage error or a message naming the file.
struct StressCommandTests {
    static let condor = "strategies/eth-iron-condor-perp-hedged.yaml"
    static let small = ["--paths", "30", "--horizon", "1d", "--vol", "120%", "--seed", "9"]

    static func scratch() throws -> URL {
        try ScratchFolder.make("stress-cli")
    }

    @Test func threadsNeverChangeTheOutput() throws {
        var outputs: [String] = []
        for threads in ["1", "2", "4"] {
            let r = try HedgeplanProcess.run(["stress", Self.condor] + Self.small + ["--threads", threads, "--format", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(r.stdout)
        }
        #expect(Set(outputs).count == 1)
        let json = try JSONSerialization.jsonObject(with: Data(outputs[0].utf8)) as! [String: Any]
        #expect(json["format"] as? String == "hedgeplan-stress")
        #expect(json["paths"] as? Int == 30)
        #expect(json["horizon_seconds"] as? Int == 86_400)
        #expect(json["step_seconds"] as? Double == 3_600)
        let pnl = try #require(json["pnl"] as? [String: Any])
        for key in ["mean", "std", "stderr", "min", "max", "quantiles", "var", "es"] { #expect(pnl[key] != nil, "pnl.\(key)") }
        #expect((pnl["quantiles"] as? [String: Any])?.keys.sorted() == ["0.01", "0.05", "0.5", "0.95", "0.99"])
        #expect((pnl["es"] as? [String: Any])?.keys.sorted() == ["0.95", "0.99"])
        #expect((json["worst"] as? [Any])?.count == 10)
        // The mean components add up to the mean shown, to the cent.
        let components = try #require(json["components"] as? [String: Double])
        let sum = components.values.reduce(0, +)
        #expect(abs(sum - (pnl["mean"] as! Double)) < 0.005)
    }

    @Test func shardsPickedByFlagKubernetesOrSlurmMergeToTheUnshardedBytes() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = try HedgeplanProcess.run(["stress", Self.condor] + Self.small)
        let wholeJSON = try HedgeplanProcess.run(["stress", Self.condor] + Self.small + ["--format", "json"])
        #expect(whole.status == 0 && wholeJSON.status == 0)
        let shard = { (i: Int) in dir.appendingPathComponent("shard-\(i).json").path }
        let base = ["stress", Self.condor] + Self.small + ["--shards", "3"]
        let r0 = try HedgeplanProcess.run(base + ["--shard-index", "0", "-o", shard(0)])
        let r1 = try HedgeplanProcess.run(base + ["-o", shard(1)], environment: ["JOB_COMPLETION_INDEX": "1"])
        let r2 = try HedgeplanProcess.run(base + ["-o", shard(2)], environment: ["SLURM_ARRAY_TASK_ID": "12", "SLURM_ARRAY_TASK_MIN": "10"])
        for r in [r0, r1, r2] { #expect(r.status == 0, "\(r.stderr)") }
        #expect(r1.stderr.contains("shard 1 of 3: 10 paths written"))
        let merged = try HedgeplanProcess.run(["merge", shard(2), shard(0), shard(1)])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == whole.stdout)
        let out = dir.appendingPathComponent("merged.json").path
        let mergedJSON = try HedgeplanProcess.run(["merge", shard(1), shard(2), shard(0), "--format", "json", "-o", out])
        #expect(mergedJSON.stdout == wholeJSON.stdout)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == wholeJSON.stdout)

        // A shard given twice, a missing one, another run's: exit 1, naming the file.
        let twice = try HedgeplanProcess.run(["merge", shard(0), shard(1), shard(1)])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("\(shard(1)): error: duplicate: shard 1 of 3 is also \(shard(1))"))
        let missing = try HedgeplanProcess.run(["merge", shard(0), shard(2)])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("1 of 3 shards missing: 1"))
        let other = dir.appendingPathComponent("other.json").path
        _ = try HedgeplanProcess.run(["stress", Self.condor, "--paths", "30", "--horizon", "1d", "--vol", "120%", "--seed", "10", "--shards", "3", "--shard-index", "1", "-o", other])
        let mismatch = try HedgeplanProcess.run(["merge", shard(0), other, shard(2)])
        #expect(mismatch.status == 1)
        #expect(mismatch.stderr.contains("\(other): error: a different run from \(shard(0))"))
        let junk = dir.appendingPathComponent("junk.json").path
        try "{\"format\": 1}".write(toFile: junk, atomically: true, encoding: .utf8)
        let bad = try HedgeplanProcess.run(["merge", junk])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("\(junk): error: not a partial stress result"))
        // The files are decoded in parallel; of several bad ones, the first given is reported.
        let absent = dir.appendingPathComponent("absent.json").path
        let junkFirst = try HedgeplanProcess.run(["merge", shard(0), junk, absent])
        #expect(junkFirst.status == 1)
        #expect(junkFirst.stderr.contains("\(junk): error: not a partial stress result"), "\(junkFirst.stderr)")
        #expect(!junkFirst.stderr.contains(absent))
        let absentFirst = try HedgeplanProcess.run(["merge", shard(0), absent, junk])
        #expect(absentFirst.status == 74)
        #expect(absentFirst.stderr.contains("\(absent): error: cannot read the partial result: no such file"), "\(absentFirst.stderr)")
        #expect(!absentFirst.stderr.contains(junk))
    }

    @Test func theWorstPathReplaysThroughDryRunToTheCent() throws {
        let r = try HedgeplanProcess.run(["stress", Self.condor] + Self.small + ["--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let worst = try #require((json["worst"] as? [[String: Any]])?.first)
        let feed = try #require(worst["feed"] as? String)
        let replay = try HedgeplanProcess.run(["dry-run", Self.condor, "--feed", feed, "--format", "json"])
        #expect(replay.status == 0, "\(replay.stderr)")
        let run = try JSONSerialization.jsonObject(with: Data(replay.stdout.utf8)) as! [String: Any]
        let total = try #require((run["pnl"] as? [String: Any])?["total"] as? Double)
        #expect(total == worst["pnl"] as? Double)
    }

    @Test func theReportShowsBothHistogramsAndTheTail() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("stress.html").path
        let r = try HedgeplanProcess.run(["stress", Self.condor] + Self.small + ["--report", html])
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        for text in ["<svg", "VaR 99%", "ES 95%", "unhedged", "hedgeplan dry-run PLAN --feed", "merton:spot="] {
            #expect(page.contains(text), "\(text)")
        }
    }

    @Test(arguments: [
        (["--paths", "0"], "--paths must be from 1 to 100,000,000, not 0"),
        (["--paths", "-5"], "--paths must be from 1 to 100,000,000, not -5"),
        (["--paths", "10", "--vol", "-10%"], "--vol `-10%`: expected a fraction"),
        (["--paths", "10", "--threads", "-2"], "--threads must be from 1 to 1024, not -2"),
        (["--paths", "10", "--model", "heston"], "--model `heston`: expected gbm, merton, bootstrap:FEED.csv or regime:FEED.csv"),
        (["--paths", "10", "--shard-index", "1"], "--shard-index needs --shards"),
        (["--paths", "10", "--shards", "3"], "--shards 3 needs the shard's index"),
        (["--paths", "10", "--shards", "3", "--shard-index", "3"], "shard index 3 is not within 0..<3"),
        (["--paths", "10", "--horizon", "10m"], "--horizon 10m is shorter than one step (1h)"),
        (["--paths", "10", "--vol", "abc"], "--vol `abc`: expected a fraction"),
        (["--paths", "10", "--model", "bootstrap:Examples/feeds/ethereum.csv", "--step", "5m"], "a bootstrap steps at its history's step, 1h"),
        (["--paths", "10", "--model", "regime:Examples/feeds/ethereum.csv", "--vol", "50%"], "--vol and --drift do not apply to regime paths"),
    ])
    func usageErrorsExit64(arguments: [String], message: String) throws {
        let r = try HedgeplanProcess.run(["stress", Self.condor] + arguments)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        // Checked while parsing or only once the plan is read (the horizon against its
        // step): either way the usage shown is stress's, not the root command's.
        #expect(r.stderr.contains("Usage: hedgeplan stress [<options>] <input> --paths <paths>"), "\(r.stderr)")
    }

    /// A negative drift written as a separate argument is a value, not an unknown flag.
    @Test func aNegativeDriftIsAValue() throws {
        let spaced = try HedgeplanProcess.run(["stress", Self.condor] + Self.small + ["--drift", "-2%", "--format", "json"])
        let joined = try HedgeplanProcess.run(["stress", Self.condor] + Self.small + ["--drift=-2%", "--format", "json"])
        #expect(spaced.status == 0, "\(spaced.stderr)")
        #expect(spaced.stdout.contains("\"drift\" : -0.02,"), "\(spaced.stdout.prefix(600))")
        #expect(spaced.stdout == joined.stdout)
    }

    @Test func aBadHistoryOrAPlanTheSpotCannotRunOnIsAnError() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("one-row.csv").path
        try "timestamp,price\n2024-01-01T00:00:00Z,3000\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let short = try HedgeplanProcess.run(["stress", Self.condor, "--paths", "5", "--model", "bootstrap:\(csv)"])
        #expect(short.status == 1)
        #expect(short.stderr == "\(csv): error: 0 log returns in the history: at least 2 are needed (3 valid prices in a row) [feed]\n", "\(short.stderr)")
        // Every row rejected: the message points at the first and says why.
        let europe = dir.appendingPathComponent("europe.csv").path
        try "timestamp;price\n2024-01-01T00:00:00Z;3000,5\n2024-01-01T01:00:00Z;3001,5\n".write(toFile: europe, atomically: true, encoding: .utf8)
        let rejected = try HedgeplanProcess.run(["stress", Self.condor, "--paths", "5", "--model", "bootstrap:\(europe)"])
        #expect(rejected.status == 1)
        #expect(rejected.stderr.hasPrefix(
            "\(europe):2:2: error: 0 log returns in the history: at least 2 are needed (3 valid prices in a row); 2 data rows were rejected, the first: malformed row: price `3000,5` is not a number (a decimal comma? write `3000.5`) [feed]"),
            "\(rejected.stderr)")
        // Three prices, two returns: enough to run, with a warning that every path is built
        // from those two moves (and the hourly step the history has).
        let three = dir.appendingPathComponent("three-rows.csv").path
        try "timestamp,price\n2024-01-01T00:00:00Z,3000\n2024-01-01T01:00:00Z,3030\n2024-01-01T02:00:00Z,3000\n"
            .write(toFile: three, atomically: true, encoding: .utf8)
        let thin = try HedgeplanProcess.run(["stress", Self.condor, "--paths", "5", "--horizon", "1d", "--model", "bootstrap:\(three)"])
        #expect(thin.status == 0, "\(thin.stderr)")
        #expect(thin.stderr == "\(three): warning: only 2 log returns in the history: every bootstrap path is built from these 2 moves, so its moves and tails are no wider than theirs; 100 or more are advised\n")
        // Absolute strikes 2600..3400 against a spot of 300: refused, as dry-run refuses it.
        let far = try HedgeplanProcess.run(["stress", Self.condor, "--paths", "5", "--spot", "300"])
        #expect(far.status == 1)
        #expect(far.stderr.contains("cannot run the plan on the simulated paths"), "\(far.stderr)")
        let rebased = try HedgeplanProcess.run(["stress", Self.condor, "--paths", "5", "--spot", "300", "--horizon", "1d", "--rebase"])
        #expect(rebased.status == 0, "\(rebased.stderr)")
        #expect(rebased.stdout.contains("replay one with hedgeplan dry-run PLAN --rebase --feed"))
    }
}

extension StressCommandTests {
    /// Shards started from another folder, or with the strategy's absolute path, are shards
    /// of the same run: the spec hash leaves out how the path was typed.
    @Test func theSpecHashIgnoresHowThePlanPathIsSpelled() throws {
        let relative = try HedgeplanProcess.run(["stress", Self.condor, "--paths", "4", "--horizon", "2h", "--format", "json"])
        let absolute = try HedgeplanProcess.run(
            ["stress", HedgeplanProcess.packageRoot.appendingPathComponent(Self.condor).path, "--paths", "4", "--horizon", "2h", "--format", "json"])
        #expect(relative.status == 0 && absolute.status == 0)
        #expect(relative.stdout == absolute.stdout)
    }
}
