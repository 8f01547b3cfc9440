import Foundation
import Testing
import HedgeplanTestSupport

/// `hedgeplan regimes`: the JSON keys of simulation.md on the bundled ETH history, the plot,
/// and bad input.
struct RegimesCommandTests {
    struct Output: Decodable {
        struct State: Decodable { let volatility, mean, probability, duration_hours: Double }
        struct Score: Decodable { let loglik, bic: Double }
        let observations: Int
        let step_seconds: Double
        let states: [State]
        let transition: [[Double]]
        let loglik, bic: Double
        let garch, constant: Score
        let current: [Double]
    }

    static func scratch() throws -> URL {
        try ScratchFolder.make("hedgeplan-regimes")
    }

    /// An hourly CSV of `count` prices.
    static func writeFeed(_ count: Int, to url: URL) throws {
        var csv = "date,close\n"
        var price = 3000.0
        for i in 0..<count {
            csv += String(format: "2024-01-%02d %02d:00:00,%.4f\n", 1 + i / 24, i % 24, price)
            price *= 1 + 0.01 * sin(Double(i) * 1.7)
        }
        try csv.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func jsonHasTheDesignPageKeys() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plot = dir.appendingPathComponent("regimes.svg")
        let result = try HedgeplanProcess.run(
            ["regimes", "Examples/feeds/ethereum.csv", "--format", "json", "--plot", plot.path], timeout: 900)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == [
            "observations", "step_seconds", "states", "transition", "loglik", "bic", "garch", "constant", "current",
            "converged", "iterations", "warnings",
        ])
        // The bundled history's one gap (2023-03-24) is in the JSON, not on standard error.
        #expect(object["converged"] as? Bool == true)
        #expect(object["warnings"] as? [String] == [
            "Examples/feeds/ethereum.csv:7903: 1 gap in the series: 2h since line 7902 (2023-03-24T12:00:00Z to 2023-03-24T14:00:00Z); typical step 1h; row kept; a return across a gap spans more than one step",
        ])
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        #expect(output.observations == 26_278)
        #expect(output.step_seconds == 3600)
        #expect(output.states.count == 2)
        let stateKeys = try #require((object["states"] as? [Any])?.compactMap { ($0 as? [String: Any]).map { Set($0.keys) } })
        #expect(stateKeys == Array(repeating: ["volatility", "mean", "probability", "duration_hours"], count: 2))
        // hmmlearn's best of 10 fits on the same returns (Fixtures/hmm_oracle.py in PricingTests):
        // per-step sd 0.0032677 and 0.0127039, i.e. 30.58% and 118.90% a year (√8760 hours).
        #expect(abs(output.states[0].volatility / 0.30585 - 1) < 0.002)
        #expect(abs(output.states[1].volatility / 1.18901 - 1) < 0.002)
        #expect(abs(output.states.map(\.probability).reduce(0, +) - 1) < 1e-9)
        for (k, row) in output.transition.enumerated() {
            #expect(abs(row.reduce(0, +) - 1) < 1e-9)
            #expect(abs(output.states[k].duration_hours - 1 / (1 - row[k])) < 1e-6)
        }
        #expect(abs(output.current.reduce(0, +) - 1) < 1e-9)
        // BIC = −2 log L + p ln n with 7, 3 and 2 parameters.
        #expect(abs(output.bic - (-2 * output.loglik + 7 * log(26_278.0))) < 1e-6 * abs(output.bic))
        #expect(abs(output.constant.bic - (-2 * output.constant.loglik + 2 * log(26_278.0))) < 1e-6 * abs(output.constant.bic))
        // Constant volatility is the regime model with equal states: it cannot fit better.
        #expect(output.constant.loglik < output.loglik)
        let svg = try String(contentsOf: plot, encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("Filtered regime probability"))
    }

    @Test func textIsATable() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let feed = dir.appendingPathComponent("feed.csv")
        try Self.writeFeed(400, to: feed)
        let result = try HedgeplanProcess.run(["regimes", feed.path, "--states", "3"], timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        for text in ["399 log returns, one every 1.0 h", "calm", "normal", "turbulent", "GARCH(1,1)", "constant volatility", "BIC"] {
            #expect(result.stdout.contains(text), "missing \(text) in \(result.stdout)")
        }
    }

    /// A skipped row is a warning at its line: on standard error beside the text table, in
    /// the object's `warnings` with --format json (standard output stays one JSON object).
    @Test func aSkippedRowIsAWarningInEitherFormat() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let feed = dir.appendingPathComponent("feed.csv")
        try Self.writeFeed(400, to: feed)
        var lines = try String(contentsOf: feed, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        lines[11] = "2024-01-01 10:00:00,n/a"  // line 12 of the file
        try lines.joined(separator: "\n").write(to: feed, atomically: true, encoding: .utf8)
        let text = try HedgeplanProcess.run(["regimes", feed.path], timeout: 120)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stderr.hasPrefix("\(feed.path):12: warning: 1 bad row skipped; the first: malformed row: "), "\(text.stderr)")
        let json = try HedgeplanProcess.run(["regimes", feed.path, "--format", "json"], timeout: 120)
        #expect(json.status == 0 && json.stderr.isEmpty, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let warnings = try #require(object["warnings"] as? [String])
        // The skipped row leaves a 2 h step, which is a gap too.
        #expect(warnings == [
            "\(feed.path):12: 1 bad row skipped; the first: malformed row: price `n/a` is not a number",
            "\(feed.path):13: 1 gap in the series: 2h since line 11 (2024-01-01T09:00:00Z to 2024-01-01T11:00:00Z); typical step 1h; row kept; a return across a gap spans more than one step",
        ], "\(warnings)")
        #expect(object["observations"] as? Int == 398)
    }

    @Test func badInputGetsAClearMessageAndTheExitCode() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try HedgeplanProcess.run(["regimes", dir.appendingPathComponent("none.csv").path])
        #expect(missing.status == 74)
        #expect(missing.stderr.contains("none.csv: error: cannot read the feed"))

        // A folder is a feed it cannot read: exit 74 like a missing file, through the one
        // renderer, so in JSON with --format json (on standard output, as every command).
        let folder = try HedgeplanProcess.run(["regimes", dir.path, "--format", "json"])
        #expect(folder.status == 74, "\(folder.stderr)")
        #expect(folder.stdout.contains("\"rule\" : \"io\""), "\(folder.stdout)")
        #expect(folder.stdout.contains("cannot read the feed: cannot open: it is a directory, not a regular file"), "\(folder.stdout)")

        let usage = try HedgeplanProcess.run(["regimes", "Examples/feeds/ethereum.csv", "--states", "4"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--states must be 2 or 3"))
        let negative = try HedgeplanProcess.run(["regimes", "Examples/feeds/ethereum.csv", "--states", "-2"])
        #expect(negative.status == 64)
        #expect(negative.stderr.contains("--states must be 2 or 3, not -2"), "\(negative.stderr)")

        let short = dir.appendingPathComponent("short.csv")
        try Self.writeFeed(120, to: short)
        let tooFew = try HedgeplanProcess.run(["regimes", short.path, "--states", "3"])
        #expect(tooFew.status == 1)
        #expect(tooFew.stderr.contains("a 3-state regime model needs at least 140 returns, found 119"))
        #expect(tooFew.stdout.isEmpty)

        let unwritable = try HedgeplanProcess.run(
            ["regimes", short.path, "--plot", dir.appendingPathComponent("no/such/dir/r.svg").path], timeout: 120)
        #expect(unwritable.status == 74)
        #expect(unwritable.stderr.contains("cannot write the plot"))
    }
}
