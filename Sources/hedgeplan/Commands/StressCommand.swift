import ArgumentParser
import Feeds
import Foundation
import PlanFormat
import HedgeplanDiagnostics
import HedgeplanIR
import HedgeplanReports
import HedgeplanRuntime
import HedgeplanSimulation

struct Stress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress",
        abstract: "Monte Carlo of the hedged plan: P&L distribution, VaR and ES after hedging, the cost of the hedge.",
        discussion: """
            Runs the plan through the same engine as `dry-run` (fees, funding, gas, pools, \
            routing, breakers, rolls) on N simulated paths, and the structure alone (no hedge, \
            no breaker) on the same paths. Path k draws from its own generator, seeded from \
            (--seed, k) alone: results never depend on --threads or --shards.

            Statistics are of the P&L per path at the horizon, in QUOTE: mean, std, standard \
            error, quantiles (numpy's default, linear interpolation), VaR (a loss: minus the \
            (1 - level) quantile) and ES (the mean loss at or beyond VaR), with standard errors. \
            Each of the 10 worst paths comes with a FEED string that `hedgeplan dry-run PLAN \
            --feed FEED` replays to the cent.

            Sharding: with --shards N, this process runs the paths k with k mod N = I, where I \
            is --shard-index, else $JOB_COMPLETION_INDEX (Kubernetes Indexed Job), else \
            $SLURM_ARRAY_TASK_ID - $SLURM_ARRAY_TASK_MIN (Slurm job array), and writes a \
            partial result (to -o, else standard output); `hedgeplan merge` of the N partial \
            results prints exactly what the unsharded run prints.

            A portfolio file runs its members together on every path (shared venues, margin, \
            liquidations): it prints each member's P&L per copy (mean, VaR99, ES99) and share \
            liquidated, and the crowd figures' mean, 95% quantile and maximum. The path \
            options default from its first member's plan; --shards works as for a plan (merge prints the unsharded bytes); --report applies to plans.

            Examples:
              hedgeplan stress strategies/eth-iron-condor-perp-hedged.yaml --paths 10000
              hedgeplan stress Examples/portfolios/crowded-eth-hedgers.yaml --paths 200 --horizon 7d --step 1h
              hedgeplan stress plan.json --paths 100000 --model gbm --vol 80% --format json -o stress.json
              hedgeplan stress plan.json --paths 20000 --model bootstrap:Examples/feeds/ethereum.csv --horizon 30d
              hedgeplan stress plan.json --paths 1000000 --shards 100 --shard-index 7 -o shard-7.json
            """
    )

    @Argument(help: "A compiled plan (.json), a strategy (.yaml), which is compiled first, or a portfolio (.yaml with `portfolio:`).")
    var input: String


    @Option(parsing: .unconditional, help: "Number of simulated paths (1 to 100,000,000).")
    var paths: Int

    @OptionGroup var simulation: StressSettingsOptions







    @Flag(help: "Scale absolute strikes by --spot over the plan's spot when the two are more than 2x apart (otherwise such a run is refused), as dry-run --rebase does.")
    var rebase = false





    @Option(name: .shortAndLong, help: ArgumentHelp("Write the JSON result (with --shards: the partial result) to this file.", valueName: "RESULT.json"))
    var output: String?

    @Option(help: "Output format on standard output: text or json.")
    var format: Analyze.Format = .text

    @Option(name: .customLong("report"), help: ArgumentHelp("Also write a self-contained HTML report (P&L histograms, VaR/ES, costs, worst paths).", valueName: "FILE.html"))
    var reportFile: String?

    @Option(help: "With a strategy: a CSV price history to fit GARCH on when compiling.")
    var history: String?

    func validate() throws {
        guard (1...100_000_000).contains(paths) else { throw ValidationError("--paths must be from 1 to 100,000,000, not \(paths)") }
        if simulation.shards != nil, reportFile != nil { throw ValidationError("--report is for a whole run: give it to `hedgeplan merge` of the shards") }
    }

    func run() throws {
        try DiagnosticOutputOptions(format: format == .json ? .json : .text).reportingFailures(stress)
    }

    private func stress() throws {
        if PortfolioLoader.isPortfolio(path: input) { return try stressPortfolio() }
        let outputFile = try output.map { path throws(CommandFailure) in try OutputFile(checking: path, purpose: "the result") }
        let reportOutput = try reportFile.map { path throws(CommandFailure) in try OutputFile(checking: path, purpose: "the report") }
        let shard = try simulation.shard()
        let plan = try PlanInput.load(input, history: history, format: format)
        var settings = try simulation.settings(plan: plan, paths: paths)
        settings.runOptions = RunOptions(rebasesAbsoluteStrikes: rebase)
        let header = StressHeader(plan: plan, settings: settings)
        let runner = StressRunner(plan: plan, settings: settings)
        let indices = shard.map { StressShard.paths(total: paths, shards: $0.count, index: $0.index) } ?? Array(0..<paths)
        let outcomes: [PathOutcome]
        do {
            outcomes = try PathProgress.showing(total: indices.count) { progress in
                try runner.run(paths: indices, threads: simulation.threadCount, progress: progress)
            }
        } catch {
            throw CommandFailure.input(.stress, input, "cannot run the plan on the simulated paths: \(error)")
        }
        if let shard {
            try StressOutput.emitPartial(
                StressShard(header: header, shards: shard.count, shardIndex: shard.index, outcomes: outcomes).encoded(), to: outputFile,
                written: "shard \(shard.index) of \(shard.count): \(outcomes.count) paths")
            return
        }
        let report = StressReport(StressSummary(header: header, outcomes: outcomes))
        try StressOutput.emit(report, format: format, output: outputFile, html: reportOutput)
    }
}

/// Writes a whole-run result: the chosen format on standard output, the JSON to `-o`, the
/// HTML report. `stress` and `merge` share it, so both print the same bytes.
enum StressOutput {
    static func emit(_ report: StressReport, format: Analyze.Format, output: OutputFile?, html: OutputFile?) throws {
        let json = report.json()
        try output?.write(json)
        Terminal.standardOutput.write(format == .json ? json : TerminalEscaping.escapedKeepingLines(report.text()))
        try html?.write(StressReportHTML(report.summary).render())
    }

    /// A whole portfolio stress result: the chosen format on standard output, the JSON to
    /// `-o` (`stress PORTFOLIO` and `merge` of its shards).
    static func emit(_ report: PortfolioStressReport, format: Analyze.Format, output: OutputFile?) throws {
        let json = report.json()
        try output?.write(json)
        Terminal.standardOutput.write(format == .json ? json : TerminalEscaping.escapedKeepingLines(report.text()))
    }

    /// Writes a shard's partial result (`stress` or `tune --shards`): to `-o` with a line on
    /// standard error saying what was written (`written`), else to standard output.
    static func emitPartial(_ data: Data, to output: OutputFile?, written: String) throws {
        guard let output else { return Terminal.standardOutput.write(String(decoding: data, as: UTF8.self)) }
        try output.write([UInt8](data))
        Terminal.standardError.write("\(written) written to \(output.path); merge every shard with `hedgeplan merge`\n")
    }
}
