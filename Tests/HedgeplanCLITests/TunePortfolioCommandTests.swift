import Foundation
import HedgeplanTestSupport
import Testing

/// `tune PORTFOLIO.yaml --member NAME` as a user runs it: the recommended policy, written
/// into the member's strategy, gives the same per-copy figures under `stress` of the
/// portfolio on the same paths; what cannot be tuned is refused with the reason.
struct TunePortfolioCommandTests {
    /// The bundled crowd, smaller (3 straddle sellers, 2 call writers), in a scratch folder.
    static func crowd() throws -> URL {
        let examples = PackageRoot.url.appendingPathComponent("Examples/portfolios")
        var files: [String: String] = [:]
        for name in ["eth-short-straddle-perp.yaml", "eth-call-writer-spot-hedged.yaml", "crowded-eth-hedgers.yaml"] {
            files[name] = try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
        }
        files["crowded-eth-hedgers.yaml"] = files["crowded-eth-hedgers.yaml"]!
            .replacingOccurrences(of: "copies: 50", with: "copies: 3").replacingOccurrences(of: "copies: 5", with: "copies: 2")
        files["grid.yaml"] = "- { trigger: band, band: 0.5 }\n- { trigger: band, band: 4 }\n"
        return try PortfolioCommandTests.folder(files)
    }

    static let paths = ["--paths", "12", "--horizon", "1d", "--step", "2h", "--vol", "90%", "--seed", "4"]

    @Test func theRecommendedPolicyReproducesUnderStressOfThePortfolio() throws {
        let dir = try Self.crowd()
        defer { try? FileManager.default.removeItem(at: dir) }
        let portfolio = dir.appendingPathComponent("crowded-eth-hedgers.yaml").path
        let tuned = dir.appendingPathComponent("tuned-straddle.yaml").path
        let r = try HedgeplanProcess.run(
            ["tune", portfolio, "--member", "eth-short-straddle-perp.yaml", "--grid", dir.appendingPathComponent("grid.yaml").path,
             "--format", "json", "--write-strategy", tuned] + Self.paths)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try PortfolioCommandTests.json(r.stdout)
        let scope = try #require(json["portfolio"] as? [String: Any])
        #expect(scope["member"] as? String == "eth-short-straddle-perp.yaml")
        #expect(scope["copies"] as? Int == 3)
        #expect(scope["crowd"] as? [String] == ["eth-call-writer-spot-hedged.yaml × 2"])
        let candidates = try #require(json["candidates"] as? [[String: Any]])
        #expect(candidates.count == 2)
        #expect((candidates[0]["hedges"] as! Double) > (candidates[1]["hedges"] as! Double))
        let best = candidates[try #require(json["recommended"] as? Int)]
        // The crowd with the tuned strategy in place of the member's: its per-copy figures.
        let rewired = try String(contentsOfFile: portfolio, encoding: .utf8)
            .replacingOccurrences(of: "strategy: eth-short-straddle-perp.yaml", with: "strategy: tuned-straddle.yaml")
        let second = dir.appendingPathComponent("tuned-crowd.yaml").path
        try rewired.write(toFile: second, atomically: true, encoding: .utf8)
        let stress = try HedgeplanProcess.run(["stress", second, "--format", "json"] + Self.paths)
        #expect(stress.status == 0, "\(stress.stderr)")
        let members = try #require(try PortfolioCommandTests.json(stress.stdout)["members"] as? [[String: Any]])
        let perCopy = try #require(members[0]["pnl_per_copy"] as? [String: Double])
        #expect(abs(perCopy["es99"]! - (best["es99"] as! Double)) <= 0.005)
        #expect(abs(perCopy["std"]! - (best["std"] as! Double)) <= 0.005)
        #expect(abs(perCopy["mean"]! - (best["mean"] as! Double)) <= 0.005)
    }

    @Test(arguments: [
        ([String](), "2 members of"),
        (["--member", "nobody.yaml"], "--member nobody.yaml: no member of"),
        (["--member", "eth-short-straddle-perp.yaml", "--shards", "2", "--shard-index", "0"], "a portfolio is tuned whole"),
    ])
    func whatCannotBeTunedIsRefused(arguments: [String], message: String) throws {
        let dir = try Self.crowd()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try HedgeplanProcess.run(["tune", dir.appendingPathComponent("crowded-eth-hedgers.yaml").path, "--paths", "2"] + arguments)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test func memberIsForPortfoliosOnly() throws {
        let r = try HedgeplanProcess.run(["tune", TuneCommandTests.condor, "--paths", "2", "--member", "x.yaml"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--member chooses a member of a portfolio"), "\(r.stderr)")
    }
}

/// `stress PORTFOLIO.yaml --shards N`: the shards, merged in any order, print the unsharded
/// run's bytes; shards of another portfolio or a missing one are refused naming the file.
struct PortfolioShardCommandTests {
    static let paths = ["--paths", "7", "--horizon", "1d", "--step", "2h", "--vol", "90%", "--seed", "9"]

    @Test func shardsMergeToTheUnshardedBytes() throws {
        let dir = try TunePortfolioCommandTests.crowd()
        defer { try? FileManager.default.removeItem(at: dir) }
        let portfolio = dir.appendingPathComponent("crowded-eth-hedgers.yaml").path
        let whole = try HedgeplanProcess.run(["stress", portfolio, "--format", "json"] + Self.paths)
        #expect(whole.status == 0, "\(whole.stderr)")
        var files: [String] = []
        for i in 0..<3 {
            let file = dir.appendingPathComponent("shard-\(i).json").path
            let r = try HedgeplanProcess.run(["stress", portfolio, "--shards", "3", "--shard-index", "\(i)", "-o", file] + Self.paths)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("portfolio shard \(i) of 3"), "\(r.stderr)")
            files.append(file)
        }
        let merged = try HedgeplanProcess.run(["merge", files[2], files[0], files[1], "--format", "json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == whole.stdout)
        let text = try HedgeplanProcess.run(["merge"] + files)
        let wholeText = try HedgeplanProcess.run(["stress", portfolio] + Self.paths)
        #expect(text.stdout == wholeText.stdout)

        // A missing shard, and a shard of the portfolio with one more copy, are refused.
        let missing = try HedgeplanProcess.run(["merge", files[0], files[1]])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("1 of 3 shards missing: 2"), "\(missing.stderr)")
        let bigger = dir.appendingPathComponent("bigger.yaml").path
        try String(contentsOfFile: portfolio, encoding: .utf8).replacingOccurrences(of: "copies: 3", with: "copies: 4")
            .write(toFile: bigger, atomically: true, encoding: .utf8)
        let other = dir.appendingPathComponent("other-2.json").path
        let r = try HedgeplanProcess.run(["stress", bigger, "--shards", "3", "--shard-index", "2", "-o", other] + Self.paths)
        #expect(r.status == 0, "\(r.stderr)")
        let mixed = try HedgeplanProcess.run(["merge", files[0], files[1], other])
        #expect(mixed.status == 1)
        #expect(mixed.stderr.contains("\(other): error: a different portfolio run"), "\(mixed.stderr)")
    }
}
