import Foundation
import Testing
import HedgeplanTestSupport

/// Regression tests for the bad-input sweep of 2026-12-02 (docs/fuzzing.md, "Sweep of
/// 2026-12-02"): each test is built from the input that crashed the program, printed a
/// wrong figure or passed silently, and checks what a user sees now.
struct SweepFindingTests {
    static let condor = "strategies/eth-iron-condor-perp-hedged.yaml"
    static var root: URL { HedgeplanProcess.packageRoot }

    static func write(_ text: String, to name: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A strategy on ETH/USDC valued at 2026-11-27T08:00Z with the given market and legs
    /// (flow mappings, one a line).
    static func strategy(_ name: String, spot: Int = 3000, volatility: String = "60%", legs: [String]) -> String {
        """
        hedgeplan: 1
        name: \(name)
        underlying: ETH/USDC
        market: { as_of: 2026-11-27T08:00:00Z, spot: \(spot), volatility: \(volatility), rate: 4% }
        legs:
        \(legs.map { "  - " + $0 }.joined(separator: "\n"))

        """
    }

    // MARK: Crashes

    /// Foundation's `NSString.deletingLastPathComponent` trapped on a one-character output
    /// path: `compile -o x` (and every other output, and a governance policy named `p`)
    /// ended in SIGILL.
    @Test func oneCharacterPathsAreWrittenAndRead() throws {
        let dir = try ScratchFolder.make("sweep-paths")
        defer { try? FileManager.default.removeItem(at: dir) }
        let compiled = try HedgeplanProcess.run(["compile", Self.root.appendingPathComponent(Self.condor).path, "-o", "x"], in: dir)
        #expect(compiled.status == 0, "\(compiled.stderr)")
        let plan = try String(contentsOf: dir.appendingPathComponent("x"), encoding: .utf8)
        #expect(plan.contains("\"format\" : \"hedgeplan.plan\""))
        let folder = try HedgeplanProcess.run(["compile", Self.root.appendingPathComponent(Self.condor).path, "-o", "a/"], in: dir)
        #expect(folder.status == 74)
        #expect(folder.stderr.hasPrefix("a/: error: cannot write the plan: the folder a does not exist"), "\(folder.stderr)")

        // A governance policy one character long, its key files found beside it.
        let examples = Self.root.appendingPathComponent("Examples/governance")
        for item in try FileManager.default.contentsOfDirectory(atPath: examples.path) {
            try FileManager.default.copyItem(at: examples.appendingPathComponent(item), to: dir.appendingPathComponent(item))
        }
        try FileManager.default.copyItem(at: dir.appendingPathComponent("policy.yaml"), to: dir.appendingPathComponent("p"))
        let proposed = try HedgeplanProcess.run(
            ["propose", "proposed.yaml", "--current", "current.yaml", "--policy", "p", "-o", "q", "--now", "2026-11-27T09:00:00Z"], in: dir)
        #expect(proposed.status == 0, "\(proposed.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("q").path))

        // A key the proposal format does not define passed `verify` and `activate`; plans
        // refused theirs. Approvers sign what `verify` shows: it is refused too now.
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("q"))) as? [String: Any])
        object["notes_to_self"] = "unsigned"
        try JSONSerialization.data(withJSONObject: object).write(to: dir.appendingPathComponent("q"))
        let verified = try HedgeplanProcess.run(["verify", "q", "--policy", "p", "--now", "2026-11-27T12:00:00Z"], in: dir)
        #expect(verified.status == 1)
        #expect(verified.stderr.contains("not a Hedgeplan proposal: $.notes_to_self: unknown key"), "\(verified.stderr)")
    }

    /// `--policies ""` reached a frontier of no candidate (an index out of range in the text,
    /// `"recommended": 0` of an empty list in JSON); `--policies` beside `--grid` was ignored.
    @Test func tuneRefusesAnEmptyPolicyListAndTwoCandidateSources() throws {
        for policies in ["", ",", " , "] {
            let r = try HedgeplanProcess.run(["tune", Self.condor, "--paths", "4", "--policies", policies])
            #expect(r.status == 64, "--policies '\(policies)': \(r.stderr)")
            #expect(r.stderr.contains("--policies names no family"))
            #expect(r.stdout.isEmpty)
        }
        let both = try HedgeplanProcess.run(["tune", Self.condor, "--paths", "4", "--policies", "band", "--grid", "Examples/tune/policies.yaml"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("--policies and --grid both name the candidates: give one of them"))
    }

    /// SLURM_ARRAY_TASK_ID minus SLURM_ARRAY_TASK_MIN overflowed Int and trapped.
    @Test func slurmIndicesThatOverflowAreAUsageError() throws {
        for (id, minimum) in [("9223372036854775807", "-1"), ("0", "-9223372036854775808")] {
            let r = try HedgeplanProcess.run(
                ["stress", Self.condor, "--paths", "6", "--shards", "3"],
                environment: ["SLURM_ARRAY_TASK_ID": id, "SLURM_ARRAY_TASK_MIN": minimum])
            #expect(r.status == 64, "\(r.stderr)")
            #expect(r.stderr.contains("SLURM_ARRAY_TASK_ID \(id) minus SLURM_ARRAY_TASK_MIN \(minimum) is out of range"))
        }
    }

    /// A shard holding an amount of 1e308 trapped converting cents to Int64 (amounts are
    /// now cents in a Double, and past 1e150 refused as damaged); one holding a
    /// negative rebalance count merged. An edited tune objective (hash kept) merged with the
    /// first file's objective winning; emptied candidates trapped.
    @Test func mergeRefusesDamagedShardsNamingTheField() throws {
        let dir = try ScratchFolder.make("sweep-merge")
        defer { try? FileManager.default.removeItem(at: dir) }
        func shard(_ command: String, _ i: Int) throws -> String {
            let path = dir.appendingPathComponent("\(command)-\(i).json").path
            let r = try HedgeplanProcess.run(
                [command, Self.condor, "--paths", "6", "--horizon", "1d", "--shards", "2", "--shard-index", "\(i)", "--threads", "1", "-o", path]
                    + (command == "tune" ? ["--policies", "band"] : []))
            #expect(r.status == 0, "\(r.stderr)")
            return path
        }
        func edited(_ path: String, _ name: String, _ edit: (inout [String: Any]) -> Void) throws -> String {
            var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
            edit(&object)
            let out = dir.appendingPathComponent(name).path
            try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: out))
            return out
        }
        let s0 = try shard("stress", 0), s1 = try shard("stress", 1)
        let cases: [(String, (inout [String: Any]) -> Void, String)] = [
            ("huge.json", { var o = $0["outcomes"] as! [String: Any]; var f = o["fees"] as! [Double]; f[0] = -1e300; o["fees"] = f; $0["outcomes"] = o },
             "not a partial stress result: $.outcomes: cannot be read: an amount of -1e+300 QUOTE, beyond 1e150, where the statistics overflow"),
            ("negative.json", { var o = $0["outcomes"] as! [String: Any]; var h = o["hedges"] as! [Int]; h[0] = -3; o["hedges"] = h; $0["outcomes"] = o },
             "not a partial stress result: $.outcomes: cannot be read: -3 rebalances"),
            ("text.json", { var o = $0["outcomes"] as! [String: Any]; var h = o["hedges"] as! [Any]; h[0] = "x"; o["hedges"] = h; $0["outcomes"] = o },
             "not a partial stress result: $.outcomes.hedges[0]: expected an integer"),
            // Found 2026-12-02: Foundation refused this as "not valid JSON" with no path.
            ("fraction.json", { var o = $0["outcomes"] as! [String: Any]; var h = o["hedges"] as! [Any]; h[1] = 2.5; o["hedges"] = h; $0["outcomes"] = o },
             "not a partial stress result: $.outcomes.hedges[1]: expected an integer (a whole number within ±9.2e18), found 2.5"),
        ]
        for (name, edit, message) in cases {
            let bad = try edited(s1, name, edit)
            let r = try HedgeplanProcess.run(["merge", s0, bad])
            #expect(r.status == 1, "\(name): \(r.stderr)")
            #expect(r.stderr.hasPrefix("\(bad): error: \(message)"), "\(r.stderr)")
        }
        let plot = try HedgeplanProcess.run(["merge", s0, s1, "--plot", dir.appendingPathComponent("p.svg").path])
        #expect(plot.status == 64)
        #expect(plot.stderr.contains("--plot draws a tune's frontier; \(s0) is not a partial tune result"))

        let t0 = try shard("tune", 0), t1 = try shard("tune", 1)
        let objective = try edited(t1, "objective.json") { $0["objective"] = "std" }
        let emptied = try edited(t1, "emptied.json") { $0["candidates"] = [Any](); $0["outcomes"] = [Any]() }
        for bad in [objective, emptied] {
            let r = try HedgeplanProcess.run(["merge", t0, bad])
            #expect(r.status == 1, "\(r.stderr)")
            #expect(r.stderr.hasPrefix(
                "\(bad): error: the same spec_sha256 as \(t0) but other plan, settings, candidates or objective: one of the two was edited after it was written"),
                "\(r.stderr)")
        }
        #expect(try HedgeplanProcess.run(["merge", t0, t1]).status == 0)
    }

    /// Usage errors were text on standard error whatever `--format` said (issue 9: "errors of
    /// the commands themselves ... honour --format json"): a bad feed spec, a flag out of range.
    @Test func usageErrorsHonourFormatJSON() throws {
        let cases: [([String], String)] = [
            (["dry-run", Self.condor, "--feed", "gbm:spot=3000,vol=-1,days=7,step=1h", "--format", "json"], "vol=-1"),
            (["stress", Self.condor, "--paths", "0", "--format=json"], "--paths must be from 1"),
            (["validate", Self.condor, "--no-such-flag", "--format", "sarif"], "no-such-flag"),
        ]
        for (arguments, fragment) in cases {
            let r = try HedgeplanProcess.run(arguments)
            #expect(r.status == 64, "\(arguments): \(r.stderr)")
            #expect(r.stderr.isEmpty, "\(r.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
            let text = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
            #expect(text.contains("usage") && text.contains(fragment), "\(r.stdout)")
        }
        let plain = try HedgeplanProcess.run(["stress", Self.condor, "--paths", "0"])
        #expect(plain.status == 64)
        #expect(plain.stderr.hasPrefix("Error: --paths must be from 1"))
    }

    /// A naked short call under a 1000% drift loses 1e25 USDC a path: as `Int64` cents the
    /// component table trapped (the same conversion as a damaged shard's 1e308).
    @Test func componentsPastInt64CentsAreShownNotTrapped() throws {
        let dir = try ScratchFolder.make("sweep-cents")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.write(
            Self.strategy("naked-call", legs: ["{ id: call, side: short, type: call, strike: 3300, expiry: 5y, quantity: 1 }"]),
            to: "naked.yaml", in: dir)
        let r = try HedgeplanProcess.run(["stress", file, "--paths", "3", "--drift", "10", "--horizon", "5y", "--threads", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("  option      -"), "\(r.stdout)")
        #expect(!r.stdout.lowercased().contains("nan") && !r.stdout.contains("inf"))
    }

    /// A portfolio named as another's member was read as a strategy: "missing key `name`",
    /// "unknown key `portfolio`".
    @Test func aPortfolioIsNotAMember() throws {
        let dir = try ScratchFolder.make("sweep-member")
        defer { try? FileManager.default.removeItem(at: dir) }
        let examples = Self.root.appendingPathComponent("Examples/portfolios").path
        let file = try Self.write("""
            hedgeplan: 1
            portfolio: nested
            members:
              - { strategy: \(examples)/crowded-eth-hedgers.yaml }

            """, to: "nested.yaml", in: dir)
        let r = try HedgeplanProcess.run(["validate", file])
        #expect(r.status == 1)
        #expect(r.stderr.contains("nested.yaml:4:17: error: member `\(examples)/crowded-eth-hedgers.yaml` is itself a portfolio"), "\(r.stderr)")
        #expect(!r.stderr.contains("unknown key `portfolio`"))
    }

    /// ES 99% of 60 paths is the loss of one path (type-7 VaR at rank 0.59: only the worst
    /// is at or beyond it): its standard error is undefined, and
    /// was printed as "± 0.00", a certainty there is not.
    @Test func anExpectedShortfallOfOnePathHasNoStandardError() throws {
        let text = try HedgeplanProcess.run(["stress", Self.condor, "--paths", "60", "--horizon", "1d", "--threads", "1"])
        #expect(text.status == 0, "\(text.stderr)")
        let es99 = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("  ES 99%") })
        #expect(es99.contains("± n/a"), "\(es99)")
        let json = try HedgeplanProcess.run(["stress", Self.condor, "--paths", "60", "--horizon", "1d", "--threads", "1", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let errors = try #require((object["pnl"] as? [String: Any])?["es_stderr"] as? [String: Any])
        #expect(errors["0.99"] is NSNull)
        #expect(errors["0.95"] is NSNumber, "three paths of 60 are at or beyond VaR 95% (rank 2.95): \(errors)")
    }

    /// `tune` printed the same certainty for each candidate's ES 99% as `stress` did: with 60
    /// paths only the worst is in the 99% tail.
    @Test func aTuneExpectedShortfallOfOnePathHasNoStandardError() throws {
        let arguments = ["tune", Self.condor, "--paths", "60", "--horizon", "1d", "--threads", "1", "--policies", "band,interval"]
        let text = try HedgeplanProcess.run(arguments)
        #expect(text.status == 0, "\(text.stderr)")
        let rows = text.stdout.split(separator: "\n").filter { $0.contains("{ target:") && !$0.hasPrefix("recommended") }
        #expect(rows.count == 9, "five bands and four intervals: \(text.stdout)")
        for row in rows { #expect(row.contains("±n/a"), "\(row)") }
        let json = try HedgeplanProcess.run(arguments + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let candidates = try #require(object["candidates"] as? [[String: Any]])
        #expect(candidates.count == 9)
        for c in candidates {
            let errors = try #require(c["stderr"] as? [String: Any])
            #expect(errors["es99"] is NSNull, "\(errors)")
            #expect(errors["std"] is NSNumber, "\(errors)")
        }
    }

    /// `-o -` wrote a file named `-`. Where `-o` replaces standard output (`compile`,
    /// `propose`, as `price` already did) it now means standard output; where standard output
    /// carries the command's own output besides the file (`stress`, `--report`), it is refused
    /// (exit 64) before any work, and no file named `-` appears.
    @Test func aDashOutputIsStandardOutputOrRefused() throws {
        let dir = try ScratchFolder.make("sweep-dash")
        defer { try? FileManager.default.removeItem(at: dir) }
        let strategy = Self.root.appendingPathComponent(Self.condor).path
        let compiled = try HedgeplanProcess.run(["compile", strategy, "-o", "-"], in: dir)
        #expect(compiled.status == 0, "\(compiled.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(compiled.stdout.utf8)) as? [String: Any])
        #expect(plan["legs"] is [Any])
        for arguments in [
            ["stress", strategy, "--paths", "4", "-o", "-"],
            ["dry-run", strategy, "--feed", "gbm:spot=3000,vol=0.6,days=1,step=1h,seed=1", "--report", "-"],
            ["dry-run", strategy, "--feed", "gbm:spot=3000,vol=0.6,days=1,step=1h,seed=1", "--journal", "-"],
        ] {
            let r = try HedgeplanProcess.run(arguments, in: dir)
            #expect(r.status == 64, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains("to `-`: this option takes a file"), "\(r.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// A strategy saved with a UTF-8 byte order mark was refused at line 2 ("did not find
    /// expected <document start>"); it now validates like the same file without the mark.
    @Test func aStrategyWithAByteOrderMarkValidates() throws {
        let dir = try ScratchFolder.make("sweep-bom")
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOf: Self.root.appendingPathComponent(Self.condor), encoding: .utf8)
        let marked = dir.appendingPathComponent("marked.yaml")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)).write(to: marked)
        let r = try HedgeplanProcess.run(["validate", marked.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("error"), "\(r.stderr)")
    }

    /// `--resume` of a finished journal printed its stored result whatever `--max-ticks` or
    /// `--duration` said: a one-day result for a resume that asked for two. The limits are now
    /// part of the run's identity: another limit is refused naming both, the same limit
    /// (`1d` and `24h` alike) prints the stored result.
    @Test func resumeHoldsTheRunsLimits() throws {
        let dir = try ScratchFolder.make("sweep-resume-limits")
        defer { try? FileManager.default.removeItem(at: dir) }
        let journal = dir.appendingPathComponent("run.sqlite").path
        let base = ["dry-run", Self.condor, "--feed", "Examples/feeds/ethereum.csv", "--journal", journal, "--format", "json"]
        let first = try HedgeplanProcess.run(base + ["--duration", "1d"])
        #expect(first.status == 0, "\(first.stderr)")
        let again = try HedgeplanProcess.run(base + ["--resume", "--duration", "24h"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == first.stdout)
        for (extra, given) in [
            ([String](), "none (to the feed's end)"), (["--duration", "2d"], "--duration 172800000 ms"),
            (["--duration", "1d", "--max-ticks", "5"], "--max-ticks 5 --duration 86400000 ms"),
        ] {
            let other = try HedgeplanProcess.run(base + ["--resume"] + extra)
            // Under --format json the refusal is a diagnostic on standard output.
            #expect(other.status == 1, "\(extra): \(other.stderr)")
            #expect(other.stdout.contains("its limits (--max-ticks, --duration) is --duration 86400000 ms, this run's is \(given)"), "\(other.stdout)")
        }
    }

    // MARK: Wrong or unexplained figures

    /// A short 2000 call (20 received) on one long ETH bought at 3000 loses at every spot:
    /// P&L = S - 3000 + 20 - max(S - 2000, 0), at best 2000 - 2980 = -980 (S >= 2000), at
    /// worst -2980 (S = 0). `analyze` said "Max profit 0.00". The mirror, bought at 16 with
    /// a 3300 strike, gains everywhere: at worst +4 (S = 0), at best 3300 - 16 + 20 = 3304.
    @Test func analyzeSaysWhenAStrategyLosesOrGainsAtEverySpot() throws {
        let dir = try ScratchFolder.make("sweep-analyze")
        defer { try? FileManager.default.removeItem(at: dir) }
        func strategy(spot: Int, strike: Int) -> String {
            Self.strategy("one-sided", spot: spot, legs: [
                "{ id: call, side: short, type: call, strike: \(strike), expiry: 7d, quantity: 1, premium: 20 }",
                "{ id: eth, side: long, type: spot, quantity: 1 }",
            ])
        }
        let table: [(spot: Int, strike: Int, line: String, figures: [String: Double])] = [
            (3000, 2000, "Max profit     none: a loss at every spot, 980.00 USDC at best",
             ["max_profit": 0, "best_pnl": -980, "max_loss": 2980, "worst_pnl": -2980]),
            (16, 3300, "Max loss       none: a profit at every spot, 4.00 USDC at worst",
             ["max_profit": 3304, "best_pnl": 3304, "max_loss": 0, "worst_pnl": 4]),
        ]
        for row in table {
            let file = try Self.write(strategy(spot: row.spot, strike: row.strike), to: "s\(row.spot).yaml", in: dir)
            let text = try HedgeplanProcess.run(["analyze", file])
            #expect(text.status == 0, "\(text.stderr)")
            #expect(text.stdout.contains(row.line + "\n"), "\(text.stdout)")
            let json = try HedgeplanProcess.run(["analyze", file, "--format", "json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            for (key, value) in row.figures { #expect(object[key] as? Double == value, "\(key) of \(row)") }
        }
    }

    /// A delta of 0.01 at 1000% volatility over 5 years is a strike of 5.4e134: it passed
    /// `validate`, and `analyze` then called the capped payoff unbounded.
    @Test func aStrikeSolvedFromADeltaIsHeldToThePriceRange() throws {
        let dir = try ScratchFolder.make("sweep-delta")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.write(
            Self.strategy("far-strike", volatility: "1000%", legs: [
                "{ id: call, side: short, type: call, strike: { delta: 0.01 }, expiry: 5y, quantity: 1, premium: 20 }",
                "{ id: eth, side: long, type: spot, quantity: 1 }",
            ]),
            to: "far.yaml", in: dir)
        let r = try HedgeplanProcess.run(["validate", file])
        #expect(r.status == 1)
        #expect(r.stderr.contains("far.yaml:6:50: error: this strike resolves to 5.3585"), "\(r.stderr)")
        #expect(r.stderr.contains("outside the prices a plan can trade (1e-12 to 1e12) [unresolvable-strike]"))
    }

    /// `price --model merton` printed -nan for jumps of e^4 (mean 2, vol 2), and prices that
    /// broke put-call parity for larger ones; at T = 0 an at-the-money row had a gamma of
    /// 4e147. Each is refused now at its row, and moderate jumps still satisfy parity:
    /// C - P = S - K e^(-rT) = 100 - 100 e^(-0.05) = 4.87706 (q = 0).
    @Test func priceRefusesWhatItCannotComputeAndKeepsParity() throws {
        let dir = try ScratchFolder.make("sweep-price")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = try Self.write("""
            type,spot,strike,r,q,vol,T,jump_intensity,jump_mean_log,jump_vol
            call,100,100,0.05,0,0.2,1,3,2,2
            put,100,100,0.05,0,0.2,1,3,5,5
            call,100,100,0.05,0,0.2,0,3,0.5,0.5

            """, to: "bad.csv", in: dir)
        let r = try HedgeplanProcess.run(["price", "--model", "merton", bad])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("bad.csv:2:1: error: ln F of the series' last term = 1170.967"), "\(r.stderr)")
        #expect(r.stderr.contains("bad.csv:3:26: error: jump_intensity * e^(jump_mean_log + jump_vol^2/2) * T = 119474353"))
        #expect(r.stderr.contains("bad.csv:4:25: error: T = 0.0 leaves an option whose forward is its strike on the kink of its payoff"))
        #expect(!r.stderr.contains("nan"))

        let good = try Self.write("""
            type,spot,strike,r,q,vol,T,jump_intensity,jump_mean_log,jump_vol
            call,100,100,0.05,0,0.2,1,3,1,1
            put,100,100,0.05,0,0.2,1,3,1,1

            """, to: "good.csv", in: dir)
        let priced = try HedgeplanProcess.run(["price", "--model", "merton", good])
        #expect(priced.status == 0, "\(priced.stderr)")
        let rows = priced.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        let call = try #require(Double(rows[0][10])), put = try #require(Double(rows[1][10]))
        #expect(abs((call - put) - (100 - 100 * exp(-0.05))) < 1e-9, "C \(call) P \(put)")
    }

    /// `--model regime:FILE` was labelled "GBM paths (vol 65.0%...)" in the text output.
    @Test func stressNamesTheRegimeModelItRuns() throws {
        let r = try HedgeplanProcess.run(
            ["stress", Self.condor, "--paths", "4", "--threads", "1", "--model", "regime:Examples/feeds/ethereum.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("paths         4 regime-switching paths of Examples/feeds/ethereum.csv (2 volatility regimes fitted to it), 7d horizon"), "\(r.stdout)")
        #expect(!r.stdout.contains("GBM"))
    }

    /// `--spot 1e-300` ran and reported zeros; the message for 1e12 said "must be positive".
    @Test func stressSpotIsHeldToTheFeedsPriceRange() throws {
        for spot in ["1e-300", "1e13", "0"] {
            let r = try HedgeplanProcess.run(["stress", Self.condor, "--paths", "4", "--spot", spot, "--rebase"])
            #expect(r.status == 64, "\(spot): \(r.stderr)")
            #expect(r.stderr.contains("--spot must be a price from 1e-12 to 1e12 (QUOTE per BASE, as every feed's)"))
        }
    }

    /// An objective whose weights overflow made every candidate's objective `inf` and the
    /// pick arbitrary; a simulated feed of 3e12 ticks ran for weeks; a plan whose leg's
    /// `offset_seconds` was edited (its `instant_ms` left) ran on one of the two silently.
    @Test func limitsOnWhatCannotBeMeantAreStated() throws {
        let objective = try HedgeplanProcess.run(["tune", Self.condor, "--paths", "4", "--objective", "1e308*std + 1e308*cost"])
        #expect(objective.status == 64)
        #expect(objective.stderr.contains("the weight of `std` is 1e+308; at most 1e9"), "\(objective.stderr)")

        let feed = try HedgeplanProcess.run(["dry-run", Self.condor, "--feed", "gbm:spot=3000,vol=0.6,days=36500,step=1ms"])
        #expect(feed.status == 64)
        #expect(feed.stderr.contains("gbm: days / step is 3153600000000 ticks; at most 1000000000"), "\(feed.stderr)")

        let dir = try ScratchFolder.make("sweep-plan")
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("plan.json").path
        #expect(try HedgeplanProcess.run(["compile", Self.condor, "-o", plan]).status == 0)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plan))) as? [String: Any])
        var legs = try #require(object["legs"] as? [[String: Any]])
        var expiry = try #require(legs[0]["expiry"] as? [String: Any])
        let instant = try #require((expiry["instant_ms"] as? NSNumber)?.int64Value)
        expiry["offset_seconds"] = 0
        legs[0]["expiry"] = expiry
        object["legs"] = legs
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: plan))
        let run = try HedgeplanProcess.run(["dry-run", plan, "--feed", "gbm:spot=3000,vol=0.6,days=2,step=1h,seed=3"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("$.legs[0].expiry.instant_ms: \(instant) is not clock.as_of_ms + offset_seconds × 1000"), "\(run.stderr)")
    }

    /// A bootstrap history's bad rows were dropped without a word (`regimes` warned).
    @Test func bootstrapWarnsOfTheRowsItSkipped() throws {
        let dir = try ScratchFolder.make("sweep-bootstrap")
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = ["timestamp,price"]
        for i in 0..<300 { lines.append("\(1_700_000_000_000 + Int64(i) * 3_600_000),\(i == 8 ? "abc" : String(3000 + i % 7))") }
        let history = try Self.write(lines.joined(separator: "\n") + "\n", to: "history.csv", in: dir)
        let r = try HedgeplanProcess.run(["stress", Self.condor, "--paths", "4", "--threads", "1", "--model", "bootstrap:\(history)"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("\(history):10: warning: 1 bad row skipped; the first: malformed row: price `abc` is not a number\n"), "\(r.stderr)")
    }
}
