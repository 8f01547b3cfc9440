import Foundation
import Testing
import HedgeplanTestSupport

/// `dry-run --max-ticks N` and `--duration D` on the bundled ETH history (hourly closes
/// from 2022-04-29T08:00:00Z), and their usage errors.
struct DryRunLimitsTests {
    static let strategy = "strategies/eth-iron-condor-perp-hedged.yaml"
    static let history = "Examples/feeds/ethereum.csv"

    struct Summary: Decodable {
        var ticks: Int
        var first_time: String
        var last_time: String
        var notes: [String]
    }

    static func run(_ extra: [String]) throws -> (HedgeplanProcess.Result, Summary?) {
        let result = try HedgeplanProcess.run(["dry-run", strategy, "--feed", history, "--format", "json", "--no-progress"] + extra)
        return (result, try? JSONDecoder().decode(Summary.self, from: Data(result.stdout.utf8)))
    }

    @Test func maxTicksCutsACSVFeed() throws {
        let (result, summary) = try Self.run(["--max-ticks", "100"])
        #expect(result.status == 0, "\(result.stderr)")
        let s = try #require(summary)
        #expect(s.ticks == 100)
        #expect(s.first_time == "2022-04-29T08:00:00Z")
        // 100 hourly ticks from 08:00: the last is 99 hours later (the feed has no gap there).
        #expect(s.last_time == "2022-05-03T11:00:00Z")
        #expect(s.notes.contains("the run stopped after 100 ticks (--max-ticks)"))
    }

    @Test func aLimitBeyondTheFeedChangesNothing() throws {
        let (plain, full) = try Self.run([])
        let (limited, same) = try Self.run(["--max-ticks", "1000000", "--duration", "3650d"])
        #expect(plain.status == 0 && limited.status == 0)
        #expect(limited.stdout == plain.stdout)
        #expect(full?.ticks == 26_279 && same?.ticks == 26_279)
    }

    @Test func durationCutsACSVFeedInFeedTime() throws {
        let (result, summary) = try Self.run(["--duration", "7d"])
        #expect(result.status == 0, "\(result.stderr)")
        let s = try #require(summary)
        #expect(s.last_time == "2022-05-06T08:00:00Z")
        #expect(s.ticks == 7 * 24 + 1)
        #expect(s.notes.contains("the run stopped at 7d of feed time (--duration); the next tick is at 2022-05-06T09:00:00Z"))
        // 1.5h of a simulated one-minute path: 91 ticks (0 to 90 minutes).
        let gbm = try HedgeplanProcess.run(["dry-run", Self.strategy, "--feed", "gbm:spot=3000,vol=0.6,days=1,step=1m,seed=1", "--duration", "1.5h", "--format", "json"])
        #expect(try JSONDecoder().decode(Summary.self, from: Data(gbm.stdout.utf8)).ticks == 91)
    }

    @Test(arguments: [
        (["--max-ticks", "0"], "--max-ticks must be at least 1 (got 0)"),
        (["--max-ticks=-5"], "--max-ticks must be at least 1 (got -5)"),
        (["--max-ticks", "-5"], "--max-ticks must be at least 1 (got -5)"),
        (["--max-ticks", "ten"], "The value 'ten' is invalid for '--max-ticks <N>'"),
        (["--duration", "5x"], "--duration `5x`: not a duration; write a number and a unit"),
        (["--duration", "10"], "--duration `10`: not a duration"),
        (["--duration", "0s"], "--duration `0s`: must be at least 1 ms"),
        (["--duration=-1h"], "--duration `-1h`: not a duration"),
        (["--duration", "-1h"], "Missing value for '--duration <DURATION>'"),
    ])
    func badLimitsAreUsageErrors(_ arguments: [String], _ message: String) throws {
        // Under `--format json` (as `run` asks) a usage error is one JSON diagnostic.
        let (result, _) = try Self.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let diagnostics = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["rule"] as? String == "usage")
        #expect((diagnostics.first?["message"] as? String)?.contains(message) == true, "\(result.stdout)")
    }

    @Test func helpDescribesTheLimitsAndCtrlC() throws {
        let help = try HedgeplanProcess.run(["dry-run", "--help"])
        #expect(help.status == 0)
        for text in ["--max-ticks <N>", "--duration <DURATION>", "Ctrl-C", "exit status is 130", "Stop after N ticks", "commits at least once a second"] {
            #expect(help.stdout.contains(text), "\(text)")
        }
    }
}
