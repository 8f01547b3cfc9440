import Foundation
import HedgeplanCompiler
import HedgeplanIR
import HedgeplanCompiledFixtures
import HedgeplanTestSupport

enum MutationFixtures {
    static let root = PackageRoot.url
    /// A fixed clock, as the command-line tests pin `HEDGEPLAN_NOW`.
    static let now = BundledStrategies.now
    /// The seed of the whole run: change it only on purpose, and record the new findings.
    /// `HEDGEPLAN_MUTATION_SEED=N` explores another seed without editing (not for CI).
    static let seed: UInt64 = ProcessInfo.processInfo.environment["HEDGEPLAN_MUTATION_SEED"].flatMap { UInt64($0) } ?? 14
    /// `HEDGEPLAN_MUTATION_TRACE=1` prints each mutant's label and each strategy's tally to
    /// standard error, so the mutant that crashed the process is the last one printed.
    static let tracing = ProcessInfo.processInfo.environment["HEDGEPLAN_MUTATION_TRACE"] != nil

    static func trace(_ line: String) {
        if tracing { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }

    static var strategies: [String] { BundledStrategies.names }

    static func source(_ strategy: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("strategies/\(strategy)"), encoding: .utf8)
    }

    /// The generator for one strategy: the run's seed mixed with the strategy's name, so
    /// adding a strategy does not change the others' mutants.
    static func generator(for strategy: String) -> SeededGenerator {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for byte in strategy.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return SeededGenerator(seed: seed ^ hash)
    }

    /// Hourly ETH closes from the bundled example feed, for strategies that fit GARCH to a history.
    static let ethHistory: PriceHistory = BundledStrategies.ethHistory

    /// A fresh scratch folder for one test's mutant files.
    static func scratchFolder() throws -> URL {
        try ScratchFolder.make("hedgeplan-mutants")
    }
}
