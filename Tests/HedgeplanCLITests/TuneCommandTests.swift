import Foundation
import Testing
import HedgeplanTestSupport

/// `hedgeplan tune` as a user runs it: the recommended policy, written into the strategy,
/// gives the same figures under `stress` on the same paths; the Pareto flags hold; a bad
/// grid item or objective is refused.
struct TuneCommandTests {
    static let condor = "Benchmarks/strategies/eth-condor-weekly-bs.yaml"

    @Test func theRecommendedPolicyReproducesUnderStress() throws {
        let dir = try ScratchFolder.make("tune")
        defer { try? FileManager.default.removeItem(at: dir) }
        let tuned = dir.appendingPathComponent("tuned.yaml").path
        let svg = dir.appendingPathComponent("frontier.svg").path
        let html = dir.appendingPathComponent("tune.html").path
        let r = try HedgeplanProcess.run(["tune", Self.condor, "--paths", "40", "--horizon", "2d", "--policies", "band,interval,whalley-wilmott",
                                          "--format", "json", "--write-strategy", tuned, "--plot", svg, "--report", html])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let candidates = try #require(json["candidates"] as? [[String: Any]])
        #expect(candidates.count == 12)
        let recommended = try #require(json["recommended"] as? Int)
        // Pareto, recomputed from the printed figures.
        for c in candidates {
            let cost = c["cost"] as! Double, std = c["std"] as! Double
            let dominated = candidates.contains { ($0["cost"] as! Double) < cost && ($0["std"] as! Double) < std }
            #expect(c["pareto"] as? Bool == !dominated)
        }
        // The recommendation has the lowest objective, cost + 2 std.
        let objectives = candidates.map { ($0["cost"] as! Double) + 2 * ($0["std"] as! Double) }
        #expect(abs(objectives[recommended] - objectives.min()!) < 0.02)
        // The tuned strategy differs from the original in its delta line only, and stress
        // of it on the same paths prints the candidate's figures.
        let original = try String(contentsOfFile: HedgeplanProcess.packageRoot.appendingPathComponent(Self.condor).path, encoding: .utf8)
        let written = try String(contentsOfFile: tuned, encoding: .utf8)
        let changed = zip(original.components(separatedBy: "\n"), written.components(separatedBy: "\n")).filter { $0 != $1 }
        let best = candidates[recommended]
        #expect(changed.count <= 1)
        let stress = try HedgeplanProcess.run(["stress", tuned, "--paths", "40", "--horizon", "2d", "--format", "json"])
        #expect(stress.status == 0, "\(stress.stderr)")
        let s = try JSONSerialization.jsonObject(with: Data(stress.stdout.utf8)) as! [String: Any]
        let pnl = s["pnl"] as! [String: Any]
        #expect(pnl["std"] as? Double == best["std"] as? Double)
        #expect((pnl["es"] as! [String: Any])["0.99"] as? Double == best["es99"] as? Double)
        let c = s["components"] as! [String: Double]
        #expect(abs(-(c["fees"]! + c["slippage"]! + c["gas"]! + c["funding"]!) - (best["cost"] as! Double)) < 0.015)
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("Pareto frontier"))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("whalley-wilmott") && page.contains("ES 99%"))
        // Standard errors are printed for every figure; ES 99% of 40 paths is one path's loss,
        // whose standard error is undefined (null), as in `stress`'s `es_stderr`.
        let errors = try #require(best["stderr"] as? [String: Any])
        #expect(errors.keys.sorted() == ["cost", "es99", "std"])
        #expect(errors["cost"] as? Double != nil && errors["std"] as? Double != nil && errors["es99"] is NSNull)
        #expect(errors["es99"] is NSNull == ((pnl["es_stderr"] as! [String: Any])["0.99"] is NSNull))
    }

    @Test func aGridItemThatDoesNotCompileIsReportedAtItsLine() throws {
        let dir = try ScratchFolder.make("tune-grid")
        defer { try? FileManager.default.removeItem(at: dir) }
        let grid = dir.appendingPathComponent("grid.yaml").path
        try "- { trigger: band, band: 0.5 }\n- { trigger: band, band: -3 }\n".write(toFile: grid, atomically: true, encoding: .utf8)
        let r = try HedgeplanProcess.run(["tune", Self.condor, "--paths", "5", "--grid", grid])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(grid):2:3: error: candidate 1 `{ trigger: band, band: -3 }` does not compile"), "\(r.stderr)")
    }

    @Test(arguments: [
        (["--objective", "cost + vega"], "`vega` is neither a number nor one of cost, std, es99, hedges"),
        (["--policies", "band,regime"], "--policies regime fits its model to a price history: give --history FEED.csv"),
        (["--policies", "bnad"], "unknown family `bnad`"),
    ])
    func usageErrorsExit64(arguments: [String], message: String) throws {
        let r = try HedgeplanProcess.run(["tune", Self.condor, "--paths", "5"] + arguments)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }
}

extension TuneCommandTests {
    /// A tune sharded like `stress` merges to the unsharded tune's bytes.
    @Test func tuneShardsMergeToTheUnshardedBytes() throws {
        let dir = try ScratchFolder.make("tune-shards")
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = ["tune", Self.condor, "--paths", "21", "--horizon", "1d", "--policies", "band,interval"]
        let whole = try HedgeplanProcess.run(base + ["--format", "json"])
        #expect(whole.status == 0, "\(whole.stderr)")
        let shard = { (i: Int) in dir.appendingPathComponent("tune-\(i).json").path }
        for i in 0..<3 {
            let r = try HedgeplanProcess.run(base + ["--shards", "3", "--shard-index", String(i), "-o", shard(i)])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let merged = try HedgeplanProcess.run(["merge", shard(1), shard(2), shard(0), "--format", "json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == whole.stdout)
        let missing = try HedgeplanProcess.run(["merge", shard(0), shard(2)])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("1 of 3 shards missing: 1"))
    }
}
