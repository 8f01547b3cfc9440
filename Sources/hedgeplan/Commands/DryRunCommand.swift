import ArgumentParser
import Feeds
import Foundation
import PlanFormat
import HedgeplanCompiler
import HedgeplanIR
import HedgeplanDiagnostics
import HedgeplanGovernance
import HedgeplanReports
import HedgeplanRuntime

struct DryRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dry-run",
        abstract: "Run a plan (or a strategy, compiled first) against a price feed: simulated fills, P&L, costs.",
        discussion: """
            FEED is a CSV file (`timestamp,price` at least, optional gas_gwei and iv columns, and a \
            volume column read for plans with lp legs, for their fees; or a common OHLCV layout, whose \
            close is used), `gbm:spot=3000,vol=0.6,days=30,step=1m,seed=7`, \
            `merton:...` with jump parameters (intensity, mean, jumpvol), or `ws://HOST:PORT/PATH` \
            for a live feed of JSON ticks (builds with the LiveFeed trait). Bad rows are counted \
            and reported with their line numbers; they never stop the run.

            --max-ticks and --duration stop a run early (a live one, or a long history). Ctrl-C \
            stops it too: the summary so far is printed, the report written and the journal \
            committed (a replayable feed's run can go on with --resume), and the exit status is 130. \
            A live feed that cannot connect says so on standard error while it retries; with \
            --journal it commits at least once a second.

            A portfolio file runs its members on shared venues (--order, --seed); it prints each \
            member's P&L, hedges and liquidations and the crowd figures; --report charts its \
            shared pools and lists the cascade. --journal applies to single plans.

            Examples:
              hedgeplan dry-run strategies/eth-iron-condor-perp-hedged.yaml --feed Examples/feeds/ethereum.csv
              hedgeplan dry-run Examples/portfolios/crowded-eth-hedgers.yaml --feed gbm:spot=3000,vol=0.9,days=7,step=5m,seed=3
              hedgeplan compile s.yaml -o plan.json && hedgeplan dry-run plan.json --feed gbm:spot=3000,vol=0.6,days=30,step=1m,seed=7 --format json
              hedgeplan dry-run s.yaml --feed Examples/feeds/ethereum.csv --duration 90d --report run.html
              hedgeplan dry-run s.yaml --feed ws://127.0.0.1:9000/ticks --duration 1h --journal live.db
            """
    )

    @Argument(help: "A compiled plan (.json), a strategy (.yaml), which is compiled first, or a portfolio (.yaml with `portfolio:`).")
    var input: String

    @Option(help: "The price feed: a CSV file, gbm:..., merton:..., ws://... (LiveFeed builds)")
    var feed: String

    @Option(help: "Output format: text or json (to standard output).")
    var format: Analyze.Format = .text

    @Option(help: "A CSV price history to fit GARCH on, when compiling a strategy.")
    var history: String?

    @Flag(help: "Scale absolute strikes by the feed's first price over the plan's spot when the two are more than 2x apart (otherwise such a run is refused).")
    var rebase = false

    @Option(name: .customLong("report"), help: ArgumentHelp("Also write a self-contained HTML report (tables and SVG charts).", valueName: "FILE.html"))
    var reportFile: String?

    @Option(help: ArgumentHelp("A governance policy: run the plan only if it is the head of the policy's activation log, byte for byte as `hedgeplan activate` wrote it.", valueName: "POLICY.yaml"))
    var policy: String?

    @Option(help: "Portfolios: the order members act in within a tick: fixed (by member, then copy) or shuffle (reshuffled every tick from --seed).")
    var order: MemberOrderOption = .fixed

    @Option(parsing: .unconditional, help: "Portfolios: the seed of --order shuffle.")
    var seed: UInt64 = 1

    @OptionGroup var limits: RunLimits

    @OptionGroup var journal: JournalOptions

    func validate() throws {
        if policy != nil, !input.hasSuffix(".json") {
            throw ValidationError("--policy runs an activated plan (the .json `hedgeplan activate` wrote), not a strategy")
        }
    }

    func run() throws {
        try DiagnosticOutputOptions(format: format == .json ? .json : .text).reportingFailures(dryRun)
    }

    private func dryRun() throws {
        if PortfolioLoader.isPortfolio(path: input) { return try dryRunPortfolio() }
        // Every output path is checked before any work: a run never ends in "cannot write".
        let reportOutput = try reportFile.map { path throws(CommandFailure) in try OutputFile(checking: path, purpose: "the report") }
        try journal.checkPath()
        let plan = try loadPlan()
        var spec: FeedSpec
        do {
            spec = try FeedSpec.parseSupported(feed)
        } catch {
            throw ValidationError("\(error)")
        }
        // Only lp fees use a volume column, and parsing it slows OHLCV ingest by a third.
        if plan.legs.contains(where: { $0.instrument == .lp }) { spec = spec.detectingVolume() }
        // Ctrl-C ends the run as the end of the feed would: the figures so far are printed.
        let interruption = Interruption()
        defer { interruption.uninstall() }
        let source = Self.readingAhead(try openFeed(spec), spec)
        var journaled = try journal.open(plan: plan, feed: feed, limits: limits)
        if case .finished(let stored)? = journaled {
            guard reportFile != nil else {
                Terminal.standardOutput.write(format == .json ? stored.json : TerminalEscaping.escapedKeepingLines(stored.text))
                return
            }
            // The journal keeps the result, not the series a report draws: replay the run
            // (deterministic, so it prints what the journal stored) without writing to it.
            journaled = nil
        }
        let watch = journal.watch(journaled, feed: spec)
        var interpreter = Interpreter(plan: plan)
        interpreter.options = RunOptions(rebasesAbsoluteStrikes: rebase)
        interpreter.observer = watch.observer
        // Daily equity and the price at each trade are for the report only.
        interpreter.recordsReportDetail = reportFile != nil
        if let wake = interruptAction(for: source) { interruption.onInterrupt(wake) }
        let result: RunResult
        do {
            result = try Self.run(&interpreter, BufferedTicks(watch.source(Self.interruptible(source, interruption))))
        } catch {
            if interruption.isRequested, case Interpreter.RunError.emptyFeed = error {
                Terminal.standardError.write("\(TerminalEscaping.escaped(feed)): interrupted (Ctrl-C) before the feed gave a tick: nothing ran\n")
                throw ExitCode(130)
            }
            // The feed's notes say what it decided and, for a live feed, why it ended.
            if case Interpreter.RunError.emptyFeed = error {
                throw CommandFailure.noUsableTicks(feed, issues: source.issues, notes: source.notes)
            }
            throw CommandFailure.feed(feed, error, notes: source.notes)
        }
        let report = RunReport(result)
        let interrupted = interruption.isRequested
        if interrupted { try journal.commitInterrupted(watch) } else { try journal.finish(watch, report) }
        // Names from the plan are escaped in text: they must not drive the terminal.
        if format == .json {
            Terminal.standardOutput.write(report.jsonUTF8())
        } else {
            Terminal.standardOutput.write(TerminalEscaping.escapedKeepingLines(report.text()))
        }
        try reportOutput?.write(RunReportHTML(result, feed: feed, plan: plan).render())
        if interrupted { throw ExitCode(130) }
    }

    /// The feed's ticks: CSV files and simulated paths come from Feeds; ws:// and wss://
    /// from LiveFeed. A live feed says on standard error when it cannot connect and retries.
    func openFeed(_ spec: FeedSpec) throws -> any TickSource {
        do {
            let feedName = feed
            return try spec.makeSupportedSource(limits: limits) { message in
                Terminal.standardError.write("\(TerminalEscaping.escaped(feedName)): warning: \(TerminalEscaping.escaped(message))\n")
            }
        } catch {
            throw CommandFailure.feed(feed, error)
        }
    }

    /// Simulated paths and files are drawn on a thread of their own while the engine steps
    /// the ticks before (`ReadAheadTicks`: the same ticks, sooner); a live feed is handed on
    /// tick by tick as it arrives.
    static func readingAhead(_ source: any TickSource, _ spec: FeedSpec) -> any TickSource {
        guard !spec.isLive, let ahead = ReadAheadTicks(source) else { return source }
        return ahead
    }

    static func interruptible(_ source: any TickSource, _ interruption: Interruption) -> any TickSource {
        func wrap<S: TickSource>(_ base: S) -> any TickSource { interruption.source(base) }
        return wrap(source)
    }

    static func run<S: TickSource>(_ interpreter: inout Interpreter, _ source: S) throws -> RunResult {
        var feed = source
        return try interpreter.run(&feed)
    }

    func loadPlan() throws -> HedgingPlan {
        let plan = try PlanInput.load(input, history: history, format: format)
        if let policy { try Self.checkActivation(plan, planPath: input, policyPath: policy) }
        return plan
    }

    /// `--policy`: the plan must be the log's head, its bytes those `activate` wrote.
    static func checkActivation(_ plan: HedgingPlan, planPath: String, policyPath: String) throws {
        let policy = try GovernanceInput.policy(policyPath)
        let log = try GovernanceInput.log(policy)
        let bytes = try InputFile.bytes(planPath, what: "the plan")
        do {
            try ActivatedPlanCheck.check(fileBytes: bytes, plan: plan, policy: policy, log: log)
        } catch {
            throw CommandFailure.input(error.rule, planPath, "refused under \(policyPath): \(error.description)")
        }
    }
}
