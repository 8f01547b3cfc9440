import ArgumentParser
import Feeds
import Foundation
import PlanFormat
import HedgeplanCompiler

struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile a strategy into a deterministic JSON hedging plan.",
        discussion: """
            Only strategies without errors compile. The plan is self-contained (the runtime \
            needs nothing else) and canonical: the same input gives the same bytes, with the \
            source file's SHA-256 and the compiler version recorded. Without market.as_of the \
            plan is anchored at the first tick of the run, so compiling never reads the clock.

            `adapt: { volatility: garch }` fits GARCH(1,1) to a price history: pass it with \
            --history (a CSV feed, any layout `dry-run --feed` reads).

            Examples:
              hedgeplan compile strategies/eth-iron-condor-perp-hedged.yaml -o plan.json
              hedgeplan compile strategies/eth-lp-hedge-univ3.yaml --history Examples/feeds/ethereum.csv > plan.json
            """
    )

    @Argument(help: "A strategy file (YAML).")
    var file: String

    @Option(name: .shortAndLong, help: "Write the plan here instead of standard output (- for standard output).")
    var output: String?

    @Option(help: "A CSV price history to fit volatility models on.")
    var history: String?

    func run() throws {
        try DiagnosticOutputOptions(format: .text).reportingFailures(compile)
    }

    private func compile() throws {
        // Checked before any work: a plan that cannot be written is refused up front.
        let destination = try OutputFile.replacingStandardOutput(output, purpose: "the plan")
        let priceHistory = try history.map(PriceHistoryLoader.load)
        let compiled = PlanCompiler.compile(path: file, now: try ValuationClock.now(), history: priceHistory)
        if !compiled.diagnostics.isEmpty {
            DiagnosticOutputOptions(format: .text).emit(compiled.diagnostics, sources: [compiled.checked.loaded])
        }
        if compiled.checked.loaded.isIOFailure { throw ExitCode(74) }
        guard let plan = compiled.plan else { throw ExitCode(1) }
        let bytes = PlanCoding.encode(plan)
        if let destination {
            try destination.write([UInt8](bytes))
            Terminal.standardError.write("wrote \(destination.path) (\(plan.legs.count) legs, source sha256 \(plan.source.sha256.prefix(12))…)\n")
        } else {
            Terminal.standardOutput.write(String(decoding: bytes, as: UTF8.self))
        }
    }
}

/// `--history FILE.csv` for the commands that fit a model (`PriceHistory.load(csvPath:)`),
/// its failures reported as feed errors naming the file.
enum PriceHistoryLoader {
    static func load(_ path: String) throws(CommandFailure) -> PriceHistory {
        do { return try PriceHistory.load(csvPath: path) } catch { throw .feed(path, error) }
    }
}
