import ArgumentParser
import Feeds
import Foundation
import HedgePlan
import HedgeplanCompiler
import HedgeplanReports
import HedgeplanRuntime

struct DryRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dry-run",
        abstract: "Run a plan (or a strategy, compiled first) against a price feed: simulated fills, P&L, costs.",
        discussion: """
            FEED is a CSV file (`timestamp,price` at least, optional gas_gwei and iv columns, or a \
            common OHLCV layout, whose close is used), `gbm:spot=3000,vol=0.6,days=30,step=1m,seed=7`, \
            `merton:...` with jump parameters (intensity, mean, jumpvol), or `ws://HOST:PORT/PATH` \
            for a live feed of JSON ticks. Bad rows are counted and reported with their line \
            numbers; they never stop the run.

            Examples:
              hedgeplan dry-run strategies/eth-iron-condor-perp-hedged.yaml --feed Examples/feeds/ethereum.csv
              hedgeplan compile s.yaml -o plan.json && hedgeplan dry-run plan.json --feed gbm:spot=3000,vol=0.6,days=30,step=1m,seed=7 --format json
            """
    )

    @Argument(help: "A compiled plan (.json) or a strategy (.yaml), which is compiled first.")
    var input: String

    @Option(help: "The price feed: a CSV file, gbm:..., merton:...")
    var feed: String

    @Option(help: "Output format: text or json (to standard output).")
    var format: Analyze.Format = .text

    @Option(help: "A CSV price history to fit GARCH on, when compiling a strategy.")
    var history: String?

    @Option(name: .customLong("report"), help: ArgumentHelp("Also write a self-contained HTML report (tables and SVG charts).", valueName: "FILE.html"))
    var reportFile: String?

    @OptionGroup var journal: JournalOptions

    func run() throws {
        let plan = try loadPlan()
        let spec: FeedSpec
        do {
            spec = try FeedSpec.parseSupported(feed)
        } catch {
            throw ValidationError("\(error)")
        }
        let source: any TickSource
        do {
            // CSV files and simulated paths come from Feeds; ws:// and wss:// from LiveFeed.
            source = try spec.makeSupportedSource()
        } catch {
            Terminal.standardError.write("\(feed): error: \(error)\n")
            throw ExitCode(FileManager.default.fileExists(atPath: feed) || !feed.hasSuffix(".csv") ? 1 : 74)
        }
        var journaled = try journal.open(plan: plan, feed: feed)
        if case .finished(let stored)? = journaled {
            guard reportFile != nil else {
                Terminal.standardOutput.write(format == .json ? stored.json : stored.text)
                return
            }
            // The journal keeps the result, not the series a report draws: replay the run
            // (deterministic, so it prints what the journal stored) without writing to it.
            journaled = nil
        }
        let watch = journal.watch(journaled, feed: spec)
        var interpreter = Interpreter(plan: plan)
        interpreter.observer = watch.observer
        let result: RunResult
        do {
            result = try Self.run(&interpreter, watch.source(source))
        } catch {
            Terminal.standardError.write("\(feed): error: \(error)\n")
            throw ExitCode(1)
        }
        let report = RunReport(result)
        try journal.finish(watch, report)
        Terminal.standardOutput.write(format == .json ? report.json() : report.text())
        if let reportFile {
            do { try Data(RunReportHTML(result, feed: feed).render().utf8).write(to: URL(fileURLWithPath: reportFile), options: .atomic) } catch {
                Terminal.standardError.write("\(reportFile): error: cannot write the report: \(error.localizedDescription) [io]\n")
                throw ExitCode(74)
            }
        }
    }

    static func run<S: TickSource>(_ interpreter: inout Interpreter, _ source: S) throws -> RunResult {
        var feed = source
        return try interpreter.run(&feed)
    }

    func loadPlan() throws -> HedgingPlan {
        if input.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: input) else {
                Terminal.standardError.write("\(input): error: cannot read the plan [io]\n")
                throw ExitCode(74)
            }
            do {
                return try PlanCoding.decode(data)
            } catch {
                Terminal.standardError.write("\(input): error: \(error)\n")
                throw ExitCode(1)
            }
        }
        let compiled = PlanCompiler.compile(path: input, now: try Clock.now(), history: try history.map(PriceHistoryLoader.load))
        if !compiled.diagnostics.isEmpty {
            DiagnosticOutputOptions(format: .text).emit(compiled.diagnostics, sources: [compiled.checked.loaded])
        }
        if compiled.checked.loaded.isIOFailure { throw ExitCode(74) }
        guard let plan = compiled.plan else { throw ExitCode(1) }
        return plan
    }
}
