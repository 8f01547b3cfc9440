import Foundation
import HedgeplanTestSupport
import Testing

/// The README shows what commands print; these rows run them and compare, line by line, so
/// that the README stays true when the program changes (it drifted several times before
/// this test: a dropped lint finding, a moved line number, an annotated "line by line"
/// output). A README line `...` or `…` stands for any number of lines. The lint and validate
/// summaries name the clock ("durations counted from ..."): that clause is compared without
/// its instant, which the tests pin and the README cannot.
///
/// Commands that write files, keep state (governance) or take minutes in a debug build
/// (`stress` and `tune` of thousands of paths) are not here; their figures are checked by
/// their own tests.
struct ReadmeExamplesTests {
    struct Example: CustomTestStringConvertible, Sendable {
        /// The command's arguments, as the README writes them after `hedgeplan`.
        let arguments: [String]
        /// The start of the output block's first line (or the `$ hedgeplan ...` line), which
        /// locates the block in the README.
        let anchor: String
        var testDescription: String { arguments.prefix(2).joined(separator: " ") }
    }

    static let examples: [Example] = [
        Example(arguments: ["validate", "Tests/HedgeplanCLITests/Corpus/risk-max-loss.yaml"],
                anchor: "$ hedgeplan validate Tests/HedgeplanCLITests/Corpus/risk-max-loss.yaml"),
        Example(arguments: ["analyze", "strategies/eth-explicit-iron-condor-kind.yaml"],
                anchor: "$ hedgeplan analyze strategies/eth-explicit-iron-condor-kind.yaml"),
        Example(arguments: ["analyze", "strategies/eth-iron-condor-perp-hedged.yaml"],
                anchor: "$ hedgeplan analyze strategies/eth-iron-condor-perp-hedged.yaml"),
        Example(arguments: ["dry-run", "strategies/eth-iron-condor-perp-hedged.yaml", "--feed", "Examples/feeds/ethereum.csv"],
                anchor: "eth-iron-condor-perp-hedged  ETH/USDC  dry run"),
        Example(arguments: ["dry-run", "strategies/btc-protective-put.yaml", "--feed", "Examples/feeds/bitcoin.csv"],
                anchor: "btc-protective-put  BTC/USDC  dry run"),
        Example(arguments: ["lint"] + Self.bundledStrategies(), anchor: "$ hedgeplan lint strategies/*.yaml"),
        Example(arguments: ["diff", "Examples/governance/current.yaml", "Examples/governance/proposed.yaml"],
                anchor: "$.hedge.delta.trigger.half_width"),
        Example(arguments: ["regimes", "Examples/feeds/ethereum.csv"], anchor: "Examples/feeds/ethereum.csv: 26278 log returns"),
        Example(arguments: ["dry-run", "Examples/portfolios/crowded-eth-hedgers.yaml", "--feed", "gbm:spot=3000,vol=0.9,days=7,step=1h,seed=5"],
                anchor: "$ hedgeplan dry-run Examples/portfolios/crowded-eth-hedgers.yaml"),
    ]

    /// `strategies/*.yaml` as a shell expands it: sorted by name.
    static func bundledStrategies() -> [String] {
        let folder = PackageRoot.url.appendingPathComponent("strategies")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "strategies/" + $0 }
    }

    @Test(arguments: examples)
    func theReadmeShowsWhatTheCommandPrints(_ example: Example) throws {
        let readme = try String(contentsOf: PackageRoot.url.appendingPathComponent("README.md"), encoding: .utf8)
        let shown = try #require(Self.block(startingWith: example.anchor, in: readme), "no README block starts with \(example.anchor)")
        let run = try HedgeplanProcess.run(example.arguments)
        // What a command prints is on standard output, or, for validate and lint, their
        // diagnostics on standard error; warnings beside an output are not compared.
        let output = run.stdout.isEmpty ? run.stderr : run.stdout
        let printed = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let mismatch = Self.firstMismatch(shown: shown.map(Self.withoutClock), printed: printed.map(Self.withoutClock))
        #expect(mismatch == nil, "README.md, \(example.anchor): \(mismatch ?? "")")
    }

    /// The lines of the fenced block whose first line starts with `anchor`, without a
    /// `$ hedgeplan` command line.
    static func block(startingWith anchor: String, in readme: String) -> [String]? {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, line) in lines.enumerated() where line.hasPrefix("```") && i + 1 < lines.count && lines[i + 1].hasPrefix(anchor) {
            guard let end = lines[(i + 1)...].firstIndex(where: { $0.hasPrefix("```") }) else { return nil }
            let body = Array(lines[(i + 1)..<end])
            return body.first?.hasPrefix("$ ") == true ? Array(body.dropFirst()) : body
        }
        return nil
    }

    /// "durations counted from 2026-12-02T07:06:53Z, the current time, where ..." with the
    /// instant and its source left out.
    static func withoutClock(_ line: String) -> String {
        guard let range = line.range(of: "(durations counted from ") else { return line }
        guard let comma = line[range.upperBound...].range(of: ", where ") else { return line }
        return String(line[..<range.upperBound]) + "…" + String(line[comma.lowerBound...])
    }

    /// Where the printed lines stop matching the README's, or nil. A README line of `...` or
    /// `…` matches any lines up to the one that matches the README's next line; the printed
    /// output may end with empty lines the README does not show.
    static func firstMismatch(shown: [String], printed: [String]) -> String? {
        var p = 0
        var s = 0
        while s < shown.count {
            let line = shown[s]
            if line.trimmingCharacters(in: .whitespaces) == "..." || line.trimmingCharacters(in: .whitespaces) == "…" {
                s += 1
                guard s < shown.count else { return nil }
                guard let next = printed[p...].firstIndex(of: shown[s]) else {
                    return "after the README's line \(s) (an elision), the program never prints \"\(shown[s])\""
                }
                p = next
                continue
            }
            guard p < printed.count else { return "the README's line \(s + 1), \"\(line)\", is not printed: the output ends" }
            guard printed[p] == line else { return "line \(s + 1): the README has\n  \(line)\nthe program prints\n  \(printed[p])" }
            s += 1
            p += 1
        }
        let rest = printed[p...].filter { !$0.isEmpty }
        return rest.isEmpty ? nil : "the program prints more than the README shows, from\n  \(rest[rest.startIndex])"
    }
}
