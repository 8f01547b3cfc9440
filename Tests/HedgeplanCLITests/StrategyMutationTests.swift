import Feeds
import Foundation
import PlanFormat
import HedgeplanChecker
import HedgeplanCompiler
import HedgeplanDiagnostics
import HedgeplanFuzzing
import HedgeplanIR
import HedgeplanRuntime
import Testing
import HedgeplanTestSupport

/// A deterministic mutation test of the strategy front end, checker, compiler and
/// interpreter, in process: `mutantsPerStrategy` seeded mutants of every bundled strategy.
/// A trap kills the test process (that is the failure signal for a crash); every other
/// broken property is collected and reported with the edits that reproduce it.
/// See docs/fuzzing.md, "The mutation test".
@Suite struct StrategyMutationTests {
    /// 5,100 mutants over the 17 bundled strategies; `HEDGEPLAN_MUTANTS=N` runs N per
    /// strategy for a longer exploration (not for CI).
    static let mutantsPerStrategy = ProcessInfo.processInfo.environment["HEDGEPLAN_MUTANTS"].flatMap { Int($0) } ?? 300
    /// Every `dryRunEvery`-th mutant that compiles is dry-run, at most `maxDryRuns` per strategy.
    static let dryRunEvery = 10
    static let maxDryRuns = 6

    @Test(arguments: MutationFixtures.strategies)
    func everyMutantIsLocatedCompilesIfValidAndRunsCleanly(_ strategy: String) throws {
        let original = try MutationFixtures.source(strategy)
        var rng = MutationFixtures.generator(for: strategy)
        let folder = try MutationFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var failures: [String] = []
        var tally = Tally()
        for index in 0..<Self.mutantsPerStrategy {
            let mutant = StrategyMutator.mutate(original, using: &rng)
            let path = folder.appendingPathComponent("\(index).yaml").path
            try Data(mutant.text.utf8).write(to: URL(fileURLWithPath: path))
            let label = "\(strategy) mutant \(index) (\(mutant.edits.map(\.description).joined(separator: "; ")))"
            MutationFixtures.trace("mutant \(label)")
            let problems = MutantProperties.check(path: path, tally: &tally, dryRunEvery: Self.dryRunEvery, maxDryRuns: Self.maxDryRuns)
            failures += problems.map { "\(label): \($0)" }
        }
        MutationFixtures.trace("tally \(strategy): \(tally)")
        #expect(failures.isEmpty, "\(failures.count) broken properties, first ones:\n\(failures.prefix(12).joined(separator: "\n"))")
        // The mutator must reach every stage, or the properties are checked on nothing.
        #expect(tally.rejected > 0 && tally.compiled > 0, "\(strategy): \(tally)")
    }
}

/// How many mutants reached each stage, so a mutator that only ever breaks the YAML is noticed.
struct Tally: CustomStringConvertible {
    var rejected = 0
    var compiled = 0
    var dryRuns = 0
    var refusedRuns = 0
    var description: String { "\(rejected) rejected, \(compiled) compiled, \(dryRuns) dry runs (\(refusedRuns) refused)" }
}

/// The properties every mutant must have (`StrategyProperties`, shared with the libFuzzer
/// target `FuzzStrategy`), and how far it got.
enum MutantProperties {
    /// `dryRunEvery`: dry-run the 1st, (1 + n)th, ... mutant that compiles, up to `maxDryRuns`.
    static func check(path: String, tally: inout Tally, dryRunEvery: Int, maxDryRuns: Int) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return ["cannot read back \(path)"] }
        let verdict = StrategyProperties.check(text: text, path: path, now: MutationFixtures.now, history: MutationFixtures.ethHistory)
        guard let plan = verdict.plan else {
            tally.rejected += 1
            return verdict.problems
        }
        tally.compiled += 1
        var problems = verdict.problems
        if tally.compiled % dryRunEvery == 1 % dryRunEvery, tally.dryRuns < maxDryRuns {
            tally.dryRuns += 1
            let run = StrategyProperties.dryRunProblems(plan, seed: tally.dryRuns)
            if run.refused { tally.refusedRuns += 1 }
            problems += run.problems
        }
        return problems
    }
}

/// The same mutator through the built binary, as a user runs it: `validate` and `lint`
/// end with a documented status (0 fine, 1 findings, 64 usage, 74 I/O) and never by a
/// signal or a hang (the runner's watchdog turns a hang into a failure).
@Suite struct StrategyMutationProcessTests {
    static let mutants = 30

    @Test func validateAndLintExitWithADocumentedStatus() throws {
        let strategies = MutationFixtures.strategies
        var rng = MutationFixtures.generator(for: "process")
        let folder = try MutationFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var failures: [String] = []
        for index in 0..<Self.mutants {
            let strategy = strategies[index % strategies.count]
            let mutant = StrategyMutator.mutate(try MutationFixtures.source(strategy), using: &rng)
            let path = folder.appendingPathComponent("\(index).yaml").path
            try Data(mutant.text.utf8).write(to: URL(fileURLWithPath: path))
            for command in ["validate", "lint"] {
                let run = try HedgeplanProcess.run([command, path], timeout: 120)
                if ![0, 1, 64, 74].contains(run.status) {
                    failures.append(
                        "\(command) \(strategy) mutant \(index) (\(mutant.edits.map(\.description).joined(separator: "; "))): exit \(run.status)\n\(run.stderr.prefix(400))")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}

/// Findings of the mutation test, kept as regression cases (docs/fuzzing.md).
@Suite struct MutationFindingTests {
    /// btc-protective-put.yaml mutant 151 under seed 14 (`spot: 1e-320`): a subnormal spot
    /// passed the `> 0` check, the relative put strike became NaN, and encoding the plan
    /// trapped (`compile` died with SIGILL). Now a range error at the value.
    @Test func aSubnormalSpotIsARangeErrorNotANaNStrike() throws {
        let original = try MutationFixtures.source("btc-protective-put.yaml")
        let text = original.replacingOccurrences(of: "  spot: 90000\n", with: "  spot: 1e-320\n")
        #expect(text != original)
        let folder = try MutationFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("subnormal-spot.yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let compiled = PlanCompiler.compile(path: path, now: MutationFixtures.now)
        #expect(compiled.plan == nil)
        let error = try #require(compiled.diagnostics.first { $0.severity == .error })
        let spotLine = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("  spot: ") }! + 1
        #expect(error.rule == .range)
        #expect(error.location.line == spotLine && error.location.column == 9)
        #expect(error.message == "`market.spot` must be >= 1e-12 and <= 1000000000000, found 1e-320")
    }

    /// eth-short-straddle-hedged.yaml mutant 146 under seed 16 (`risk_aversion: 1e-320`):
    /// the Whalley-Wilmott band divides by the risk aversion, so the plan's inception
    /// half-width was infinite and encoding it trapped. Now a range error at the value.
    @Test func aSubnormalRiskAversionIsARangeErrorNotAnInfiniteBand() throws {
        let original = try MutationFixtures.source("eth-short-straddle-hedged.yaml")
        let text = original.replacingOccurrences(of: "risk_aversion: 1.0 ", with: "risk_aversion: 1e-320 ")
        #expect(text != original)
        let folder = try MutationFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("subnormal-risk-aversion.yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let compiled = PlanCompiler.compile(path: path, now: MutationFixtures.now)
        #expect(compiled.plan == nil)
        let error = try #require(compiled.diagnostics.first { $0.severity == .error })
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("risk_aversion:") }! + 1
        #expect(error.rule == .range)
        #expect(error.location.line == line)
        #expect(error.message == "`hedge.delta.risk_aversion` must be >= 1e-06 and <= 1000000, found 1e-320")
    }
}
