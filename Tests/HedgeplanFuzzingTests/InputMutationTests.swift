import Foundation
import HedgeplanFuzzing
import Testing
import HedgeplanTestSupport

/// Deterministic mutation tests of the input kinds other than strategies (those are in
/// `StrategyMutationTests`): a fixed seed, a few thousand byte- and value-level mutants of
/// the bundled seeds, each checked against the same properties the libFuzzer targets of
/// `Fuzz/` check (docs/fuzzing.md). A trap kills the test process (a crash is a failure);
/// every other broken property is reported with the mutant that broke it.
@Suite struct InputMutationTests {
    static let root = PackageRoot.url

    static func seed(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(path)))
    }

    @Test func feedMutantsAreRefusedOrStreamPlausibleTicks() throws {
        var rng = ByteMutator(seed: 1)
        let seeds = try ["Fuzz/Corpus/feed/ethereum-head.csv", "Fuzz/Corpus/feed/bitcoin-head.csv"].map(Self.seed)
        var failures: [String] = []
        for index in 0..<2_000 {
            let mutant = rng.mutate(seeds[index % seeds.count], lines: true)
            let problems = FeedProperties.problems(csv: mutant)
            if !problems.isEmpty { failures.append("feed mutant \(index) \(ByteMutator.show(mutant)): \(problems)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5).joined(separator: "\n"))")
    }

    @Test func tickMessageMutantsBecomePlausibleTicksOrRejections() throws {
        var rng = ByteMutator(seed: 2)
        let seeds = try ["full.json", "strings.json", "nested.json"].map { try Self.seed("Fuzz/Corpus/tick/\($0)") }
        var failures: [String] = []
        var ticks = 0
        for index in 0..<3_000 {
            let mutant = String(decoding: rng.mutate(seeds[index % seeds.count], lines: false), as: UTF8.self)
            let problems = TickMessageProperties.problems(message: mutant)
            if !problems.isEmpty { failures.append("message mutant \(index) \(mutant.debugDescription): \(problems)") }
            if problems.isEmpty, TickMessageProperties.isTick(mutant) { ticks += 1 }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5).joined(separator: "\n"))")
        // The mutator must leave some messages readable, or the tick properties are checked on nothing.
        #expect(ticks > 100, "only \(ticks) mutants were ticks")
    }

    @Test func lintConfigurationMutantsAreLocated() throws {
        var rng = ByteMutator(seed: 3)
        let seeds = try ["rules.yml", "flow.yml"].map { try Self.seed("Fuzz/Corpus/lint/\($0)") }
        var failures: [String] = []
        for index in 0..<2_000 {
            let mutant = String(decoding: rng.mutate(seeds[index % seeds.count], lines: true), as: UTF8.self)
            let problems = LintConfigurationProperties.problems(text: mutant)
            if !problems.isEmpty { failures.append("lint mutant \(index) \(mutant.debugDescription): \(problems)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5).joined(separator: "\n"))")
    }

    /// Value-level mutants of compiled plans (a leaf replaced by a hostile value, a key
    /// dropped, an unknown key added): refused at a JSON path, or they run cleanly.
    @Test func planMutantsAreRefusedAtAPathOrRunCleanly() throws {
        var rng = ByteMutator(seed: 4)
        let folder = Self.root.appendingPathComponent("Tests/HedgeplanCompilerTests/Golden")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".plan.json") }.sorted()
        let plans = try names.map { try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent($0))) }
        var failures: [String] = []
        var accepted = 0
        // `HEDGEPLAN_PLAN_MUTANTS=N` explores more (not for CI); the counts below scale with it.
        let mutants = ProcessInfo.processInfo.environment["HEDGEPLAN_PLAN_MUTANTS"].flatMap { Int($0) } ?? 600
        for index in 0..<mutants {
            let (mutant, edit) = rng.mutateJSON(plans[index % plans.count])
            // `HEDGEPLAN_MUTATION_TRACE=1`: the last line printed before a crash names the culprit.
            if ProcessInfo.processInfo.environment["HEDGEPLAN_MUTATION_TRACE"] != nil {
                FileHandle.standardError.write(Data("plan mutant \(index) of \(names[index % names.count]): \(edit)\n".utf8))
            }
            let bytes = try JSONSerialization.data(withJSONObject: mutant, options: [.sortedKeys, .fragmentsAllowed])
            let problems = PlanProperties.problems(bytes: bytes, dryRunSeed: index)
            if !problems.isEmpty { failures.append("plan mutant \(index) of \(names[index % names.count]) (\(edit)): \(problems)") }
            if PlanProperties.isAccepted(bytes) { accepted += 1 }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5).joined(separator: "\n"))")
        #expect(accepted > mutants / 20 && accepted < mutants * 19 / 20, "\(accepted) of \(mutants) mutants accepted: the mutator reaches one stage only")
    }
}
