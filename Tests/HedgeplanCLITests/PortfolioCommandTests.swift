import Foundation
import HedgeplanTestSupport
import Testing

/// `validate`, `lint` and `dry-run` given a portfolio file (simulation.md, "Portfolios").
struct PortfolioCommandTests {
    static let hedger = """
        hedgeplan: 1
        name: perp-hedger
        underlying: ETH/USDC
        market: { spot: 3000, volatility: 60% }
        legs:
          - { id: c, side: short, type: call, strike: 3000, expiry: 7d, quantity: 2 }
        hedge:
          instrument: perp
          delta: { trigger: band, band: 0.05 }
        execution:
          venues:
            - { name: perp, kind: perp, fee: 0.05% }
        """

    /// A scratch folder with `files`, removed after the test.
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = try ScratchFolder.make("portfolio-cli")
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theBundledExampleValidatesAndLints() throws {
        let validate = try HedgeplanProcess.run(["validate", "Examples/portfolios/crowded-eth-hedgers.yaml"])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stderr.contains("1 file checked: no problems"))
        let lint = try HedgeplanProcess.run(["lint", "Examples/portfolios/crowded-eth-hedgers.yaml", "--format", "json"])
        #expect(lint.status == 0, "\(lint.stderr)")
    }

    @Test func validateReportsAMissingMemberAtItsLineAndColumn() throws {
        let dir = try Self.folder([
            "hedger.yaml": Self.hedger,
            "crowd.yaml": """
                hedgeplan: 1
                portfolio: crowd
                members:
                  - { strategy: hedger.yaml, copies: 0 }
                  - { strategy: nowhere.yaml }
                """,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try HedgeplanProcess.run(["validate", "crowd.yaml"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("crowd.yaml:4:38: error: `members[0].copies` must be >= 1"))
        #expect(result.stderr.contains("crowd.yaml:5:17: error: member file `nowhere.yaml` does not exist [unresolved-reference]"))
        let dry = try HedgeplanProcess.run(["dry-run", "crowd.yaml", "--feed", "gbm:spot=3000,vol=0.6,days=1,step=1h,seed=1"], in: dir)
        #expect(dry.status == 1)
        #expect(dry.stdout.isEmpty)
    }

    /// The design's keys, and a one-member, one-copy portfolio giving its member's own
    /// dry-run P&L to the cent.
    @Test func dryRunPrintsMembersAndCrowdAndMatchesTheMembersOwnRun() throws {
        let dir = try Self.folder([
            "hedger.yaml": Self.hedger,
            "alone.yaml": """
                hedgeplan: 1
                portfolio: alone
                members:
                  - { strategy: hedger.yaml }
                """,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let feed = "gbm:spot=3000,vol=0.8,days=2,step=5m,seed=4"
        let portfolio = try HedgeplanProcess.run(["dry-run", "alone.yaml", "--feed", feed, "--format", "json"], in: dir)
        #expect(portfolio.status == 0, "\(portfolio.stderr)")
        let own = try HedgeplanProcess.run(["dry-run", "hedger.yaml", "--feed", feed, "--format", "json"], in: dir)
        #expect(own.status == 0, "\(own.stderr)")
        let object = try Self.json(portfolio.stdout)
        let crowd = try #require(object["crowd"] as? [String: Any])
        #expect(Set(crowd.keys) == ["max_pool_deviation_bps", "induced_rebalances", "max_cascade_depth", "liquidations", "volume"])
        let members = try #require(object["members"] as? [[String: Any]])
        #expect(members.count == 1)
        #expect(Set(members[0].keys) == ["name", "copies", "pnl", "hedges", "liquidations"])
        let ownObject = try Self.json(own.stdout)
        let memberPnL = try #require(members[0]["pnl"] as? [String: Any])
        let ownPnL = try #require(ownObject["pnl"] as? [String: Any])
        #expect(memberPnL["total"] as? Double == ownPnL["total"] as? Double)
        #expect(memberPnL["components"] as? [String: Double] == ownPnL["components"] as? [String: Double])
        #expect(members[0]["hedges"] as? Int == ownObject["hedges"] as? Int)
        #expect((ownObject["hedges"] as? Int ?? 0) > 5)
    }

    @Test func aJournalIsAUsageErrorForAPortfolio() throws {
        let result = try HedgeplanProcess.run([
            "dry-run", "Examples/portfolios/crowded-eth-hedgers.yaml", "--feed", "gbm:spot=3000,vol=0.6,days=1,step=1h,seed=1",
            "--journal", "/tmp/never-written.sqlite",
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--journal applies to a plan or strategy; a portfolio run is not journaled"))
    }

    /// The report charts the pool against the feed with every liquidation marked, and lists
    /// the cascade: one row per liquidation the JSON counts, each with its round.
    @Test func theReportChartsThePoolAndListsTheCascade() throws {
        let folder = try ScratchFolder.make("hedgeplan-portfolio-report")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("crowd.html")
        let arguments = ["dry-run", "Examples/portfolios/crowded-eth-hedgers.yaml", "--feed", "gbm:spot=3000,vol=0.9,days=7,step=1h,seed=5"]
        let run = try HedgeplanProcess.run(arguments + ["--format", "json", "--report", report.path])
        #expect(run.status == 0, "\(run.stderr)")
        let crowd = try #require(try Self.json(run.stdout)["crowd"] as? [String: Any])
        let liquidations = try #require(crowd["liquidations"] as? Int)
        #expect(liquidations > 0, "the example's crash path liquidates copies")
        let page = try String(contentsOf: report, encoding: .utf8)
        let svgStart = try #require(page.range(of: "<svg"))
        let svgEnd = try #require(page.range(of: "</svg>"))
        let svg = String(page[svgStart.lowerBound..<svgEnd.upperBound])
        guard case .success(let outline) = XMLOutline.parse(svg) else {
            Issue.record("the pool chart is not well-formed SVG")
            return
        }
        #expect(outline.attributes.first?["id"]?.hasPrefix("chart-pools") == true)
        #expect(outline.texts.contains("Pool univ2"))
        #expect(outline.texts.contains("Liquidation (mark after it)"))
        let cascadeRows = page.components(separatedBy: "<td class=\"num\">").count
        #expect(cascadeRows > liquidations)
        #expect(page.contains("\(liquidations) liquidation\(liquidations == 1 ? "" : "s"), cascade depth \(crowd["max_cascade_depth"] as? Int ?? -1)"))
        // The same run without a report prints the same figures.
        let plain = try HedgeplanProcess.run(arguments + ["--format", "json"])
        #expect(plain.stdout == run.stdout)
    }

    @Test func aShuffledOrderIsReproducibleFromItsSeed() throws {
        let arguments = [
            "dry-run", "Examples/portfolios/crowded-eth-hedgers.yaml", "--feed", "gbm:spot=3000,vol=0.9,days=1,step=15m,seed=2",
            "--order", "shuffle", "--seed", "5", "--format", "json",
        ]
        let first = try HedgeplanProcess.run(arguments)
        let second = try HedgeplanProcess.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
    }

    @Test func stressPrintsEachMembersTailAndTheCrowdsDistribution() throws {
        let result = try HedgeplanProcess.run([
            "stress", "Examples/portfolios/crowded-eth-hedgers.yaml", "--paths", "4", "--horizon", "1d", "--step", "4h",
            "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try Self.json(result.stdout)
        #expect(object["paths"] as? Int == 4)
        let members = try #require(object["members"] as? [[String: Any]])
        #expect(members.map { $0["copies"] as? Int } == [50, 5])
        let perCopy = try #require(members[0]["pnl_per_copy"] as? [String: Double])
        #expect(Set(perCopy.keys) == ["mean", "std", "min", "max", "p95", "var99", "es99"])
        // With 4 paths the 1% tail is the worst path: ES99 is minus the minimum.
        #expect(perCopy["es99"] == -(perCopy["min"] ?? 0))
        let crowd = try #require(object["crowd"] as? [String: Any])
        #expect(Set(crowd.keys) == ["max_pool_deviation_bps", "induced_rebalances", "max_cascade_depth", "liquidations", "volume"])
        // A report is the dry run's: stress of a portfolio refuses one (shards: PortfolioShardCommandTests).
        let report = try HedgeplanProcess.run([
            "stress", "Examples/portfolios/crowded-eth-hedgers.yaml", "--paths", "4", "--report", "/tmp/never-written.html",
        ])
        #expect(report.status == 64)
        #expect(report.stderr.contains("--report applies to a plan or strategy"), "\(report.stderr)")
    }
}
