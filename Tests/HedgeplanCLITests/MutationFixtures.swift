import Foundation
import HedgeplanCompiler
import HedgeplanIR

enum MutationFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// A fixed clock, as the command-line tests pin `HEDGEPLAN_NOW`.
    static let now = Instant(iso8601: "2026-11-25T12:00:00Z")!
    /// The seed of the whole run: change it only on purpose, and record the new findings.
    /// `HEDGEPLAN_MUTATION_SEED=N` explores another seed without editing (not for CI).
    static let seed: UInt64 = ProcessInfo.processInfo.environment["HEDGEPLAN_MUTATION_SEED"].flatMap { UInt64($0) } ?? 14
    /// `HEDGEPLAN_MUTATION_TRACE=1` prints each mutant's label and each strategy's tally to
    /// standard error, so the mutant that crashed the process is the last one printed.
    static let tracing = ProcessInfo.processInfo.environment["HEDGEPLAN_MUTATION_TRACE"] != nil

    static func trace(_ line: String) {
        if tracing { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }

    static var strategies: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("strategies").path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

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

    /// Hourly ETH closes from the bundled example feed, read with a plain line split (as
    /// GoldenPlanTests does), for strategies that fit GARCH to a history.
    static let ethHistory: PriceHistory = {
        let text = (try? String(contentsOf: root.appendingPathComponent("Examples/feeds/ethereum.csv"), encoding: .utf8)) ?? ""
        let closes = text.split(separator: "\n").compactMap { line -> Double? in
            let fields = line.split(separator: ",")
            return fields.count >= 5 ? Double(fields[4]) : nil
        }
        return PriceHistory(prices: closes, stepSeconds: 3_600, name: "Examples/feeds/ethereum.csv")
    }()

    /// A fresh scratch folder for one test's mutant files.
    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hedgeplan-mutants-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
