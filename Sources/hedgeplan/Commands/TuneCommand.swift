import ArgumentParser
import Foundation
import PlanFormat
import HedgeplanCompiler
import HedgeplanDiagnostics
import HedgeplanIR
import HedgeplanReports
import HedgeplanSimulation

struct Tune: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract: "The cost / tracking-error frontier of delta-hedge policies, on the same simulated paths.",
        discussion: """
            Runs every candidate hedge.delta policy through the same engine as `stress`, on the \
            same N paths (common random numbers), and reports for each: cost (mean fees + \
            slippage + gas + funding paid, QUOTE per path), std and ES 99% of hedged P&L, mean \
            rebalances, the objective and whether it is on the Pareto frontier (no other \
            candidate is both cheaper and tighter). The lowest objective is recommended.

            Candidates: by default bands of 0.25x to 4x the plan's band (else 5% of the gross \
            quantity), intervals 1h to 1d, hybrids, Whalley-Wilmott over risk aversions 0.1, 1 \
            and 10, and EWMA-adapted bands (GARCH and regime-adapted too with --history); --policies picks \
            families; --grid FILE.yaml gives a list of hedge.delta sections instead. Each \
            candidate is written into the strategy and compiled, so it means exactly what the \
            same text in the strategy means; `stress` of the strategy --write-strategy writes, \
            with the same paths and seed, prints the recommended candidate's figures.

            Given a portfolio, the candidates replace one member line's policy on every copy \
            (--member; the other members keep theirs) on the same paths as `stress` of the \
            portfolio, and the figures are that member's per copy, with the share of its copies \
            liquidated; --write-strategy writes that member's strategy. A portfolio is tuned \
            whole (no --shards).

            Examples:
              hedgeplan tune strategies/eth-iron-condor-perp-hedged.yaml --paths 2000
              hedgeplan tune Examples/portfolios/crowded-eth-hedgers.yaml --member eth-short-straddle-perp.yaml --paths 200 --horizon 7d --step 1h
              hedgeplan tune s.yaml --paths 5000 --policies band,whalley-wilmott --objective es99 --plot frontier.svg
              hedgeplan tune s.yaml --paths 5000 --grid grid.yaml --write-strategy tuned.yaml
            """
    )

    @Argument(help: "A strategy (.yaml), a plan (.json) whose strategy file is where it was compiled from, or a portfolio (.yaml).")
    var input: String

    @Option(parsing: .unconditional, help: "Number of simulated paths (1 to 10,000,000), the same for every candidate.")
    var paths: Int

    @OptionGroup var simulation: StressSettingsOptions











    @Option(name: .shortAndLong, help: ArgumentHelp("Write the JSON result (with --shards: the partial result, for `hedgeplan merge`) to this file.", valueName: "RESULT.json"))
    var output: String?

    static let defaultPolicies = "band,interval,hybrid,whalley-wilmott,ewma,garch,regime"

    @Option(help: ArgumentHelp("Candidate families, comma-separated: band, interval, hybrid, whalley-wilmott, ewma, garch, regime (garch and regime need --history; by default they are tried when it is given).", valueName: "LIST"))
    var policies: String = Tune.defaultPolicies

    @Option(help: ArgumentHelp("A YAML list of hedge.delta sections to try instead of the default families.", valueName: "FILE.yaml"))
    var grid: String?

    @Option(help: ArgumentHelp("What to minimise: a weighted sum of cost, std, es99 and hedges, such as \"cost + 2*std\" or es99.", valueName: "EXPR"))
    var objective: String = "cost + 2*std"

    @Option(help: "Output format on standard output: text or json.")
    var format: Analyze.Format = .text

    @Option(help: ArgumentHelp("Write the cost / std frontier as SVG.", valueName: "FILE.svg"))
    var plot: String?

    @Option(name: .customLong("report"), help: ArgumentHelp("Write an HTML page with the frontier and the candidates' table.", valueName: "FILE.html"))
    var reportFile: String?

    @Option(name: .customLong("write-strategy"), help: ArgumentHelp("Write the strategy with hedge.delta replaced by the recommended policy, every other byte unchanged.", valueName: "TUNED.yaml"))
    var writeStrategy: String?

    @Option(help: "A CSV price history to fit GARCH on (enables the garch family).")
    var history: String?

    @Option(help: ArgumentHelp("With a portfolio: the member line whose policy the candidates replace (its path as the portfolio writes it, or its file name); the other members keep theirs. Default: the only member that hedges delta.", valueName: "MEMBER"))
    var member: String?

    func validate() throws {
        guard (1...10_000_000).contains(paths) else { throw ValidationError("--paths must be from 1 to 10,000,000, not \(paths)") }
        if simulation.shards != nil, plot != nil || reportFile != nil || writeStrategy != nil {
            throw ValidationError(writeStrategy != nil
                ? "--write-strategy needs a whole tune, run unsharded: a sharded tune's merge prints the recommended policy, to copy into the strategy's hedge.delta"
                : "--plot and --report are for a whole tune: give them to `hedgeplan merge` of the shards")
        }
        do { _ = try TuneObjective(parsing: objective) } catch { throw ValidationError("\(error)") }
        let families = policies.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if grid != nil, policies != Self.defaultPolicies {
            throw ValidationError("--policies and --grid both name the candidates: give one of them")
        }
        guard families.contains(where: { !$0.isEmpty }) else {
            throw ValidationError("--policies names no family; expected a comma-separated list of band, interval, hybrid, whalley-wilmott, ewma, garch or regime")
        }
        for family in families where !family.isEmpty {
            if (family == "garch" || family == "regime"), history == nil, policies != Self.defaultPolicies {
                throw ValidationError("--policies \(family) fits its model to a price history: give --history FEED.csv")
            }
            guard TuneCandidates.families.contains(family) else {
                throw ValidationError("--policies: unknown family `\(family)`; expected band, interval, hybrid, whalley-wilmott, ewma, garch or regime")
            }
        }
    }

    func run() throws {
        try DiagnosticOutputOptions(format: format == .json ? .json : .text).reportingFailures(tune)
    }

    private func tune() throws {
        if PortfolioLoader.isPortfolio(path: input) { return try tunePortfolio() }
        if member != nil { throw ValidationError("--member chooses a member of a portfolio; \(input) is not a portfolio") }
        let outputs = try checkedOutputs()
        let shard = try simulation.shard()
        let base = try PlanInput.load(input, history: history, format: format)
        // The strategy's text: the input itself, or the file the plan was compiled from.
        let strategyPath = input.hasSuffix(".json") ? base.source.path : input
        guard let text = try? String(contentsOfFile: strategyPath, encoding: .utf8) else {
            throw CommandFailure.io(strategyPath, "cannot read the strategy to tune (tune writes each candidate into it)")
        }
        let settings = try simulation.settings(plan: base, paths: paths)
        let priceHistory = try history.map(PriceHistoryLoader.load)
        let objective = try TuneObjective(parsing: objective)
        let candidates = try candidatePlans(for: base, strategyText: text, strategyPath: strategyPath, stepMs: settings.stepMs, history: priceHistory)
        let indices = shard.map { StressShard.paths(total: paths, shards: $0.count, index: $0.index) } ?? Array(0..<paths)
        let runner = TuneRunner(settings: settings, candidates: candidates)
        let outcomes: [[PathOutcome]]
        do {
            outcomes = try PathProgress.showing(total: indices.count * candidates.count) { progress in
                try runner.outcomes(paths: indices, threads: simulation.threadCount, progress: progress)
            }
        } catch {
            throw CommandFailure.input(.stress, input, "cannot run the plan on the simulated paths: \(error)")
        }
        let header = StressHeader(plan: base, settings: settings)
        let recorded = candidates.map { TuneShard.Candidate(policy: $0.policy, header: StressHeader(plan: $0.plan, settings: settings)) }
        if let shard {
            try StressOutput.emitPartial(
                TuneShard(header: header, objective: objective, candidates: recorded, shards: shard.count, shardIndex: shard.index,
                          outcomes: outcomes).encoded(), to: outputs.result,
                written: "tune shard \(shard.index) of \(shard.count): \(candidates.count) candidates × \(indices.count) paths")
            return
        }
        let result = TuneRunner.result(header: header, objective: objective, candidates: Array(zip(recorded, outcomes)))
        try emit(result, strategyText: text, strategyPath: strategyPath, to: outputs)
    }

    /// The files a tune writes, each checked writable before the run starts.
    struct Outputs {
        var result, plot, report, strategy: OutputFile?
    }

    func checkedOutputs() throws(CommandFailure) -> Outputs {
        Outputs(
            result: try output.map { path throws(CommandFailure) in try OutputFile(checking: path, purpose: "the result") },
            plot: try plot.map { path throws(CommandFailure) in try OutputFile(checking: path, purpose: "the plot") },
            report: try reportFile.map { path throws(CommandFailure) in try OutputFile(checking: path, purpose: "the report") },
            strategy: try writeStrategy.map { path throws(CommandFailure) in try OutputFile(checking: path, purpose: "the tuned strategy") })
    }

    /// The candidates (`--grid`'s, or the default families scaled to `base`), each written
    /// into the strategy's text in place of its hedge.delta section and compiled, so a
    /// candidate means exactly what the same text in the strategy means.
    func candidatePlans(for base: HedgingPlan, strategyText text: String, strategyPath: String, stepMs: Int64,
                        history priceHistory: PriceHistory?) throws -> [(policy: HedgePolicy, plan: HedgingPlan)] {
        var items: [(HedgePolicy, SourceLocation?)]
        if let grid {
            items = try TuneGrid.load(grid).map { ($0.policy, $0.location) }
        } else {
            let families = policies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            items = TuneCandidates.defaults(plan: base, families: families, stepMs: stepMs, hasHistory: priceHistory != nil).map { ($0, nil) }
        }
        let now = try ValuationClock.now()
        var candidates: [(policy: HedgePolicy, plan: HedgingPlan)] = []
        for (i, (policy, location)) in items.enumerated() {
            let edited: String
            do {
                edited = try HedgeDeltaEdit.replacing(in: text, path: strategyPath, with: policy.flowText)
            } catch {
                throw CommandFailure(.error(.inconsistent, error.message, at: error.location), exitCode: 1)
            }
            let compiled = PlanCompiler.compile(text: edited, path: strategyPath, now: now, history: priceHistory)
            guard let plan = compiled.plan else {
                let why = compiled.diagnostics.filter { $0.severity == .error }.map(\.message).joined(separator: "; ")
                throw CommandFailure(.error(
                    .inconsistent, "candidate \(i) `\(policy.flowText)` does not compile: \(why)",
                    at: location ?? .wholeFile(strategyPath)), exitCode: 1)
            }
            candidates.append((policy, plan))
        }
        return candidates
    }

    /// A whole tune's result: the chosen format on standard output, the JSON to `-o`, the
    /// plot, the report, and the strategy (`strategyText` at `strategyPath`) with hedge.delta
    /// replaced by the recommended policy.
    func emit(_ result: TuneResult, strategyText text: String, strategyPath: String, to outputs: Outputs) throws {
        let report = TuneReport(result)
        let json = report.json()
        try outputs.result?.write(json)
        Terminal.standardOutput.write(format == .json ? json : TerminalEscaping.escapedKeepingLines(report.text()))
        try outputs.plot?.write(report.frontierSVG())
        try outputs.report?.write(report.html())
        guard let strategyOutput = outputs.strategy else { return }
        let best = result.candidates[result.recommended].policy
        do {
            try strategyOutput.write(try HedgeDeltaEdit.replacing(in: text, path: strategyPath, with: best.flowText))
        } catch let failure as HedgeDeltaEdit.Failure {
            throw CommandFailure(.error(.inconsistent, failure.message, at: failure.location), exitCode: 1)
        }
    }
}
